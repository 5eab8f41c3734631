import { describe, expect, it } from 'vitest'
import { analyzeJob } from '../analysis/job-analysis.js'
import { atsReport } from './ats-report.js'

const asOf = '2026-11'
const requirement = (report: ReturnType<typeof atsReport>, id: string) => report.requirements.find((r) => r.id === id)

describe('years asked with a skill', () => {
  const posting = analyzeJob({
    description:
      'Requirements:\n- 5+ years of React and TypeScript.\n- 6+ years building web products, at least 2 in Go.',
  })

  it('reads the years each skill is asked with, up to the clause that asks another number', () => {
    const asks = Object.fromEntries(posting.requiredSkills.map((s) => [s.name, s.minYears]))
    expect(asks).toMatchObject({ React: 5, TypeScript: 5 })
    expect(asks.Go).toBeUndefined()
  })

  it('meets it in part when the roles that name the skill are shorter than asked', () => {
    const resume = {
      work: [
        {
          name: 'Shop',
          position: 'Frontend Developer',
          startDate: '2023-11',
          highlights: ['Built the checkout in React'],
        },
        {
          name: 'Agency',
          position: 'Web Developer',
          startDate: '2015-01',
          endDate: '2023-10',
          highlights: ['Built sites'],
        },
      ],
      skills: [{ name: 'Web', keywords: ['TypeScript'] }],
    }
    const report = atsReport(resume, posting, { asOf })
    expect(requirement(report, 'skill:react')).toMatchObject({ status: 'partial', evidence: [{ quote: 'React' }] })
    expect(requirement(report, 'skill:react')?.detail).toMatch(/About 3 years with React .* asks for 5/)
    // Listed only: no role says how long, so the years are not judged.
    expect(requirement(report, 'skill:typescript')?.status).toBe('met')
  })
})

describe('degrees on the resume', () => {
  const posting = analyzeJob({ description: "Requirements:\n- A bachelor's degree in music or a related field." })
  const withDegree = (education: Record<string, unknown>) =>
    requirement(
      atsReport({ education: [{ institution: 'Conservatory', ...education }] }, posting, { asOf }),
      'education:degree',
    )

  it('reads abbreviations such as B.M. and PharmD', () => {
    expect(withDegree({ studyType: 'B.M.', area: 'Music Performance', endDate: '2020-05' })?.status).toBe('met')
    const doctorate = analyzeJob({ description: 'Requirements:\n- A doctorate in pharmacy.' })
    const report = atsReport({ education: [{ institution: 'U', studyType: 'PharmD', area: 'Pharmacy' }] }, doctorate, {
      asOf,
    })
    expect(requirement(report, 'education:degree')?.status).toBe('met')
  })

  it('counts a degree still under way one level below', () => {
    expect(withDegree({ studyType: 'B.M. (pursuing)', area: 'Music Performance' })?.status).toBe('partial')
    expect(withDegree({ studyType: 'Bachelor of Music', area: 'Music', endDate: '2027-05' })?.status).toBe('partial')
  })
})
