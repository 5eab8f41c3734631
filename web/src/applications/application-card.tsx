import { useState } from 'preact/hooks'
import { Link } from '../router.js'
import { type Application, type ApplicationStatus, formatDay, STATUSES, statusName } from './application-fields.js'

/** How the card names an application: "Backend Engineer at Acme". */
export function applicationName(application: Pick<Application, 'title' | 'company'>): string {
  return `${application.title} at ${application.company}`
}

interface CardProps {
  application: Application
  /** The resume sent, by title, when it is still there. */
  resumeTitle: string | undefined
  /** Whether the saved job is still there. */
  hasJob: boolean
  /** Shown in the list view; the board's column says it already. */
  showStatus: boolean
  busy: boolean
  onMove: (application: Application, status: ApplicationStatus) => void
}

/** One application: what and where, what is next, links to its job and resume, and a way to move it on. */
export function ApplicationCard({ application, resumeTitle, hasJob, showStatus, busy, onMove }: CardProps) {
  const { id, status, deadline, nextStep, resumeId, jobId } = application
  const name = applicationName(application)
  const [target, setTarget] = useState<ApplicationStatus>(status)
  const moveId = `move-${id}`
  return (
    <article class="card application-card" aria-labelledby={`title-${id}`}>
      <h3 id={`title-${id}`}>
        <Link href={`/applications/${id}`}>{application.title}</Link>
      </h3>
      <p class="application-company">{application.company}</p>
      {showStatus && (
        <p class="meta">
          Status: <span class={`status status-${status}`}>{statusName(status)}</span>
        </p>
      )}
      {deadline && <p class="meta">Deadline {formatDay(deadline)}</p>}
      {nextStep && (
        <p class="meta">
          Next: {formatDay(nextStep.at)}
          {nextStep.note ? ` · ${nextStep.note}` : ''}
        </p>
      )}
      {(hasJob || resumeId) && (
        <ul class="application-links">
          {hasJob && jobId && (
            <li>
              <Link href="/jobs">
                Saved job<span class="visually-hidden"> for {name}</span>
              </Link>
            </li>
          )}
          {resumeId && (
            <li>
              <Link href={`/resumes/${resumeId}`}>
                Resume{resumeTitle ? `: ${resumeTitle}` : ''}
                {application.resumeVersion ? ` (v${application.resumeVersion})` : ''}
                <span class="visually-hidden"> sent for {name}</span>
              </Link>
            </li>
          )}
          {hasJob && resumeId && (
            <li>
              <Link href={`/resumes/${resumeId}/job`}>
                ATS match<span class="visually-hidden"> for {name}</span>
              </Link>
            </li>
          )}
        </ul>
      )}
      <form
        class="move-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (target !== status) onMove(application, target)
        }}
      >
        <label for={moveId}>
          Status<span class="visually-hidden"> of {name}</span>
        </label>
        <div class="move-row">
          <select id={moveId} value={target} onChange={(e) => setTarget(e.currentTarget.value as ApplicationStatus)}>
            {STATUSES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary small" disabled={busy || target === status}>
            Move<span class="visually-hidden"> {name}</span>
          </button>
        </div>
      </form>
    </article>
  )
}
