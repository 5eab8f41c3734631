import { describe, expect, it } from 'vitest'
import { fieldConfidence } from './import-confidence.js'

const confidenceOf = (checks: ReturnType<typeof fieldConfidence>, path: string) =>
  checks.find((c) => c.path === path)?.confidence

describe('import field confidence', () => {
  it('is sure of values in the form their field needs and points at doubtful ones', () => {
    const checks = fieldConfidence({
      basics: { name: 'Ada Park', email: 'ada@example.com', phone: '555-01', url: 'not a site' },
      work: [
        { name: 'Acme', position: 'Engineer', startDate: '2021-03', endDate: '2019-01' },
        { position: 'Operations Manager' },
      ],
      education: [{ institution: 'Texas State University', studyType: 'Business Analytics' }],
    })
    expect(confidenceOf(checks, 'basics.name')).toBe('high')
    expect(confidenceOf(checks, 'basics.email')).toBe('high')
    expect(confidenceOf(checks, 'basics.phone')).toBe('medium')
    expect(confidenceOf(checks, 'basics.url')).toBe('low')
    expect(confidenceOf(checks, 'work[0].position')).toBe('high')
    expect(confidenceOf(checks, 'work[0].startDate')).toBe('low')
    expect(confidenceOf(checks, 'work[1].name')).toBe('low')
    expect(confidenceOf(checks, 'education[0].institution')).toBe('high')
    expect(confidenceOf(checks, 'education[0].studyType')).toBe('medium')
  })
})
