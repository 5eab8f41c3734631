import type { ComponentChildren, InputHTMLAttributes } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { messageOf } from './api.js'

/** An error in plain words, announced to screen readers. */
export function ErrorNote({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  if (!error) return null
  return (
    <div class="note note-error" role="alert">
      <p>{messageOf(error)}</p>
      {onDismiss && (
        <button type="button" class="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  )
}

/** A screen's error (dismissable) and the status line screen readers announce after an action. */
export function ScreenNotes({ error, onDismiss, notice }: { error: unknown; onDismiss: () => void; notice: string }) {
  return (
    <>
      <ErrorNote error={error} onDismiss={onDismiss} />
      <p role="status" class="sr-status">
        {notice}
      </p>
    </>
  )
}

export function Busy({ label }: { label: string }) {
  return (
    <p class="busy" role="status">
      <span class="spinner" aria-hidden="true" />
      {label}
    </p>
  )
}

/** A progress bar for background work (tasks report 0–100). */
export function Progress({ label, value }: { label: string; value: number }) {
  return (
    <div class="progress-wrap" role="status">
      <label>
        {label} ({value}%)
        <progress max={100} value={value} />
      </label>
    </div>
  )
}

interface DialogProps {
  title: string
  children: ComponentChildren
  onClose: () => void
  id?: string
}

/** A modal <dialog>: the browser traps focus inside it and closes it on Escape. */
export function Dialog({ title, children, onClose, id }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  const titleId = `${id ?? 'dialog'}-title`
  return (
    <dialog
      ref={ref}
      id={id}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  )
}

interface ConfirmDialogProps {
  id: string
  title: string
  children: ComponentChildren
  /** The label of the button that does it ("Delete forever"); Cancel comes first, so opening focuses it. */
  confirmLabel: string
  /** Does it; the dialog stays open, busy, until it settles, and shows what it threw. */
  onConfirm: () => Promise<void>
  /** Closes the dialog, after Cancel, Escape or a confirmed action that succeeded. */
  onClose: () => void
}

/**
 * Asks before something that cannot be undone. Focus starts on Cancel; on close it goes back to the control that
 * opened the dialog or, when that is gone (the row it deleted), to the screen's heading.
 */
export function ConfirmDialog({ id, title, children, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const { busy, error, run } = useAction()
  const opener = useRef<Element | null>(null)
  if (opener.current === null) opener.current = document.activeElement
  useEffect(
    () => () => {
      const target = opener.current
      // After the <dialog> has closed and the screen has drawn what the action changed.
      setTimeout(() => {
        if (target instanceof HTMLElement && target.isConnected) target.focus()
        else document.querySelector<HTMLElement>('h1')?.focus()
      })
    },
    [],
  )
  const confirm = () =>
    run(async () => {
      await onConfirm()
      onClose()
    })
  return (
    <Dialog title={title} id={id} onClose={() => !busy && onClose()}>
      {children}
      <ErrorNote error={error} />
      <div class="dialog-actions">
        <button type="button" class="secondary" disabled={busy} onClick={onClose}>
          Cancel
        </button>
        <button type="button" class="danger" disabled={busy} onClick={confirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}

/** The browser tab's title names the screen, as screen readers announce it on navigation. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · RoleReady` : 'RoleReady'
  }, [title])
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

/**
 * A user-started request: `busy` while it runs (to disable its button), and what it threw, for an ErrorNote.
 * `run` clears the last error first.
 */
export function useAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, setError, run }
}

interface TextFieldProps {
  label: string
  value: string
  onValue: (value: string) => void
  name?: string
  type?: 'text' | 'email' | 'password' | 'search' | 'url'
  autocomplete?: string
  required?: boolean
  minLength?: number
  maxLength?: number
  'aria-describedby'?: string | undefined
}

/** A labelled one-line input bound to a string: the label wraps the input, so it names it. */
export function TextField({ label, value, onValue, ...input }: TextFieldProps) {
  // Preact types an input's attributes as a union keyed by `type`; these props hold for every type listed above.
  const attributes = input as InputHTMLAttributes<HTMLInputElement>
  return (
    <label>
      {label}
      <input {...attributes} value={value} onInput={(e) => onValue(e.currentTarget.value)} />
    </label>
  )
}
