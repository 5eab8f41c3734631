import { describe, expect, it } from 'vitest'
import { BACKEND_POSTING, INJECTION_POSTING, SALES_POSTING } from '../../../../test/fixtures/postings.js'
import { BACKEND_RESUME } from '../../../../test/fixtures/resumes.js'
import { analyzeJob } from '../analysis/job-analysis.js'
import { applyPatch } from '../suggestions/suggestions.js'
import { addedSkills, factsChanged, newNames, newNumbers } from '../tailoring/truthfulness.js'
import { AI_SECTIONS, type ProposedEdit } from './ai.types.js'
import { deterministicEdits } from './deterministic-edits.js'
import { checkEdits, combinedPatch } from './edit-checks.js'

const base = BACKEND_RESUME as Record<string, unknown>
const context = { base, sections: AI_SECTIONS, summaryMay: 'Senior Backend Engineer' }
const bullet = (j: number) => BACKEND_RESUME.work[0]?.highlights[j] as string
const rewrite = (j: number, value: string, extra: Partial<ProposedEdit> = {}): ProposedEdit => ({
  op: 'replace',
  path: `/work/0/highlights/${j}`,
  original: bullet(j),
  value,
  reason: 'Posting asks for it',
  ...extra,
})

describe('AI edit checks', () => {
  it('accepts a truthful rewrite with a test of the replaced text, and the combined patch applies', () => {
    const value = 'Built Node.js services in TypeScript that route 400k parcels a day'
    const { accepted, rejected, content } = checkEdits([rewrite(0, value)], context)
    expect(rejected).toEqual([])
    expect(accepted).toEqual([
      {
        reason: 'Posting asks for it',
        patch: [
          { op: 'test', path: '/work/0/highlights/0', value: bullet(0) },
          { op: 'replace', path: '/work/0/highlights/0', value },
        ],
      },
    ])
    expect(applyPatch(base, combinedPatch(accepted))).toEqual(content)
    expect((content.work as { highlights: string[] }[])[0]?.highlights[0]).toBe(value)
  })

  it('rejects every kind of untruthful or out-of-bounds edit and says why', () => {
    const proposals: ProposedEdit[] = [
      { op: 'replace', path: '/work/0/name', original: 'Parcelly GmbH', value: 'Google', reason: 'bigger name' },
      { op: 'add', path: '/work/-', value: 'Staff Engineer at Stripe', reason: 'more experience' },
      rewrite(1, 'Cut p95 API latency by 38% with Kafka streams and PostgreSQL tuning'),
      rewrite(2, 'Migrated 40 services to Kubernetes on AWS with zero downtime'),
      rewrite(3, 'Mentored four junior engineers at Northwind through code review'),
      rewrite(0, 'Built TypeScript services', { original: 'Built Java services' }),
      { op: 'add', path: '/skills/0/keywords/-', value: 'Terraform', reason: 'nice to have' },
      { op: 'add', path: '/skills/0/keywords/-', value: 'typescript', reason: 'repeat' },
      { op: 'replace', path: '/work/5/highlights/0', original: 'x', value: 'y', reason: 'no such role' },
    ]
    const { accepted, rejected } = checkEdits(proposals, context)
    expect(accepted).toEqual([])
    expect(rejected.map((r) => [r.path, r.rejection.code])).toEqual([
      ['/work/0/name', 'PATH_NOT_ALLOWED'],
      ['/work/-', 'PATH_NOT_ALLOWED'],
      ['/work/0/highlights/1', 'NEW_SKILL'],
      ['/work/0/highlights/2', 'NEW_NUMBER'],
      ['/work/0/highlights/3', 'NEW_NAME'],
      ['/work/0/highlights/0', 'ORIGINAL_MISMATCH'],
      ['/skills/0/keywords/-', 'NEW_SKILL'],
      ['/skills/0/keywords/-', 'DUPLICATE'],
      ['/work/5/highlights/0', 'TARGET_MISSING'],
    ])
    expect(rejected[2]?.rejection.message).toContain('Kafka')
  })

  it('keeps edits to sections that were asked for, and one edit per target', () => {
    const summary = {
      op: 'replace',
      path: '/basics/summary',
      original: 'Backend engineer building reliable logistics platforms.',
      value: 'Senior Backend Engineer building reliable logistics platforms.',
      reason: 'title',
    } as const
    const { accepted, rejected } = checkEdits(
      [summary, rewrite(0, 'Built Node.js services in TypeScript'), rewrite(0, 'Built services in TypeScript')],
      { ...context, sections: ['highlights'] },
    )
    expect(accepted).toHaveLength(1)
    expect(rejected.map((r) => r.rejection.code)).toEqual(['SECTION_NOT_REQUESTED', 'DUPLICATE'])
  })

  it('passes every edit of the deterministic engine, which adds no fact', () => {
    for (const posting of [BACKEND_POSTING, SALES_POSTING, INJECTION_POSTING]) {
      const analysis = analyzeJob({ description: posting })
      const edits = deterministicEdits(base, analysis)
      const { accepted, rejected, content } = checkEdits(edits, { ...context, summaryMay: analysis.title ?? '' })
      expect(rejected).toEqual([])
      expect(accepted).toHaveLength(edits.length)
      expect(addedSkills(base, content)).toEqual([])
      expect(factsChanged(base, content)).toBe(false)
    }
    const edits = deterministicEdits(base, analyzeJob({ description: BACKEND_POSTING }))
    expect(edits.map((e) => e.path)).toEqual(expect.arrayContaining(['/skills', '/basics/summary']))
    for (const edit of edits) expect(edit.reason.length).toBeGreaterThan(0)
  })
})

describe('truthfulness helpers', () => {
  it('finds numbers and names the resume does not state', () => {
    expect(newNumbers('Cut latency by 38% across 15 services', base)).toEqual(['15'])
    expect(newNumbers('Led the Level 3 team', base, 'Level 3 Support Engineer')).toEqual([])
    expect(newNames('Built services for Amazon and Parcelly', base)).toEqual(['Amazon'])
    // Sentence starts and skill names are not names.
    expect(newNames('Shipped APIs. Deployed them on Amazon Web Services', base)).toEqual([])
  })
})
