import { describe, expect, it } from 'vitest'
import { normalDate, normalPhone, normalUrl, precision, recall, scoreResume } from '../../eval/import/metrics.js'

describe('import evaluation metrics', () => {
  it('normalises dates, web addresses and phones before comparing', () => {
    expect(normalDate('2019-03-07')).toBe('2019-03')
    expect(normalDate('Present')).toBe('')
    expect(normalUrl('https://www.LinkedIn.com/in/ada/')).toBe('linkedin.com/in/ada')
    expect(normalPhone('+1 (212) 555-0142')).toBe(normalPhone('212.555.0142'))
  })

  it('pairs entries by their equal fields, so a missed entry does not shift the rest', () => {
    const truth = {
      basics: { name: 'Ada Park', email: 'ada@example.com' },
      work: [
        { name: 'Acme', position: 'Engineer', startDate: '2020-01' },
        { name: 'Globex', position: 'Intern', startDate: '2018-06', endDate: '2019-08' },
      ],
    }
    const found = {
      basics: { name: 'ADA  PARK', email: 'ada@example.com', phone: '555 0100 000' },
      work: [{ name: 'Globex', position: 'Intern', startDate: '2018-06', endDate: '2019-08' }],
    }
    const scores = scoreResume(truth, found)
    expect(scores.name).toEqual({ truth: 1, found: 1, correct: 1 })
    expect(scores.phone).toEqual({ truth: 0, found: 1, correct: 0 })
    expect(scores['work.company']).toEqual({ truth: 2, found: 1, correct: 1 })
    expect(recall(scores['work.company'])).toBe(0.5)
    expect(precision(scores['work.company'])).toBe(1)
  })
})
