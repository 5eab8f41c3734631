import { useState } from 'preact/hooks'
import { api, waitForTask } from './api.js'
import { getIn } from './editor/json.js'
import { navigate } from './router.js'
import type { ImportReport, ResumeContent } from './types.js'
import { ErrorNote, Progress, usePageTitle } from './ui.js'

interface Imported {
  resumeId: string
  report: ImportReport
  content: ResumeContent
}

const SECTION_NAMES: Record<string, string> = {
  basics: 'Basics',
  work: 'Work',
  volunteer: 'Volunteering',
  education: 'Education',
  awards: 'Awards',
  certificates: 'Certificates',
  publications: 'Publications',
  skills: 'Skills',
  languages: 'Languages',
  interests: 'Interests',
  references: 'References',
  projects: 'Projects',
}

export function ImportScreen() {
  const [file, setFile] = useState<File | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [imported, setImported] = useState<Imported | null>(null)
  const [error, setError] = useState<unknown>(null)
  usePageTitle('Import a resume')

  const upload = async (event: Event) => {
    event.preventDefault()
    if (!file) return
    setError(null)
    setImported(null)
    setProgress(0)
    try {
      const form = new FormData()
      form.append('file', file, file.name)
      // Run as a background task so a long PDF shows progress instead of a frozen page.
      const accepted = await api.post('/api/resumes/import', { query: { async: true }, body: form })
      if (!('state' in accepted)) throw new Error('The import did not start as a background task.')
      const result = await waitForTask<{ resumeId: string; report: ImportReport }>(accepted, (task) =>
        setProgress(task.state === 'succeeded' ? 100 : task.progress),
      )
      const draft = await api.get('/api/resumes/{id}/draft', { path: { id: result.resumeId } })
      setImported({ resumeId: result.resumeId, report: result.report, content: draft.content })
    } catch (e) {
      setError(e)
    } finally {
      setProgress(null)
    }
  }

  const discard = async () => {
    if (!imported) return
    try {
      await api.delete('/api/resumes/{id}', { path: { id: imported.resumeId } })
      setImported(null)
      setFile(null)
    } catch (e) {
      setError(e)
    }
  }

  return (
    <section>
      <h1 tabIndex={-1}>Import a resume</h1>
      <form class="card" onSubmit={upload} aria-label="Import a file">
        <p class="hint">A PDF, Word (DOCX) or JSON Resume file. You will see what was recognised before you keep it.</p>
        <label>
          Resume file
          <input
            type="file"
            name="file"
            accept=".pdf,.docx,.json,application/pdf,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </label>
        <button type="submit" disabled={!file || progress !== null}>
          Import
        </button>
        {progress !== null && <Progress label="Reading the file" value={progress} />}
      </form>
      <ErrorNote error={error} onDismiss={() => setError(null)} />
      {imported && <Review imported={imported} onDiscard={discard} />}
    </section>
  )
}

function Review({ imported, onDiscard }: { imported: Imported; onDiscard: () => void }) {
  const { report, content } = imported
  const work = Array.isArray(content.work) ? (content.work as Record<string, unknown>[]) : []
  const found = Object.entries(report.sections).filter(([, count]) => count > 0)
  // The fields the importer is least sure of, lowest first: what to check before keeping the draft.
  const toCheck = report.fields
    .filter((field) => field.confidence !== 'high')
    .sort((a, b) => Number(a.confidence === 'medium') - Number(b.confidence === 'medium'))
  return (
    <section class="card review" aria-labelledby="review-title">
      <h2 id="review-title">Review what was recognised</h2>
      <dl class="facts">
        <div>
          <dt>Name</dt>
          <dd>{String(getIn(content, ['basics', 'name']) ?? 'not found')}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{String(getIn(content, ['basics', 'email']) ?? 'not found')}</dd>
        </div>
        <div>
          <dt>File type</dt>
          <dd>{report.type.toUpperCase()}</dd>
        </div>
      </dl>
      <h3>Sections found</h3>
      {found.length === 0 ? (
        <p class="empty">No sections were recognised.</p>
      ) : (
        <ul class="chips">
          {found.map(([section, count]) => (
            <li key={section}>
              {SECTION_NAMES[section] ?? section}: {count}
            </li>
          ))}
        </ul>
      )}
      {work.length > 0 && (
        <>
          <h3>Work</h3>
          <ul>
            {work.map((w, i) => (
              <li key={i}>
                {[w.position, w.name].filter(Boolean).join(' at ')}
                {Array.isArray(w.highlights) ? ` (${w.highlights.length} highlights)` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.warnings.length > 0 && (
        <>
          <h3>Warnings</h3>
          <ul>
            {report.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
      {toCheck.length > 0 && (
        <>
          <h3>Check these fields</h3>
          <ul>
            {toCheck.map((field) => (
              <li key={field.path}>
                <code>{field.path}</code>: {field.confidence === 'low' ? 'probably wrong' : 'unsure'} ({field.reason})
              </li>
            ))}
          </ul>
        </>
      )}
      {report.unrecognised.length > 0 && (
        <details>
          <summary>{report.unrecognised.length} lines fit no field and were left out</summary>
          <ul>
            {report.unrecognised.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      )}
      <div class="dialog-actions">
        <button type="button" onClick={() => navigate(`/resumes/${imported.resumeId}`)}>
          Keep and edit
        </button>
        <button type="button" class="danger" onClick={onDiscard}>
          Discard
        </button>
      </div>
    </section>
  )
}
