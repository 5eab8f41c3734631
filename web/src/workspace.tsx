import { useEffect, useState } from 'preact/hooks'
import { api, fieldName, messageOf } from './api.js'
import { DesignPanel } from './design.js'
import { Editor } from './editor/editor.js'
import { contentPointer, fieldProblems, readableProblem } from './editor/field-problems.js'
import { fieldId } from './editor/json.js'
import { type DraftHandle, type SaveState, useDraft } from './editor/use-draft.js'
import { HistoryPanel } from './history.js'
import { JobPanel } from './intelligence/job-match.js'
import { parseTags } from './resume-list.js'
import { Link } from './router.js'
import type { ResumeSummary } from './types.js'
import { Busy, Dialog, ErrorNote, TextField, usePageTitle } from './ui.js'

export type Tab = 'edit' | 'history' | 'job' | 'design'

const TABS: { id: Tab; label: string }[] = [
  { id: 'edit', label: 'Edit' },
  { id: 'history', label: 'History' },
  { id: 'job', label: 'Job match' },
  { id: 'design', label: 'Design & export' },
]

const SAVE_LABELS: Record<SaveState, string> = {
  loading: 'Loading…',
  dirty: 'Unsaved changes',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved',
  conflict: 'Not saved: conflict',
}

/** One resume: its details, the draft shared by every tab, and the save state. */
export function Workspace({ resumeId, tab }: { resumeId: string; tab: Tab }) {
  const [resume, setResume] = useState<ResumeSummary | null>(null)
  const [error, setError] = useState<unknown>(null)
  const draft = useDraft(resumeId)
  usePageTitle(resume ? `${resume.title}: ${TABS.find((t) => t.id === tab)?.label ?? ''}` : 'Resume')

  const refresh = () =>
    api
      .get('/api/resumes/{id}', { path: { id: resumeId } })
      .then(setResume)
      .catch((e: unknown) => setError(e))
  useEffect(() => void refresh(), [resumeId])

  if (error) return <ErrorNote error={error} />
  if (!resume || draft.content === null) {
    return draft.state === 'error' ? <ErrorNote error={draft.error} /> : <Busy label="Loading resume…" />
  }

  return (
    <section class="workspace">
      <div class="page-head">
        <h1 tabIndex={-1}>{resume.title}</h1>
        <SaveIndicator draft={draft} />
      </div>
      <nav aria-label="Resume sections" class="tabs">
        <ul class="nav-list">
          {TABS.map((t) => (
            <li key={t.id}>
              <Link
                href={`/resumes/${resumeId}${t.id === 'edit' ? '' : `/${t.id}`}`}
                aria-current={t.id === tab ? 'page' : undefined}
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {draft.state === 'conflict' && <ConflictDialog draft={draft} />}
      {tab === 'edit' && (
        <>
          <Details resume={resume} onSaved={setResume} />
          {!draft.valid && draft.problems.length > 0 && (
            <div class="note note-warn">
              <p>Fix these before committing a version:</p>
              <ul>
                {draft.problems.map((p) => (
                  <li key={p.pointer}>
                    <button
                      type="button"
                      class="link-button"
                      onClick={() => {
                        const field = document.getElementById(fieldId(p.pointer.replace(/^\/content/, '')))
                        field?.closest('details')?.setAttribute('open', '')
                        field?.focus()
                      }}
                    >
                      {fieldName(p.pointer) || 'The resume'}
                    </button>{' '}
                    {readableProblem(contentPointer(p.pointer), p.message)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Editor
            content={draft.content}
            onChange={draft.update}
            problems={fieldProblems(draft.problems, draft.error)}
          />
        </>
      )}
      {tab === 'history' && <HistoryPanel resume={resume} draft={draft} onChanged={refresh} />}
      {tab === 'job' && <JobPanel resume={resume} draft={draft} />}
      {tab === 'design' && <DesignPanel resume={resume} draft={draft} onChanged={setResume} />}
    </section>
  )
}

function SaveIndicator({ draft }: { draft: DraftHandle }) {
  return (
    <div class={`save-state save-${draft.state}`}>
      <span role="status" aria-live="polite" data-testid="save-state">
        {SAVE_LABELS[draft.state]}
      </span>
      {draft.state === 'error' && (
        <>
          <span class="save-error">{messageOf(draft.error)}</span>
          <button type="button" class="small" onClick={() => void draft.flush().catch(() => undefined)}>
            Retry save
          </button>
        </>
      )}
    </div>
  )
}

function ConflictDialog({ draft }: { draft: DraftHandle }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const choose = async (action: () => Promise<void>) => {
    setBusy(true)
    try {
      await action()
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }
  return (
    <Dialog title="This resume was changed somewhere else" id="conflict" onClose={() => undefined}>
      <p>
        Another tab or device saved this resume after you opened it, so your latest changes were not saved. Choose which
        version to keep. Nothing has been lost yet.
      </p>
      <ErrorNote error={error} />
      <div class="dialog-actions">
        <button type="button" disabled={busy} onClick={() => choose(draft.loadTheirs)}>
          Load their version
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => choose(draft.keepMine)}>
          Keep mine (overwrite)
        </button>
      </div>
    </Dialog>
  )
}

function Details({ resume, onSaved }: { resume: ResumeSummary; onSaved: (r: ResumeSummary) => void }) {
  const [title, setTitle] = useState(resume.title)
  const [tags, setTags] = useState(resume.tags.join(', '))
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState('')
  const save = async (event: Event) => {
    event.preventDefault()
    setError(null)
    try {
      onSaved(
        await api.patch('/api/resumes/{id}', {
          path: { id: resume.id },
          body: { title: title.trim(), tags: parseTags(tags) },
        }),
      )
      setDone('Details saved.')
    } catch (e) {
      setError(e)
    }
  }
  return (
    <form class="details-form" onSubmit={save} aria-label="Resume details">
      <TextField label="Title" value={title} required maxLength={200} onValue={setTitle} />
      <TextField label="Tags (comma separated)" value={tags} onValue={setTags} />
      <button type="submit" class="secondary">
        Save details
      </button>
      <span role="status" class="hint">
        {done}
      </span>
      <ErrorNote error={error} />
    </form>
  )
}
