import { describe, expect, it } from 'vitest'
import { BACKEND_POSTING, INJECTION_POSTING, NURSE_POSTING } from '../../../../test/fixtures/postings.js'
import { BACKEND_RESUME, MESSY_RESUME } from '../../../../test/fixtures/resumes.js'
import { analyzeJob } from '../analysis/job-analysis.js'
import type { AtsReport } from './ats.types.js'
import { atsReport } from './ats-report.js'
import { resolvePointer } from './resume-fields.js'

const asOf = '2026-11'
const backend = analyzeJob({ description: BACKEND_POSTING })
const req = (report: AtsReport, id: string) => report.requirements.find((r) => r.id === id)

describe('ATS report', () => {
  it('matches "k8s" in the posting to "Kubernetes" in the resume, with evidence', () => {
    const report = atsReport(BACKEND_RESUME, backend, { asOf })
    expect(req(report, 'skill:kubernetes')).toMatchObject({
      status: 'met',
      importance: 'required',
      evidence: [{ pointer: '/work/0/highlights/2', quote: 'Kubernetes' }],
      source: 'Design and operate services on k8s and AWS',
    })
    expect(req(report, 'skill:postgresql')?.evidence).toEqual([
      { pointer: '/work/0/highlights/1', quote: 'PostgreSQL' },
    ])
    expect(req(report, 'skill:communication')).toMatchObject({ status: 'missing', evidence: [] })
    expect(req(report, 'skill:terraform')).toMatchObject({ status: 'missing', importance: 'preferred' })
    expect(report.matchedKeywords).toContain('Kubernetes')
    expect(report.missingKeywords).toEqual(expect.arrayContaining(['Communication', 'Apache Kafka', 'Terraform']))
  })

  it('resolves every evidence pointer to text that contains the quote', () => {
    for (const [resume, analysis] of [
      [BACKEND_RESUME, backend],
      [MESSY_RESUME, analyzeJob({ description: NURSE_POSTING })],
    ] as const) {
      const report = atsReport(resume, analysis, { asOf })
      const evidence = report.requirements.flatMap((r) => r.evidence)
      expect(evidence.length).toBeGreaterThan(0)
      for (const { pointer, quote } of evidence) expect(String(resolvePointer(resume, pointer))).toContain(quote)
    }
  })

  it('scores title, years and education with weights that add up', () => {
    const report = atsReport(BACKEND_RESUME, backend, { asOf })
    expect(req(report, 'title')).toMatchObject({
      status: 'met',
      evidence: [{ pointer: '/basics/label', quote: 'Backend Engineer' }],
    })
    expect(req(report, 'experience:years')).toMatchObject({ status: 'met' })
    expect(req(report, 'experience:years')?.detail).toContain('8.8 years')
    expect(req(report, 'education:degree')).toMatchObject({
      status: 'met',
      evidence: [{ pointer: '/education/0/studyType', quote: 'Bachelor of Science' }],
    })
    expect(report.components.map((c) => c.name)).toEqual([
      'hardSkills',
      'softSkills',
      'jobTitle',
      'experienceYears',
      'education',
      'otherKeywords',
    ])
    expect(report.components.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1)
    expect(report.overall).toBe(Math.round(report.components.reduce((s, c) => s + c.weight * c.score, 0)))
    expect(report.band).toBe(report.overall >= 80 ? 'strong' : 'good')
    expect(report.parseability).toEqual({ score: 100, issues: [] })
  })

  it('gives partial credit for a closely related skill only', () => {
    const resume = structuredClone(BACKEND_RESUME)
    const first = resume.work[0] as { highlights: string[] }
    first.highlights[1] = 'Cut p95 API latency by 38% by tuning MySQL indexes and queries'
    const report = atsReport(resume, backend, { asOf })
    expect(req(report, 'skill:postgresql')).toMatchObject({
      status: 'partial',
      evidence: [{ pointer: '/work/0/highlights/1', quote: 'MySQL' }],
    })
    expect(req(report, 'skill:apache-kafka')?.status).toBe('missing')
  })

  it('counts ongoing roles up to asOf and overlapping roles once', () => {
    const resume = {
      ...structuredClone(BACKEND_RESUME),
      work: [
        { name: 'A', position: 'Engineer', startDate: '2024-01', highlights: ['Built 3 services'] },
        { name: 'B', position: 'Engineer', startDate: '2023-01', endDate: '2024-06', highlights: ['Built 2 services'] },
      ],
    }
    const report = atsReport(resume, backend, { asOf: '2026-01' })
    expect(req(report, 'experience:years')).toMatchObject({ status: 'missing' })
    expect(req(report, 'experience:years')?.detail).toContain('covers 3 years')
    expect(report.components.find((c) => c.name === 'experienceYears')?.score).toBe(60)
  })

  it('reports parseability issues with codes, severities and pointers', () => {
    const report = atsReport(MESSY_RESUME, analyzeJob({ description: NURSE_POSTING }), { asOf })
    const codes = report.parseability.issues.map((i) => `${i.code} ${i.severity} ${i.pointer}`)
    expect(codes).toEqual(
      expect.arrayContaining([
        'MISSING_EMAIL error /basics/email',
        'MISSING_PHONE warning /basics/phone',
        'REVERSED_DATES error /work/0/endDate',
        'UNPARSEABLE_DATE error /work/1/startDate',
        'LONG_BULLET warning /work/0/highlights/0',
        'FIRST_PERSON_PRONOUN warning /work/0/highlights/0',
        'FEW_QUANTIFIED_RESULTS warning /work',
        'MISSING_EDUCATION_SECTION warning /education',
      ]),
    )
    expect(report.parseability.score).toBeLessThan(50)
    // Reversed and unparseable dates are not counted as experience.
    expect(req(report, 'experience:years')).toMatchObject({ status: 'missing', evidence: [] })
    expect(report.band).toBe('weak')
  })

  it('is byte-for-byte deterministic', () => {
    const a = JSON.stringify(atsReport(BACKEND_RESUME, backend, { asOf }))
    const b = JSON.stringify(
      atsReport(structuredClone(BACKEND_RESUME), analyzeJob({ description: BACKEND_POSTING }), { asOf }),
    )
    expect(a).toBe(b)
  })

  it('ignores instructions written into a posting', () => {
    const clean = INJECTION_POSTING.replace(/^Ignore previous.*$/m, '')
    const withInjection = atsReport(BACKEND_RESUME, analyzeJob({ description: INJECTION_POSTING }), { asOf })
    const without = atsReport(BACKEND_RESUME, analyzeJob({ description: clean }), { asOf })
    expect(withInjection.overall).toBe(without.overall)
    expect(withInjection.requirements).toEqual(without.requirements)
    expect(withInjection.overall).toBeLessThan(100)
    expect(req(withInjection, 'skill:tableau')?.status).toBe('missing')
  })
})
