import { describe, expect, it } from 'vitest'
import { BACKEND_POSTING, INJECTION_POSTING, SALES_POSTING } from '../../../../test/fixtures/postings.js'
import { BACKEND_RESUME } from '../../../../test/fixtures/resumes.js'
import { analyzeJob } from '../analysis/job-analysis.js'
import { findSkills } from '../analysis/taxonomy.js'
import { atsReport } from '../ats/ats-report.js'
import { MAX_SKILLS_PER_SENTENCE, tailorResume } from './tailor.js'
import { addedSkills, factsChanged, factsOf } from './truthfulness.js'

type Doc = Record<string, unknown>

describe('tailoring', () => {
  it('puts the most relevant highlights and skills first and aims the summary at the title', () => {
    const analysis = analyzeJob({ description: BACKEND_POSTING })
    const base = structuredClone(BACKEND_RESUME)
    base.work[0]?.highlights.reverse()
    expect(base.work[0]?.highlights[0]).toBe('Mentored four junior engineers through code review and pairing')
    const { content, changes } = tailorResume(base, analysis)
    const work = content.work as { highlights: string[] }[]
    expect(work[0]?.highlights).toEqual([
      'Built TypeScript services on Node.js that route 400k parcels a day',
      'Migrated 14 services to Kubernetes on AWS with zero downtime',
      'Cut p95 API latency by 38% by tuning PostgreSQL indexes and queries',
      'Mentored four junior engineers through code review and pairing',
    ])
    expect((content.basics as Doc).summary).toBe(
      'Targeting the Senior Backend Engineer role, with hands-on experience in Kubernetes and Amazon Web Services. Backend engineer building reliable logistics platforms.',
    )
    // One sentence names at most two skills: no glued keyword lists.
    const lead = String((content.basics as Doc).summary).split('. ')[0] ?? ''
    expect(findSkills(lead).length).toBeLessThanOrEqual(MAX_SKILLS_PER_SENTENCE + 1)
    // Shown in experience but not in the skills section: added.
    const groups = content.skills as { name: string; keywords: string[] }[]
    const keywords = groups.flatMap((g) => g.keywords)
    expect(keywords).toEqual(expect.arrayContaining(['Kubernetes', 'Node.js', 'PostgreSQL', 'CI/CD']))
    // Each beside skills of its kind: Kubernetes with Docker, not among the languages.
    expect(groups.find((g) => g.name === 'Platforms')?.keywords).toContain('Kubernetes')
    expect(groups.find((g) => g.name === 'Languages')?.keywords).not.toContain('Kubernetes')
    expect(keywords).not.toContain('Communication')
    expect(keywords).not.toContain('Mentoring')
    expect(changes.map((c) => c.change)).toEqual(expect.arrayContaining(['reordered', 'added-skill', 'summary']))
    expect(atsReport(content, analysis, { asOf: '2026-11' }).overall).toBeGreaterThanOrEqual(
      atsReport(base, analysis, { asOf: '2026-11' }).overall,
    )
  })

  it('adds no employer, title, date, degree or skill absent from the base', () => {
    for (const posting of [BACKEND_POSTING, SALES_POSTING, INJECTION_POSTING]) {
      const { content } = tailorResume(BACKEND_RESUME, analyzeJob({ description: posting }))
      expect(addedSkills(BACKEND_RESUME, content)).toEqual([])
      expect(factsOf(content)).toEqual(factsOf(BACKEND_RESUME))
      expect(factsChanged(BACKEND_RESUME, content)).toBe(false)
    }
  })

  it('leaves the base resume untouched', () => {
    const copy = structuredClone(BACKEND_RESUME)
    tailorResume(BACKEND_RESUME, analyzeJob({ description: BACKEND_POSTING }))
    expect(BACKEND_RESUME).toEqual(copy)
  })
})
