import { useEffect, useState } from 'preact/hooks'
import { api } from '../api.js'
import { applyToDraft, type DraftHandle } from '../editor/use-draft.js'
import { Link } from '../router.js'
import type { AtsReport, Job, JobAnalysis, ResumeSummary, Suggestion, TailorResult } from '../types.js'
import { Busy, ErrorNote, TextField, useAction } from '../ui.js'
import { ReportView } from './ats-report.js'
import { AnalysisView } from './job-analysis.js'
import { Rewrites } from './rewrite.js'

interface Props {
  resume: ResumeSummary
  draft: DraftHandle
}

export function jobName(job: Job): string {
  const title =
    job.title ||
    job.description
      .split('\n')
      .find((l) => l.trim())
      ?.slice(0, 60) ||
    'Job posting'
  return job.company ? `${title} at ${job.company}` : title
}

export function JobPanel({ resume, draft }: Props) {
  const [jobs, setJobs] = useState<Job[] | null>(null)
  const [jobId, setJobId] = useState('')
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    api
      .get('/api/jobs', { query: { limit: 50 } })
      .then((page) => {
        setJobs(page.items)
        setJobId((current) => current || page.items[0]?.id || '')
      })
      .catch(setError)
  }, [])

  const job = jobs?.find((j) => j.id === jobId)
  return (
    <div class="panel">
      <ErrorNote error={error} onDismiss={() => setError(null)} />
      <div class="two-col">
        <PasteJob
          onSaved={(saved) => {
            setJobs((list) => [saved, ...(list ?? [])])
            setJobId(saved.id)
          }}
        />
        <section class="card">
          <h2>Saved postings</h2>
          {jobs === null ? (
            <Busy label="Loading postings…" />
          ) : jobs.length === 0 ? (
            <p class="empty">No postings yet. Paste one to compare your resume with it.</p>
          ) : (
            <label>
              Compare with
              <select value={jobId} onChange={(e) => setJobId(e.currentTarget.value)}>
                {jobs.map((j) => (
                  <option key={j.id} value={j.id}>
                    {jobName(j)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </section>
      </div>
      {job && <JobMatch key={job.id} job={job} resume={resume} draft={draft} />}
    </div>
  )
}

export function PasteJob({ onSaved }: { onSaved: (job: Job) => void }) {
  const [title, setTitle] = useState('')
  const [company, setCompany] = useState('')
  const [description, setDescription] = useState('')
  const { busy, error, run } = useAction()
  const save = (event: Event) => {
    event.preventDefault()
    void run(async () => {
      const job = await api.post('/api/jobs', {
        body: { description, ...(title.trim() && { title: title.trim() }), ...(company.trim() && { company }) },
      })
      setTitle('')
      setCompany('')
      setDescription('')
      onSaved(job)
    })
  }
  return (
    <form class="card" onSubmit={save} aria-label="Paste a job posting">
      <h2>Paste a job posting</h2>
      <div class="grid">
        <TextField label="Job title (optional)" value={title} maxLength={200} onValue={setTitle} />
        <TextField label="Company (optional)" value={company} maxLength={200} onValue={setCompany} />
      </div>
      <label>
        Posting text
        <textarea
          name="posting"
          rows={8}
          required
          value={description}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
      </label>
      <ErrorNote error={error} />
      <button type="submit" disabled={busy || !description.trim()}>
        Analyse posting
      </button>
    </form>
  )
}

function JobMatch({ job, resume, draft }: { job: Job } & Props) {
  const [analysis, setAnalysis] = useState<JobAnalysis | null>(null)
  const [report, setReport] = useState<AtsReport | null>(null)
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [scoring, setScoring] = useState(false)
  const [round, setRound] = useState(0)

  useEffect(() => {
    api
      .get('/api/jobs/{id}/analysis', { path: { id: job.id } })
      .then(setAnalysis)
      .catch(setError)
  }, [job.id])

  useEffect(() => {
    let live = true
    setScoring(true)
    ;(async () => {
      await draft.flush()
      const init = { path: { id: resume.id }, body: { jobId: job.id } }
      const [nextReport, nextSuggestions] = await Promise.all([
        api.post('/api/resumes/{id}/ats-report', init),
        api.post('/api/resumes/{id}/suggestions', init),
      ])
      if (!live) return
      setReport(nextReport)
      setSuggestions(nextSuggestions.items)
    })()
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setScoring(false))
    return () => {
      live = false
    }
  }, [job.id, resume.id, round])

  const apply = (suggestion: Suggestion) => {
    if (!suggestion.patch || draft.content === null) return
    if (!applyToDraft(draft, suggestion.patch)) {
      setError(new Error('This suggestion no longer fits the draft (it changed since). Re-score and try again.'))
      return
    }
    setSuggestions((items) => items?.filter((s) => s !== suggestion) ?? null)
    setRound((n) => n + 1)
  }

  return (
    <div class="job-match">
      <ErrorNote error={error} onDismiss={() => setError(null)} />
      <section class="card" aria-labelledby="analysis-title">
        <h2 id="analysis-title">What “{jobName(job)}” asks for</h2>
        {analysis ? <AnalysisView analysis={analysis} /> : <Busy label="Analysing the posting…" />}
      </section>
      <section class="card" aria-labelledby="report-title" aria-busy={scoring}>
        <h2 id="report-title">ATS match report</h2>
        {report ? (
          <ReportView report={report} content={draft.content ?? {}} resumeId={resume.id} />
        ) : (
          <Busy label="Scoring your resume…" />
        )}
        {scoring && report && <Busy label="Re-scoring…" />}
      </section>
      <section class="card" aria-labelledby="suggestions-title">
        <h2 id="suggestions-title">Suggestions</h2>
        {suggestions === null ? (
          <Busy label="Finding suggestions…" />
        ) : suggestions.length === 0 ? (
          <p class="empty">No suggestions for this posting.</p>
        ) : (
          <ul class="suggestions">
            {suggestions.map((s) => (
              <li key={`${s.code}${s.pointer}${s.message}`} class="suggestion">
                <div>
                  <p>{s.message}</p>
                  {s.needsConfirmation && (
                    <p class="hint warn">Apply only if it is true of you: the resume does not show it yet.</p>
                  )}
                </div>
                <span class={s.scoreDelta > 0 ? 'delta up' : 'delta'}>
                  {s.scoreDelta > 0 ? `+${s.scoreDelta}` : s.scoreDelta} points
                </span>
                {s.patch && s.patch.length > 0 && (
                  <button type="button" class="small" onClick={() => apply(s)}>
                    Apply
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <Rewrites job={job} resumeId={resume.id} draft={draft} onApplied={() => setRound((n) => n + 1)} />
      <Tailor job={job} resume={resume} draft={draft} />
    </div>
  )
}

function Tailor({ job, resume, draft }: { job: Job } & Props) {
  const [result, setResult] = useState<TailorResult | null>(null)
  const { busy, error, run } = useAction()
  const tailor = () =>
    run(async () => {
      await draft.flush()
      setResult(await api.post('/api/resumes/{id}/tailor', { path: { id: resume.id }, body: { jobId: job.id } }))
    })
  return (
    <section class="card" aria-labelledby="tailor-title">
      <h2 id="tailor-title">Tailor to this job</h2>
      <p class="hint">
        Makes a copy of the latest version ordered for this posting (skills first, matching highlights first). Your
        resume stays as it is.
      </p>
      <button type="button" disabled={busy} onClick={tailor}>
        Tailor a copy
      </button>
      {busy && <Busy label="Tailoring…" />}
      <ErrorNote error={error} />
      {result && (
        <div role="status">
          <p>
            Created <Link href={`/resumes/${result.resume.id}`}>{result.resume.title}</Link> with{' '}
            {result.changes.length} change{result.changes.length === 1 ? '' : 's'}.
          </p>
          <ul>
            {result.changes.map((c) => (
              <li key={`${c.pointer}${c.change}`}>{c.detail}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
