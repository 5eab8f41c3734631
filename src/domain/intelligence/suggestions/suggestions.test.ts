import { describe, expect, it } from 'vitest'
import { BACKEND_POSTING, NURSE_POSTING } from '../../../../test/fixtures/postings.js'
import { BACKEND_RESUME, MESSY_RESUME } from '../../../../test/fixtures/resumes.js'
import { analyzeJob } from '../analysis/job-analysis.js'
import { atsReport } from '../ats/ats-report.js'
import { applyPatch, suggest } from './suggestions.js'

const asOf = '2026-11'
const backend = analyzeJob({ description: BACKEND_POSTING })

describe('suggestions', () => {
  it("moves the score by exactly each patch's scoreDelta", () => {
    const base = atsReport(BACKEND_RESUME, backend, { asOf }).overall
    const items = suggest(BACKEND_RESUME, backend, { asOf })
    const withPatch = items.filter((i) => i.patch)
    expect(withPatch.length).toBeGreaterThan(2)
    for (const item of withPatch) {
      const after = atsReport(applyPatch(BACKEND_RESUME, item.patch ?? []), backend, { asOf }).overall
      expect(after - base).toBe(item.scoreDelta)
    }
    expect(items[0]?.scoreDelta).toBeGreaterThan(0)
  })

  it('offers missing skills only as confirmations and lists shown skills plainly', () => {
    const items = suggest(BACKEND_RESUME, backend, { asOf })
    const communication = items.find((i) => i.code === 'ADD_REQUIRED_SKILL' && i.message.includes('Communication'))
    expect(communication).toMatchObject({
      needsConfirmation: true,
      // Not under "Languages" or "Platforms": a group of its own kind.
      patch: [{ op: 'add', path: '/skills/-', value: { name: 'Soft skills', keywords: ['Communication'] } }],
    })
    expect(communication?.scoreDelta).toBeGreaterThan(0)
    const kubernetes = items.find((i) => i.code === 'LIST_SHOWN_SKILL' && i.message.includes('Kubernetes'))
    expect(kubernetes).toMatchObject({ pointer: '/work/0/highlights/2', needsConfirmation: false, scoreDelta: 0 })
    // Sorted by impact.
    const deltas = items.map((i) => i.scoreDelta)
    expect(deltas).toEqual([...deltas].sort((a, b) => b - a))
  })

  it('turns parseability issues into suggestions', () => {
    const items = suggest(MESSY_RESUME, analyzeJob({ description: NURSE_POSTING }), { asOf })
    expect(items.map((i) => i.code)).toEqual(
      expect.arrayContaining(['REVERSED_DATES', 'MISSING_EMAIL', 'EXPERIENCE_GAP']),
    )
    const skill = items.find((i) => i.code === 'ADD_REQUIRED_SKILL')
    expect(skill?.patch?.[0]).toMatchObject({ op: 'add', path: '/skills' })
  })
})
