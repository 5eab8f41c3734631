import { useCallback, useEffect, useState } from 'preact/hooks'
import { api, download, url } from '../api.js'
import type { Job, ResumeSummary } from '../types.js'
import { Busy, ScreenNotes, useAction, usePageTitle } from '../ui.js'
import { ApplicationCard, applicationName } from './application-card.js'
import {
  type Application,
  type ApplicationStatus,
  ifMatch,
  isConflict,
  STATUSES,
  statusName,
} from './application-fields.js'
import { ApplicationForm } from './application-form.js'

type View = 'board' | 'list'
const VIEW_KEY = 'roleready.applications.view'

/** Every application, most recently changed first (the API pages them). */
export async function allApplications(): Promise<Application[]> {
  const items: Application[] = []
  let cursor: string | undefined
  do {
    const page = await api.get('/api/applications', { query: { limit: 100, cursor } })
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor && items.length < 1000)
  return items
}

/** Saved jobs and resumes, for the form's choices and the cards' links. */
export function useJobsAndResumes(onError: (e: unknown) => void) {
  const [jobs, setJobs] = useState<Job[]>([])
  const [resumes, setResumes] = useState<ResumeSummary[]>([])
  useEffect(() => {
    api
      .get('/api/jobs', { query: { limit: 50 } })
      .then((page) => setJobs(page.items))
      .catch(onError)
    api
      .get('/api/resumes', { query: { limit: 100, trashed: false } })
      .then((page) => setResumes(page.items))
      .catch(onError)
  }, [onError])
  return { jobs, resumes }
}

function storedView(): View {
  try {
    return localStorage.getItem(VIEW_KEY) === 'list' ? 'list' : 'board'
  } catch {
    return 'board'
  }
}

/** The application tracker: a board by status or a list, a form to track one more, and the CSV of them all. */
export function ApplicationsScreen() {
  const [items, setItems] = useState<Application[] | null>(null)
  const [view, setView] = useState<View>(storedView)
  const [error, setError] = useState<unknown>(null)
  const [notice, setNotice] = useState('')
  const [moving, setMoving] = useState<string | null>(null)
  /** The card whose status control gets focus once it is drawn in its new column. */
  const [focusId, setFocusId] = useState<string | null>(null)
  const download_ = useAction()
  const { jobs, resumes } = useJobsAndResumes(setError)
  usePageTitle('Applications')

  const load = useCallback(() => allApplications().then(setItems), [])
  useEffect(() => {
    load().catch(setError)
  }, [load])

  useEffect(() => {
    if (!focusId) return
    document.getElementById(`move-${focusId}`)?.focus()
    setFocusId(null)
  }, [focusId, items, view])

  const choose = (next: View) => {
    setView(next)
    try {
      localStorage.setItem(VIEW_KEY, next)
    } catch {
      // The choice lasts for this visit only.
    }
  }

  const move = async (application: Application, status: ApplicationStatus) => {
    setError(null)
    setNotice('')
    setMoving(application.id)
    const name = applicationName(application)
    try {
      const updated = await api.patch('/api/applications/{id}', {
        path: { id: application.id },
        headers: ifMatch(application),
        body: { status },
      })
      setItems((list) => list?.map((a) => (a.id === updated.id ? updated : a)) ?? null)
      setNotice(`Moved “${name}” to ${statusName(status)}.`)
    } catch (e) {
      if (isConflict(e)) {
        await load().catch(setError)
        setError(
          new Error(
            `“${name}” was changed somewhere else (another tab or device), so it was not moved. The screen now shows its latest state: move it again if you still want to.`,
          ),
        )
      } else setError(e)
    } finally {
      setMoving(null)
      setFocusId(application.id)
    }
  }

  const jobIds = new Set(jobs.map((j) => j.id))
  const resumeTitles = new Map(resumes.map((r) => [r.id, r.title]))
  const card = (application: Application, showStatus: boolean) => (
    <ApplicationCard
      key={`${application.id}-${application.revision}`}
      application={application}
      hasJob={application.jobId !== undefined && jobIds.has(application.jobId)}
      resumeTitle={application.resumeId ? resumeTitles.get(application.resumeId) : undefined}
      showStatus={showStatus}
      busy={moving === application.id}
      onMove={move}
    />
  )

  return (
    <section>
      <div class="page-head">
        <h1 tabIndex={-1}>Applications</h1>
        <div class="row-actions">
          <fieldset class="view-toggle">
            <legend class="visually-hidden">Show as</legend>
            <button
              type="button"
              class={view === 'board' ? '' : 'secondary'}
              aria-pressed={view === 'board'}
              onClick={() => choose('board')}
            >
              Board
            </button>
            <button
              type="button"
              class={view === 'list' ? '' : 'secondary'}
              aria-pressed={view === 'list'}
              onClick={() => choose('list')}
            >
              List
            </button>
          </fieldset>
          <button
            type="button"
            class="secondary"
            disabled={download_.busy}
            onClick={() => download_.run(() => download(url('/api/applications/export.csv', {}), 'applications.csv'))}
          >
            Download CSV
          </button>
        </div>
      </div>
      <ApplicationForm
        jobs={jobs}
        resumes={resumes}
        open={items !== null && items.length === 0}
        onCreated={(created) => {
          setItems((list) => [created, ...(list ?? [])])
          setNotice(`Tracking “${applicationName(created)}” as ${statusName(created.status)}.`)
        }}
      />
      <ScreenNotes
        error={error ?? download_.error}
        onDismiss={() => {
          setError(null)
          download_.setError(null)
        }}
        notice={notice}
      />
      {items === null ? (
        <Busy label="Loading applications…" />
      ) : items.length === 0 ? (
        <p class="empty">No applications tracked yet. Track one above: a saved job, or a company and title.</p>
      ) : view === 'board' ? (
        <div class="board">
          {STATUSES.map(([status, label]) => {
            const column = items.filter((a) => a.status === status)
            return (
              <section key={status} class="board-column" aria-labelledby={`column-${status}`}>
                <h2 id={`column-${status}`} class="board-title">
                  {label} <span class="count">({column.length})</span>
                </h2>
                {column.length === 0 ? (
                  <p class="empty">None</p>
                ) : (
                  <ul class="application-list" aria-label={label}>
                    {column.map((a) => (
                      <li key={a.id}>{card(a, false)}</li>
                    ))}
                  </ul>
                )}
              </section>
            )
          })}
        </div>
      ) : (
        <ul class="application-list list-view" aria-label="Applications, most recently changed first">
          {items.map((a) => (
            <li key={a.id}>{card(a, true)}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
