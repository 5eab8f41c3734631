import { useCallback, useEffect, useState } from 'preact/hooks'
import { api } from '../api.js'
import { Link, navigate } from '../router.js'
import { Busy, ConfirmDialog, ErrorNote, formatDate, ScreenNotes, useAction, usePageTitle } from '../ui.js'
import { applicationName } from './application-card.js'
import { ApplicationFields, bodyOf, type EditForm, formOf } from './application-edit.js'
import {
  type Application,
  type ApplicationStatus,
  ifMatch,
  isConflict,
  problemsByField,
  STATUSES,
  type StatusChange,
  statusName,
} from './application-fields.js'
import { useJobsAndResumes } from './applications-screen.js'

const CHANGED_ELSEWHERE =
  'This application was changed somewhere else (another tab or device) since you opened it, so your change was not saved. '

/** One application: where it stands and how it got there, every detail to edit, and a way to delete it. */
export function ApplicationDetail({ applicationId }: { applicationId: string }) {
  const [application, setApplication] = useState<Application | null>(null)
  const [form, setForm] = useState<EditForm | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [notice, setNotice] = useState('')
  const [confirming, setConfirming] = useState(false)
  const { jobs, resumes } = useJobsAndResumes(setError)
  usePageTitle(application ? applicationName(application) : 'Application')

  const load = useCallback(async () => {
    const current = await api.get('/api/applications/{id}', { path: { id: applicationId } })
    setApplication(current)
    return current
  }, [applicationId])

  useEffect(() => {
    load()
      .then((current) => setForm(formOf(current)))
      .catch(setError)
  }, [load])

  if (!application || !form) {
    return (
      <section>
        <p>
          <Link href="/applications" class="back-link">
            All applications
          </Link>
        </p>
        <h1 tabIndex={-1}>Application</h1>
        <ScreenNotes error={error} onDismiss={() => setError(null)} notice="" />
        {!error && <Busy label="Loading the application…" />}
      </section>
    )
  }

  const job = application.jobId ? jobs.find((j) => j.id === application.jobId) : undefined
  const resume = application.resumeId ? resumes.find((r) => r.id === application.resumeId) : undefined
  const name = applicationName(application)

  const remove = async () => {
    await api.delete('/api/applications/{id}', { path: { id: application.id } })
    navigate('/applications')
  }

  return (
    <section>
      <p>
        <Link href="/applications" class="back-link">
          All applications
        </Link>
      </p>
      <h1 tabIndex={-1}>{name}</h1>
      <p class="meta">
        <span class={`status status-${application.status}`}>{statusName(application.status)}</span> · tracked since{' '}
        {formatDate(application.createdAt)}
      </p>
      <ul class="application-links">
        {application.url && (
          <li>
            <a href={application.url} rel="noopener noreferrer" target="_blank">
              Posting (opens a new tab)
            </a>
          </li>
        )}
        {job && (
          <li>
            <Link href="/jobs">Saved job</Link>
          </li>
        )}
        {application.resumeId && (
          <li>
            <Link href={`/resumes/${application.resumeId}`}>
              Resume sent{resume ? `: ${resume.title}` : ''}
              {application.resumeVersion ? ` (version ${application.resumeVersion})` : ''}
            </Link>
          </li>
        )}
        {job && application.resumeId && (
          <li>
            <Link href={`/resumes/${application.resumeId}/job`}>ATS match</Link>
          </li>
        )}
      </ul>
      <ScreenNotes error={error} onDismiss={() => setError(null)} notice={notice} />
      <div class="two-col application-detail">
        <StatusPanel
          application={application}
          onChanged={(updated) => {
            setApplication(updated)
            setNotice(`Moved to ${statusName(updated.status)}.`)
          }}
          onConflict={load}
        />
        <HistoryPanel history={application.history} />
      </div>
      <EditPanel
        application={application}
        form={form}
        onForm={setForm}
        resumes={resumes}
        onSaved={(updated) => {
          setApplication(updated)
          setForm(formOf(updated))
          setNotice('Saved the changes.')
        }}
        onConflict={load}
      />
      <section class="card" aria-labelledby="delete-title">
        <h2 id="delete-title">Delete</h2>
        <p class="hint">Removes the application and its history. The saved job and the resume stay.</p>
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          Delete application
        </button>
      </section>
      {confirming && (
        <ConfirmDialog
          id="confirm-delete-application"
          title={`Delete “${name}”?`}
          confirmLabel="Delete application"
          onConfirm={remove}
          onClose={() => setConfirming(false)}
        >
          <p>The application, its notes, contacts and status history are removed. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </section>
  )
}

interface PanelProps {
  application: Application
  onChanged: (updated: Application) => void
  /** Reads the application again after a 412. */
  onConflict: () => Promise<unknown>
}

function StatusPanel({ application, onChanged, onConflict }: PanelProps) {
  const [status, setStatus] = useState<ApplicationStatus>(application.status)
  const [note, setNote] = useState('')
  const { busy, error, setError, run } = useAction()
  const change = (event: Event) => {
    event.preventDefault()
    void run(async () => {
      try {
        const updated = await api.patch('/api/applications/{id}', {
          path: { id: application.id },
          headers: ifMatch(application),
          body: { status, ...(note.trim() && { statusNote: note.trim() }) },
        })
        setNote('')
        onChanged(updated)
      } catch (e) {
        if (!isConflict(e)) throw e
        const current = (await onConflict()) as Application
        setStatus(current.status)
        setError(
          new Error(`${CHANGED_ELSEWHERE}It now shows the latest status and history: change it again if need be.`),
        )
      }
    })
  }
  return (
    <form class="card" onSubmit={change} aria-labelledby="status-title">
      <h2 id="status-title">Status</h2>
      <label>
        Move to
        <select value={status} onChange={(e) => setStatus(e.currentTarget.value as ApplicationStatus)}>
          {STATUSES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Note for the history (optional)
        <input value={note} maxLength={1000} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <ErrorNote error={error} />
      <button type="submit" disabled={busy || status === application.status}>
        Change status
      </button>
    </form>
  )
}

function HistoryPanel({ history }: { history: readonly StatusChange[] }) {
  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <ol class="status-history">
        {[...history].reverse().map((change) => (
          <li key={`${change.at}-${change.to}`}>
            <strong>
              {change.from ? `${statusName(change.from)} → ${statusName(change.to)}` : statusName(change.to)}
            </strong>{' '}
            <time dateTime={change.at}>{formatDate(change.at)}</time>
            {change.note && <p class="hint">{change.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  )
}

interface EditProps extends Omit<PanelProps, 'onChanged'> {
  form: EditForm
  onForm: (form: EditForm) => void
  resumes: Parameters<typeof ApplicationFields>[0]['resumes']
  onSaved: (updated: Application) => void
}

function EditPanel({ application, form, onForm, resumes, onSaved, onConflict }: EditProps) {
  const { busy, error, setError, run } = useAction()
  const [local, setLocal] = useState(new Map<string, string>())
  const problems = new Map([...local, ...problemsByField(error)])
  const save = (event: Event) => {
    event.preventDefault()
    const mine = new Map<string, string>()
    if (form.nextNote.trim() && !form.nextAt) mine.set('nextStep/at', 'needs a date and time to keep the note')
    setLocal(mine)
    if (mine.size > 0) return
    void run(async () => {
      try {
        onSaved(
          await api.patch('/api/applications/{id}', {
            path: { id: application.id },
            headers: ifMatch(application),
            body: bodyOf(form, application),
          }),
        )
      } catch (e) {
        if (!isConflict(e)) throw e
        await onConflict()
        setError(
          new Error(`${CHANGED_ELSEWHERE}Your edits are still in the form: choose Save changes again to keep them.`),
        )
      }
    })
  }
  return (
    <form class="card" onSubmit={save} aria-labelledby="details-title" noValidate>
      <h2 id="details-title">Details</h2>
      <ApplicationFields form={form} onForm={onForm} resumes={resumes} problems={problems} />
      {problems.size > 0 && (
        <p class="field-problem" role="alert">
          Nothing was saved: see the fields marked above.
        </p>
      )}
      <ErrorNote error={problems.size > 0 ? null : error} />
      <button type="submit" disabled={busy}>
        Save changes
      </button>
    </form>
  )
}
