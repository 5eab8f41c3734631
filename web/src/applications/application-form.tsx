import { useState } from 'preact/hooks'
import { api } from '../api.js'
import { jobName } from '../intelligence/job-match.js'
import type { Job, ResumeSummary } from '../types.js'
import { ErrorNote, useAction } from '../ui.js'
import {
  type Application,
  type ApplicationStatus,
  Field,
  fromDateInput,
  problemsByField,
  STATUSES,
} from './application-fields.js'

interface Props {
  jobs: readonly Job[]
  resumes: readonly ResumeSummary[]
  /** Open at first (a new account has nothing on its board yet). */
  open: boolean
  onCreated: (application: Application) => void
}

const FIELDS_SHOWN = new Set(['jobId', 'company', 'title', 'url', 'resumeId', 'status', 'deadline', 'notes'])

/** Tracks a new application: a saved job or a company and title, the resume sent, where it stands. */
export function ApplicationForm({ jobs, resumes, open, onCreated }: Props) {
  const [jobId, setJobId] = useState('')
  const [company, setCompany] = useState('')
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  const [resumeId, setResumeId] = useState('')
  const [status, setStatus] = useState<ApplicationStatus>('saved')
  const [deadline, setDeadline] = useState('')
  const [notes, setNotes] = useState('')
  const { busy, error, run } = useAction()
  const problems = problemsByField(error)
  // Field problems are said at their fields; anything else (a job deleted meanwhile) above the button.
  const placed = problems.size > 0 && [...problems.keys()].every((key) => FIELDS_SHOWN.has(key))
  const unplaced = placed ? null : error

  const create = (event: Event) => {
    event.preventDefault()
    void run(async () => {
      const created = await api.post('/api/applications', {
        body: {
          ...(jobId && { jobId }),
          ...(company.trim() && { company: company.trim() }),
          ...(title.trim() && { title: title.trim() }),
          ...(url.trim() && { url: url.trim() }),
          ...(resumeId && { resumeId }),
          status,
          ...(deadline && { deadline: fromDateInput(deadline) }),
          ...(notes.trim() && { notes }),
        },
      })
      setJobId('')
      setCompany('')
      setTitle('')
      setUrl('')
      setResumeId('')
      setStatus('saved')
      setDeadline('')
      setNotes('')
      onCreated(created)
    })
  }

  const fromJob = jobId !== ''
  return (
    <details class="card application-form" open={open}>
      <summary>
        <h2>Track an application</h2>
      </summary>
      <form onSubmit={create} aria-label="Track an application" noValidate>
        <div class="grid">
          <Field id="application-job" label="Saved job" problem={problems.get('jobId')}>
            {(describedBy, invalid) => (
              <select
                id="application-job"
                value={jobId}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => setJobId(e.currentTarget.value)}
              >
                <option value="">None: I will type the company and title</option>
                {jobs.map((job) => (
                  <option key={job.id} value={job.id}>
                    {jobName(job)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="application-resume" label="Resume sent" problem={problems.get('resumeId')}>
            {(describedBy, invalid) => (
              <select
                id="application-resume"
                value={resumeId}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => setResumeId(e.currentTarget.value)}
              >
                <option value="">None yet</option>
                {resumes.map((resume) => (
                  <option key={resume.id} value={resume.id}>
                    {resume.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="application-company"
            label={fromJob ? 'Company (optional)' : 'Company'}
            problem={problems.get('company')}
            hint={fromJob ? 'Leave empty to use the saved job’s.' : undefined}
          >
            {(describedBy, invalid) => (
              <input
                id="application-company"
                value={company}
                maxLength={200}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onInput={(e) => setCompany(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field
            id="application-title"
            label={fromJob ? 'Job title (optional)' : 'Job title'}
            problem={problems.get('title')}
            hint={fromJob ? 'Leave empty to use the saved job’s.' : undefined}
          >
            {(describedBy, invalid) => (
              <input
                id="application-title"
                value={title}
                maxLength={200}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onInput={(e) => setTitle(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="application-url" label="Posting address (optional)" problem={problems.get('url')}>
            {(describedBy, invalid) => (
              <input
                id="application-url"
                type="url"
                value={url}
                maxLength={2000}
                placeholder="https://"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onInput={(e) => setUrl(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="application-status" label="Status" problem={problems.get('status')}>
            {(describedBy, invalid) => (
              <select
                id="application-status"
                value={status}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => setStatus(e.currentTarget.value as ApplicationStatus)}
              >
                {STATUSES.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="application-deadline" label="Deadline (optional)" problem={problems.get('deadline')}>
            {(describedBy, invalid) => (
              <input
                id="application-deadline"
                type="date"
                value={deadline}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onInput={(e) => setDeadline(e.currentTarget.value)}
              />
            )}
          </Field>
        </div>
        <Field id="application-notes" label="Notes (optional)" problem={problems.get('notes')}>
          {(describedBy, invalid) => (
            <textarea
              id="application-notes"
              rows={3}
              value={notes}
              maxLength={10000}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onInput={(e) => setNotes(e.currentTarget.value)}
            />
          )}
        </Field>
        {placed && (
          <p class="field-problem" role="alert">
            The application was not saved: see the fields marked above.
          </p>
        )}
        <ErrorNote error={unplaced} />
        <button type="submit" disabled={busy}>
          Track application
        </button>
      </form>
    </details>
  )
}
