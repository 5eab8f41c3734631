import { useEffect, useState } from 'preact/hooks'
import { api } from './api.js'
import { AnalysisView } from './intelligence/job-analysis.js'
import { jobName, PasteJob } from './intelligence/job-match.js'
import type { Job, JobAnalysis } from './types.js'
import { Busy, ErrorNote, formatDate, ScreenNotes, usePageTitle } from './ui.js'

/** Saved job postings: paste one, read its analysis, delete the ones no longer wanted. */
export function JobsScreen() {
  const [jobs, setJobs] = useState<Job[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [notice, setNotice] = useState('')
  usePageTitle('Job postings')

  useEffect(() => {
    api
      .get('/api/jobs', { query: { limit: 50 } })
      .then((page) => setJobs(page.items))
      .catch(setError)
  }, [])

  const remove = async (job: Job) => {
    setError(null)
    try {
      await api.delete('/api/jobs/{id}', { path: { id: job.id } })
      setJobs((list) => list?.filter((j) => j.id !== job.id) ?? null)
      setNotice(`Deleted “${jobName(job)}”.`)
    } catch (e) {
      setError(e)
    }
  }

  return (
    <section>
      <h1 tabIndex={-1}>Job postings</h1>
      <p class="hint">Open a resume and choose Job match to score it against a posting and apply suggestions.</p>
      <PasteJob onSaved={(job) => setJobs((list) => [job, ...(list ?? [])])} />
      <ScreenNotes error={error} onDismiss={() => setError(null)} notice={notice} />
      {jobs === null ? (
        <Busy label="Loading postings…" />
      ) : jobs.length === 0 ? (
        <p class="empty">No saved postings yet.</p>
      ) : (
        <ul class="resume-list" aria-label="Saved postings">
          {jobs.map((job) => (
            <li key={job.id} class="card">
              <JobItem job={job} onDelete={() => remove(job)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function JobItem({ job, onDelete }: { job: Job; onDelete: () => void }) {
  const [analysis, setAnalysis] = useState<JobAnalysis | null>(null)
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const toggle = () => {
    setOpen(!open)
    if (!analysis)
      api
        .get('/api/jobs/{id}/analysis', { path: { id: job.id } })
        .then(setAnalysis)
        .catch(setError)
  }
  const name = jobName(job)
  return (
    <>
      <div class="resume-row">
        <div>
          <h2>{name}</h2>
          <p class="meta">Saved {formatDate(job.createdAt)}</p>
        </div>
        <div class="row-actions">
          <button type="button" class="secondary" aria-expanded={open} onClick={toggle}>
            {open ? 'Hide analysis' : 'Show analysis'}
            <span class="visually-hidden"> of {name}</span>
          </button>
          <button type="button" class="danger" onClick={onDelete} aria-label={`Delete ${name}`}>
            Delete
          </button>
        </div>
      </div>
      {open && (
        <div>
          <ErrorNote error={error} />
          {analysis ? <AnalysisView analysis={analysis} /> : !error && <Busy label="Analysing the posting…" />}
        </div>
      )}
    </>
  )
}
