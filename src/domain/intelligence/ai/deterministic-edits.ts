import type { JobAnalysis } from '../analysis/analysis.types.js'
import { asArray, asObject } from '../ats/resume-fields.js'
import { tailorResume } from '../tailoring/tailor.js'
import type { ProposedEdit } from './ai.types.js'

type Doc = Record<string, unknown>

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The deterministic engine's draft: what tailoring would change, as edits (highlights re-ordered per role, skills
 * re-ordered with the skills the experience shows added, the summary aimed at the posting), each with its reason.
 */
export function deterministicEdits(base: Doc, analysis: JobAnalysis): ProposedEdit[] {
  const { content, changes } = tailorResume(base, analysis)
  // The reasons under each pointer and its parents, gathered once: looking them up per role was roles × changes.
  const reasons = new Map<string, string[]>()
  for (const change of changes) {
    const segments = change.pointer.split('/')
    for (let depth = 2; depth <= segments.length; depth += 1) {
      const prefix = segments.slice(0, depth).join('/')
      const list = reasons.get(prefix) ?? []
      list.push(change.detail)
      reasons.set(prefix, list)
    }
  }
  const reasonsFor = (prefix: string) => reasons.get(prefix) ?? []
  const edits: ProposedEdit[] = []

  asArray(content.work).forEach((raw, i) => {
    const before = asObject(asArray(base.work)[i]).highlights
    const after = asObject(raw).highlights
    if (!same(before, after)) {
      const reason = reasonsFor(`/work/${i}/highlights`).join(' ') || 'Most relevant highlights first.'
      edits.push({ op: 'replace', path: `/work/${i}/highlights`, original: before, value: after, reason })
    }
  })

  if (!same(base.skills, content.skills)) {
    const reason = reasonsFor('/skills').join(' ') || 'Skills most relevant to the posting first.'
    edits.push(
      base.skills === undefined
        ? { op: 'add', path: '/skills', value: content.skills, reason }
        : { op: 'replace', path: '/skills', original: base.skills, value: content.skills, reason },
    )
  }

  const summaryBefore = asObject(base.basics).summary
  const summaryAfter = asObject(content.basics).summary
  if (summaryAfter !== undefined && !same(summaryBefore, summaryAfter)) {
    const reason = reasonsFor('/basics/summary').join(' ') || 'Summary aimed at the posting.'
    edits.push(
      summaryBefore === undefined
        ? { op: 'add', path: '/basics/summary', value: summaryAfter, reason }
        : { op: 'replace', path: '/basics/summary', original: summaryBefore, value: summaryAfter, reason },
    )
  }
  return edits
}
