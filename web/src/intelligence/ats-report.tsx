import { focusFieldOnOpen } from '../editor/editor.js'
import { getIn, pathOf } from '../editor/json.js'
import { readablePath } from '../readable.js'
import { navigate } from '../router.js'
import type { AtsReport, Evidence, ResumeContent } from '../types.js'

/** "hardSkills" → "Hard skills". */
function componentName(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`
}

const STATUS_LABEL = { met: 'Met', partial: 'Partly met', missing: 'Missing' } as const

export function ReportView({
  report,
  content,
  resumeId,
}: {
  report: AtsReport
  content: ResumeContent
  resumeId: string
}) {
  return (
    <div class="report">
      <div class="score">
        <p class={`overall band-${report.band}`}>
          <span class="big" data-testid="overall-score">
            {report.overall}
          </span>
          <span> / 100 · {report.band}</span>
        </p>
        <p class="hint">
          Scored{' '}
          {report.source.draft ? 'the working draft' : `version ${report.source.version ?? report.source.baseVersion}`}.
        </p>
      </div>
      <ul class="components">
        {report.components
          .filter((c) => c.applicable)
          .map((c) => (
            <li key={c.name}>
              <label>
                <span>
                  {componentName(c.name)} ({Math.round(c.weight * 100)}% of the score): {c.score}
                </span>
                <meter min={0} max={100} low={50} high={75} optimum={100} value={c.score} />
              </label>
            </li>
          ))}
      </ul>
      <h3>Requirements</h3>
      <ul class="requirements">
        {report.requirements.map((r) => (
          <li key={r.id} class={`req req-${r.status}`}>
            <p>
              <span class={`badge badge-${r.status}`}>{STATUS_LABEL[r.status]}</span> <strong>{r.label}</strong>{' '}
              <span class="hint">({r.importance})</span>
            </p>
            <p class="detail">{r.detail}</p>
            {r.evidence.length > 0 && (
              <ul class="evidence" aria-label={`Evidence for ${r.label}`}>
                {r.evidence.map((e) => (
                  <EvidenceItem key={`${e.pointer}${e.quote}`} evidence={e} content={content} resumeId={resumeId} />
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {report.missingKeywords.length > 0 && (
        <>
          <h3>Missing keywords</h3>
          <ul class="chips">
            {report.missingKeywords.map((k) => (
              <li key={k}>{k}</li>
            ))}
          </ul>
        </>
      )}
      {report.parseability.issues.length > 0 && (
        <>
          <h3>Readability by applicant tracking systems ({report.parseability.score}/100)</h3>
          <ul>
            {report.parseability.issues.map((i) => (
              <li key={`${i.pointer}${i.message}`}>{i.message}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}

/** The resume text at the evidence pointer with the quoted words marked, and a link to the field in the editor. */
function EvidenceItem({
  evidence,
  content,
  resumeId,
}: {
  evidence: Evidence
  content: ResumeContent
  resumeId: string
}) {
  const value = getIn(content, pathOf(evidence.pointer))
  const text = typeof value === 'string' ? value : evidence.quote
  const at = text.toLowerCase().indexOf(evidence.quote.toLowerCase())
  const where = readablePath(evidence.pointer)
  const show = () => {
    focusFieldOnOpen(evidence.pointer)
    navigate(`/resumes/${resumeId}`)
  }
  return (
    <li>
      <blockquote>
        {at < 0 ? (
          <mark>{text}</mark>
        ) : (
          <>
            {text.slice(0, at)}
            <mark>{text.slice(at, at + evidence.quote.length)}</mark>
            {text.slice(at + evidence.quote.length)}
          </>
        )}
      </blockquote>
      <button type="button" class="link-button" onClick={show}>
        Show in editor ({where})
      </button>
    </li>
  )
}
