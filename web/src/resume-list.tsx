import { useEffect, useMemo, useState } from 'preact/hooks'
import { api } from './api.js'
import { Link, navigate } from './router.js'
import type { ResumeSummary } from './types.js'
import { Busy, formatDate, ScreenNotes, TextField, usePageTitle } from './ui.js'

async function allResumes(trashed: boolean, tag: string): Promise<ResumeSummary[]> {
  const items: ResumeSummary[] = []
  let cursor: string | null | undefined
  do {
    const page = await api.get('/api/resumes', {
      query: { limit: 100, trashed, tag: tag || undefined, cursor: cursor || undefined },
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

export function ResumeList({ trashed = false }: { trashed?: boolean }) {
  const [items, setItems] = useState<ResumeSummary[] | null>(null)
  const [allTags, setAllTags] = useState<string[]>([])
  const [search, setSearch] = useState('')
  const [tag, setTag] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [notice, setNotice] = useState('')
  const [reload, setReload] = useState(0)
  usePageTitle(trashed ? 'Trash' : 'Your resumes')

  useEffect(() => {
    let live = true
    allResumes(trashed, tag)
      .then((list) => {
        if (!live) return
        setItems(list)
        if (!tag) setAllTags([...new Set(list.flatMap((r) => r.tags))].sort())
      })
      .catch((e: unknown) => live && setError(e))
    return () => {
      live = false
    }
  }, [trashed, tag, reload])

  const shown = useMemo(() => {
    const words = search.trim().toLowerCase()
    return (items ?? []).filter((r) => !words || r.title.toLowerCase().includes(words))
  }, [items, search])

  const act = async (action: () => Promise<string>) => {
    setError(null)
    try {
      setNotice(await action())
      setReload((n) => n + 1)
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

  return (
    <section>
      <div class="page-head">
        <h1 tabIndex={-1}>{trashed ? 'Trash' : 'Your resumes'}</h1>
        {!trashed && <CreateResume onError={setError} />}
      </div>
      {trashed && <p class="hint">Resumes in the trash are removed for good 30 days after you trash them.</p>}
      <search class="filters">
        <TextField label="Search by title" type="search" value={search} onValue={setSearch} />
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
      ) : shown.length === 0 ? (
        <p class="empty">
          {items.length === 0
            ? trashed
              ? 'The trash is empty.'
              : 'No resumes yet. Create one above or import a PDF, DOCX or JSON file.'
            : 'No resume matches the search.'}
        </p>
      ) : (
        <ul class="resume-list" aria-label={trashed ? 'Trashed resumes' : 'Resumes'}>
          {shown.map((resume) => (
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
                  <button type="button" onClick={() => restore(resume)} aria-label={`Restore ${resume.title}`}>
                    Restore
                  </button>
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
