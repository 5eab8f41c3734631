import { useState } from 'preact/hooks'
import { api } from '../api.js'
import { applyToDraft, type DraftHandle } from '../editor/use-draft.js'
import { readablePath } from '../readable.js'
import type { AiDraft, AiEdit, AiSection, Job, PatchOperation } from '../types.js'
import { Busy, ErrorNote, useAction } from '../ui.js'
import { beforeAndAfter, engineLine, linesOf } from './rewrite-text.js'

const SECTIONS: { id: AiSection; label: string }[] = [
  { id: 'summary', label: 'Summary' },
  { id: 'highlights', label: 'Work highlights' },
  { id: 'skills', label: 'Skills' },
]

interface Props {
  job: Job
  resumeId: string
  draft: DraftHandle
  /** After a rewrite is applied to the draft (the report re-scores). */
  onApplied: () => void
}

/** Proposed rewrites of the draft for a posting (AI when configured), each checked for truth, applied by choice. */
export function Rewrites({ job, resumeId, draft, onApplied }: Props) {
  const [sections, setSections] = useState<AiSection[]>(SECTIONS.map((s) => s.id))
  const [proposal, setProposal] = useState<AiDraft | null>(null)
  const [applied, setApplied] = useState<Set<number>>(new Set())
  const { busy, error, setError, run } = useAction()

  const propose = (event: Event) => {
    event.preventDefault()
    void run(async () => {
      await draft.flush()
      setApplied(new Set())
      setProposal(
        await api.post('/api/resumes/{id}/ai-draft', {
          path: { id: resumeId },
          body: { jobId: job.id, sections },
        }),
      )
    })
  }

  const apply = (patch: PatchOperation[], indexes: number[]) => {
    if (draft.content === null) return
    if (!applyToDraft(draft, patch)) {
      setError(new Error('This rewrite no longer fits the draft (it changed since). Propose rewrites again.'))
      return
    }
    setApplied((done) => new Set([...done, ...indexes]))
    onApplied()
  }

  const toggle = (id: AiSection, on: boolean) =>
    setSections((chosen) => (on ? [...chosen, id] : chosen.filter((s) => s !== id)))

  const open = proposal?.edits.map((edit, index) => ({ edit, index })).filter(({ index }) => !applied.has(index))
  return (
    <section class="card" aria-labelledby="rewrite-title">
      <h2 id="rewrite-title">Rewrite for this job</h2>
      <p class="hint">
        Proposes rewrites of your draft aimed at this posting. Each one is checked against your resume: nothing is
        proposed that it does not already say.
      </p>
      <form onSubmit={propose}>
        <fieldset>
          <legend>Parts to rewrite</legend>
          {SECTIONS.map((s) => (
            <label key={s.id} class="checkbox">
              <input
                type="checkbox"
                checked={sections.includes(s.id)}
                onChange={(e) => toggle(s.id, e.currentTarget.checked)}
              />
              <span>{s.label}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={busy || sections.length === 0 || draft.content === null}>
          Propose rewrites
        </button>
      </form>
      {busy && <Busy label="Writing proposals…" />}
      <ErrorNote error={error} onDismiss={() => setError(null)} />
      {proposal && open && (
        <div class="rewrites" role="status">
          <p>
            {engineLine(proposal)} Score with every rewrite: {proposal.score.before} → {proposal.score.after}.
          </p>
          {proposal.edits.length === 0 ? (
            <p class="empty">No rewrites to propose: the chosen parts already suit this posting.</p>
          ) : open.length === 0 ? (
            <p>Every rewrite is in your draft.</p>
          ) : (
            <>
              {open.length === proposal.edits.length && open.length > 1 && (
                <button
                  type="button"
                  class="small"
                  onClick={() =>
                    apply(
                      proposal.patch,
                      open.map(({ index }) => index),
                    )
                  }
                >
                  Apply all {open.length}
                </button>
              )}
              <ul class="suggestions" aria-label="Proposed rewrites">
                {open.map(({ edit, index }) => (
                  <RewriteItem key={index} edit={edit} onApply={() => apply(edit.patch, [index])} />
                ))}
              </ul>
            </>
          )}
          {proposal.rejected.length > 0 && (
            <details>
              <summary>
                {proposal.rejected.length} proposal{proposal.rejected.length === 1 ? ' was' : 's were'} left out
              </summary>
              <ul>
                {proposal.rejected.map((r) => (
                  <li key={`${r.path}${r.rejection.code}${r.reason}`}>
                    {readablePath(r.path)}: {r.rejection.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  )
}

function RewriteItem({ edit, onApply }: { edit: AiEdit; onApply: () => void }) {
  const { path, before, after } = beforeAndAfter(edit.patch)
  const was = linesOf(before)
  return (
    <li class="suggestion rewrite">
      <div>
        <p>
          <strong>{readablePath(path)}</strong>: {edit.reason}
        </p>
        <div class="before-after">
          {was.length > 0 && (
            <div>
              <p class="hint">Now</p>
              <ul>
                {was.map((line, i) => (
                  <li key={`${i}${line}`}>{line}</li>
                ))}
              </ul>
            </div>
          )}
          <div>
            <p class="hint">{was.length > 0 ? 'Proposed' : 'Added'}</p>
            <ul>
              {linesOf(after).map((line, i) => (
                <li key={`${i}${line}`}>{line}</li>
              ))}
            </ul>
          </div>
        </div>
      </div>
      <span class={edit.scoreDelta > 0 ? 'delta up' : 'delta'}>
        {edit.scoreDelta > 0 ? `+${edit.scoreDelta}` : edit.scoreDelta} points
      </span>
      <button type="button" class="small" onClick={onApply}>
        Apply rewrite
      </button>
    </li>
  )
}
