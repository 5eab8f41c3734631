import { applyPatch, type Operation } from 'fast-json-patch'
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { ApiError, api } from '../api.js'
import type { Draft, PatchOperation, ResumeContent } from '../types.js'

/** What the save indicator shows. `conflict`: another tab or device saved first (412). */
export type SaveState = 'loading' | 'saved' | 'dirty' | 'saving' | 'error' | 'conflict'

const AUTOSAVE_DELAY_MS = 800

export interface DraftHandle {
  content: ResumeContent | null
  state: SaveState
  error: unknown
  valid: boolean
  problems: Draft['errors']
  baseVersion: number
  /** Replace the content; autosaves after a pause in typing. */
  update: (next: ResumeContent) => void
  /** Saves now (if anything is unsaved) and resolves when the draft on the server matches the page. */
  flush: () => Promise<void>
  /** Reloads from the server, dropping unsaved edits. */
  reload: () => Promise<void>
  /** 412 choices: take the other save, or overwrite it with this page's content. */
  loadTheirs: () => Promise<void>
  keepMine: () => Promise<void>
  /** The ETag of the draft as last saved or read. */
  etag: () => string
}

const quoted = (etag: string) => `"${etag}"`

/** The working draft of one resume: load, debounced autosave with If-Match, conflict handling. */
export function useDraft(resumeId: string): DraftHandle {
  const [content, setContent] = useState<ResumeContent | null>(null)
  const [state, setState] = useState<SaveState>('loading')
  const [error, setError] = useState<unknown>(null)
  const [validity, setValidity] = useState<Pick<Draft, 'valid' | 'errors' | 'baseVersion'>>({
    valid: true,
    errors: [],
    baseVersion: 0,
  })
  const etag = useRef('')
  const latest = useRef<ResumeContent | null>(null)
  const saved = useRef<ResumeContent | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const running = useRef<Promise<void> | null>(null)
  const blocked = useRef(false)

  const accept = useCallback((draft: Draft, replaceContent: boolean) => {
    etag.current = draft.etag
    setValidity({ valid: draft.valid, errors: draft.errors, baseVersion: draft.baseVersion })
    if (replaceContent) {
      latest.current = draft.content
      saved.current = draft.content
      setContent(draft.content)
    }
  }, [])

  const reload = useCallback(async () => {
    clearTimeout(timer.current)
    const draft = await api.get('/api/resumes/{id}/draft', { path: { id: resumeId } })
    accept(draft, true)
    blocked.current = false
    setError(null)
    setState('saved')
  }, [resumeId, accept])

  const saveOnce = useCallback(async (): Promise<void> => {
    const snapshot = latest.current
    if (blocked.current || snapshot === null || snapshot === saved.current) return
    setState('saving')
    try {
      const stored = await api.put('/api/resumes/{id}/draft', {
        path: { id: resumeId },
        headers: { 'if-match': quoted(etag.current) },
        body: { content: snapshot },
      })
      accept(stored, false)
      saved.current = snapshot
      setError(null)
      setState(latest.current === snapshot ? 'saved' : 'dirty')
    } catch (e) {
      setError(e)
      if (e instanceof ApiError && e.status === 412) {
        // Never overwrite silently: stop autosaving until the person chooses.
        blocked.current = true
        setState('conflict')
      } else {
        setState('error')
      }
    }
  }, [resumeId, accept])

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current)
    // One save at a time, each with the ETag the previous one returned.
    while (running.current) await running.current
    const run = saveOnce()
    running.current = run
    try {
      await run
    } finally {
      running.current = null
    }
    if (!blocked.current && latest.current !== saved.current && latest.current !== null) {
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS)
    }
  }, [saveOnce])

  const update = useCallback(
    (next: ResumeContent) => {
      latest.current = next
      setContent(next)
      if (blocked.current) return
      setState('dirty')
      clearTimeout(timer.current)
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS)
    },
    [save],
  )

  const flush = useCallback(async () => {
    if (blocked.current) throw new Error('Resolve the save conflict first.')
    await save()
    while (running.current) await running.current
    if (latest.current !== saved.current) throw new Error('The draft could not be saved; see the save state.')
  }, [save])

  const loadTheirs = useCallback(async () => {
    await reload()
  }, [reload])

  const keepMine = useCallback(async () => {
    const current = await api.get('/api/resumes/{id}/draft', { path: { id: resumeId } })
    etag.current = current.etag
    saved.current = null
    blocked.current = false
    await save()
  }, [resumeId, save])

  useEffect(() => {
    reload().catch((e: unknown) => {
      setError(e)
      setState('error')
    })
    return () => clearTimeout(timer.current)
  }, [reload])

  // Warn before leaving with unsaved work.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current !== saved.current) event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [])

  return {
    content,
    state,
    error,
    valid: validity.valid,
    problems: validity.errors,
    baseVersion: validity.baseVersion,
    update,
    flush,
    reload,
    loadTheirs,
    keepMine,
    etag: () => etag.current,
  }
}

/**
 * Applies a JSON Patch proposed by the API (a suggestion, a rewrite) to the loaded draft, which then autosaves.
 * False, leaving the draft as it is, when the patch no longer fits: its `test` operations check the text it replaces.
 */
export function applyToDraft(draft: DraftHandle, patch: PatchOperation[]): boolean {
  if (draft.content === null) return false
  try {
    draft.update(applyPatch(draft.content, patch as Operation[], true, false).newDocument as ResumeContent)
    return true
  } catch {
    return false
  }
}
