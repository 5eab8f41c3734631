import { describe, expect, it } from 'vitest'
import { analyzeJob } from '../analysis/job-analysis.js'
import { atsReport } from './ats-report.js'

const asOf = '2026-11'
const posting = analyzeJob({
  title: 'Staff Pharmacist – Community Pharmacy',
  description: [
    'Requirements:',
    '- Strong communication with patients and prescribers.',
    '- Leadership of a small pharmacy team.',
    '- Experience with Python.',
  ].join('\n'),
})

function resume(highlights: string[], skills: string[] = [], position = 'Pharmacist') {
  return {
    basics: { name: 'Ada Example' },
    work: [{ name: 'Corner Pharmacy', position, startDate: '2019-01', highlights }],
    skills: [{ name: 'Skills', keywords: skills }],
  }
}

const requirement = (report: ReturnType<typeof atsReport>, id: string) => report.requirements.find((r) => r.id === id)

describe('skills shown in what was done', () => {
  it('meets a soft skill with two different pieces of evidence and quotes them', () => {
    const report = atsReport(
      resume([
        'Presented medication reviews to the care home team every month',
        'Wrote patient guides on inhaler technique used across 12 branches',
      ]),
      posting,
      { asOf },
    )
    expect(requirement(report, 'skill:communication')).toMatchObject({
      status: 'met',
      evidence: [
        { pointer: '/work/0/highlights/0', quote: 'Presented medication reviews to' },
        { pointer: '/work/0/highlights/1', quote: 'Wrote patient guides' },
      ],
    })
  })

  it('meets it in part with one, and not at all with writing code', () => {
    const one = atsReport(resume(['Led a team of four technicians']), posting, { asOf })
    expect(requirement(one, 'skill:leadership')?.status).toBe('partial')
    const code = atsReport(resume(['Wrote REST APIs in Python for the dispensing system']), posting, { asOf })
    expect(requirement(code, 'skill:communication')?.status).toBe('missing')
  })

  it('gives a skill shown in work more credit than the same skill only listed', () => {
    const shown = atsReport(resume(['Automated stock counts with Python scripts']), posting, { asOf })
    const listed = atsReport(resume(['Counted stock'], ['Python']), posting, { asOf })
    expect(requirement(shown, 'skill:python')?.status).toBe('met')
    expect(requirement(listed, 'skill:python')?.status).toBe('met')
    expect(shown.overall).toBeGreaterThan(listed.overall)
  })

  it('reads the role in a title before its separator', () => {
    const report = atsReport(resume([], [], 'Pharmacist'), posting, { asOf })
    expect(requirement(report, 'title')).toMatchObject({ status: 'met' })
  })
})
