import { useCallback, useEffect, useState } from 'preact/hooks'
import { api } from './api.js'
import { Link, navigate } from './router.js'
import type { ResumeSummary } from './types.js'
import { Busy, ConfirmDialog, formatDate, ScreenNotes, TextField, usePageTitle } from './ui.js'

/** How long typing pauses before the search is sent. */
const SEARCH_DELAY_MS = 300

async function allResumes(trashed: boolean, tag: string, q: string): Promise<ResumeSummary[]> {
  const items: ResumeSummary[] = []
  let cursor: string | null | undefined
  do {
    const page = await api.get('/api/resumes', {
      query: { limit: 100, trashed, tag: tag || undefined, q: q || undefined, cursor: cursor || undefined },
    })
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor && items.length < 1000)
  return items
}

export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ]
}

/** `value`, once it has stopped changing for `delayMs`. */
function useSettled(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs)
    return () => clearTimeout(timer)
  }, [value, delayMs])
  return settled
}

/** What the trash asks to confirm: one resume deleted for good, or all of them. */
type Confirming = { kind: 'one'; resume: ResumeSummary } | { kind: 'all' }

export function ResumeList({ trashed = false }: { trashed?: boolean }) {
  const [items, setItems] = useState<ResumeSummary[] | null>(null)
  const [allTags, setAllTags] = useState<string[]>([])
  const [search, setSearch] = useState('')
  const [tag, setTag] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [notice, setNotice] = useState('')
  const [confirming, setConfirming] = useState<Confirming | null>(null)
  const query = useSettled(search.trim(), SEARCH_DELAY_MS)
  usePageTitle(trashed ? 'Trash' : 'Your resumes')

  /** Reads the list for the filters; a read overtaken by newer filters is dropped (`isCurrent`). */
  const load = useCallback(
    async (isCurrent: () => boolean = () => true) => {
      const list = await allResumes(trashed, tag, query)
      if (!isCurrent()) return
      setItems(list)
      // The tag menu offers every tag, so it is gathered only from an unfiltered list.
      if (!tag && !query) setAllTags([...new Set(list.flatMap((r) => r.tags))].sort())
    },
    [trashed, tag, query],
  )

  useEffect(() => {
    let live = true
    load(() => live).catch((e: unknown) => live && setError(e))
    return () => {
      live = false
    }
  }, [load])

  const act = async (action: () => Promise<string>) => {
    setError(null)
    try {
      setNotice(await action())
      await load()
    } catch (e) {
      setError(e)
    }
  }

  const duplicate = (resume: ResumeSummary) =>
    act(async () => {
      const draft = await api.get('/api/resumes/{id}/draft', { path: { id: resume.id } })
      await api.post('/api/resumes', {
        body: {
          title: `Copy of ${resume.title}`.slice(0, 200),
          tags: resume.tags,
          templateId: resume.templateId,
          content: draft.content,
        },
      })
      return `Duplicated “${resume.title}”.`
    })
  const trash = (resume: ResumeSummary) =>
    act(async () => {
      await api.delete('/api/resumes/{id}', { path: { id: resume.id } })
      return `Moved “${resume.title}” to the trash. Restore it from Trash within 30 days.`
    })
  const restore = (resume: ResumeSummary) =>
    act(async () => {
      await api.post('/api/resumes/{id}/restore', { path: { id: resume.id } })
      return `Restored “${resume.title}”.`
    })
  /** Deletes for good and reads the list again before the dialog closes, so focus never lands on a removed row. */
  const deleteForever = async (what: Confirming) => {
    if (what.kind === 'one') {
      await api.delete('/api/resumes/{id}/permanently', { path: { id: what.resume.id } })
      setNotice(`Deleted “${what.resume.title}” for good.`)
    } else {
      const { deleted } = await api.delete('/api/resumes/trash', {})
      setNotice(
        deleted === 1
          ? 'Emptied the trash: 1 resume deleted for good.'
          : `Emptied the trash: ${deleted} resumes deleted for good.`,
      )
    }
    await load()
  }
  const filtering = query !== '' || tag !== ''

  return (
    <section>
      <div class="page-head">
        <h1 tabIndex={-1}>{trashed ? 'Trash' : 'Your resumes'}</h1>
        {!trashed && <CreateResume onError={setError} />}
        {trashed && items !== null && (items.length > 0 || filtering) && (
          <button type="button" class="danger" onClick={() => setConfirming({ kind: 'all' })}>
            Empty trash
          </button>
        )}
      </div>
      {trashed && <p class="hint">Resumes in the trash are removed for good 30 days after you trash them.</p>}
      <search class="filters">
        <TextField label="Search titles and content" type="search" value={search} maxLength={200} onValue={setSearch} />
        <div class="filter-field">
          <label for="tag-filter">Tag</label>
          <select id="tag-filter" value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
            <option value="">All tags</option>
            {allTags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
      </search>
      <ScreenNotes error={error} onDismiss={() => setError(null)} notice={notice} />
      {items === null ? (
        <Busy label="Loading resumes…" />
      ) : items.length === 0 && !filtering && !trashed ? (
        <FirstRun onError={setError} />
      ) : items.length === 0 ? (
        <p class="empty">
          {filtering ? `No resume ${trashed ? 'in the trash ' : ''}matches the search.` : 'The trash is empty.'}
        </p>
      ) : (
        <ul class="resume-list" aria-label={trashed ? 'Trashed resumes' : 'Resumes'}>
          {items.map((resume) => (
            <li key={resume.id} class="card resume-row">
              <div>
                <h2>{trashed ? resume.title : <Link href={`/resumes/${resume.id}`}>{resume.title}</Link>}</h2>
                <p class="meta">
                  {trashed && resume.purgeAt
                    ? `Removed for good ${formatDate(resume.purgeAt)}`
                    : `Version ${resume.headVersion}${resume.hasDraft ? ', unsaved draft changes' : ''} · updated ${formatDate(resume.updatedAt)}`}
                </p>
                {resume.tags.length > 0 && (
                  <ul class="tags" aria-label="Tags">
                    {resume.tags.map((t) => (
                      <li key={t}>{t}</li>
                    ))}
                  </ul>
                )}
              </div>
              <div class="row-actions">
                {trashed ? (
                  <>
                    <button type="button" onClick={() => restore(resume)} aria-label={`Restore ${resume.title}`}>
                      Restore
                    </button>
                    <button
                      type="button"
                      class="danger"
                      onClick={() => setConfirming({ kind: 'one', resume })}
                      aria-label={`Delete ${resume.title} forever`}
                    >
                      Delete forever
                    </button>
                  </>
                ) : (
                  <>
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => duplicate(resume)}
                      aria-label={`Duplicate ${resume.title}`}
                    >
                      Duplicate
                    </button>
                    <button
                      type="button"
                      class="danger"
                      onClick={() => trash(resume)}
                      aria-label={`Move ${resume.title} to trash`}
                    >
                      Trash
                    </button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          id="confirm-delete"
          title={confirming.kind === 'one' ? `Delete “${confirming.resume.title}” forever?` : 'Empty the trash?'}
          confirmLabel={confirming.kind === 'one' ? 'Delete forever' : 'Empty trash'}
          onConfirm={() => deleteForever(confirming)}
          onClose={() => setConfirming(null)}
        >
          <p>
            {confirming.kind === 'one'
              ? 'The resume is removed with all its versions and its draft.'
              : 'Every resume in the trash is removed with all its versions and drafts, including any the search hides.'}{' '}
            This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}

/** The list of a new account: three ways to begin, the sample clearly a fictional one. */
function FirstRun({ onError }: { onError: (e: unknown) => void }) {
  const [busy, setBusy] = useState(false)
  const startFromSample = async () => {
    setBusy(true)
    try {
      const resume = await api.post('/api/resumes', { body: { sample: true } })
      navigate(`/resumes/${resume.id}`)
    } catch (e) {
      onError(e)
      setBusy(false)
    }
  }
  return (
    <section class="card first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">Start your first resume</h2>
      <ul class="first-run-choices">
        <li>
          <button type="button" onClick={startFromSample} disabled={busy}>
            Start from a sample
          </button>
          <p class="hint">
            A complete resume of a fictional person, tagged “sample”, to see how everything works and replace with
            yours.
          </p>
        </li>
        <li>
          <Link href="/import">Import what I have</Link>
          <p class="hint">A PDF, DOCX or JSON Resume file: you review what was read before anything is saved.</p>
        </li>
        <li>
          <p>
            <strong>Start blank</strong>: give it a title above and choose “Create resume”.
          </p>
        </li>
      </ul>
    </section>
  )
}

function CreateResume({ onError }: { onError: (e: unknown) => void }) {
  const [title, setTitle] = useState('')
  const [tags, setTags] = useState('')
  const [busy, setBusy] = useState(false)
  const create = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    try {
      const resume = await api.post('/api/resumes', {
        body: { title: title.trim() || 'Untitled resume', tags: parseTags(tags), content: { basics: {} } },
      })
      navigate(`/resumes/${resume.id}`)
    } catch (e) {
      onError(e)
      setBusy(false)
    }
  }
  return (
    <form class="create-form" onSubmit={create} aria-label="New resume">
      <TextField label="New resume title" name="title" value={title} required maxLength={200} onValue={setTitle} />
      <TextField label="Tags (comma separated)" name="tags" value={tags} onValue={setTags} />
      <button type="submit" disabled={busy}>
        Create resume
      </button>
    </form>
  )
}
