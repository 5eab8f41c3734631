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
