import { describe, expect, it } from 'vitest'
import { readDate, UNREADABLE_DATE } from '../../web/src/editor/dates.js'
import { contentPointer, fieldProblems, readableProblem } from '../../web/src/editor/field-problems.js'
import { ApiError } from '../../web/src/problem.js'

const dateFrom = (text: string, endDate = false) => {
  const reading = readDate(text, { endDate })
  return reading.ok ? reading.value : `error: ${reading.message}`
}

describe('dates as people type them', () => {
  it('reads month and year in the forms people write them', () => {
    expect(dateFrom('May 2017')).toBe('2017-05')
    expect(dateFrom('may, 2017')).toBe('2017-05')
    expect(dateFrom('05/2017')).toBe('2017-05')
    expect(dateFrom('5/2017')).toBe('2017-05')
    expect(dateFrom('5.2017')).toBe('2017-05')
    expect(dateFrom('2017-5')).toBe('2017-05')
    expect(dateFrom('2017/05')).toBe('2017-05')
    expect(dateFrom('Sept 2019')).toBe('2019-09')
    expect(dateFrom('Sep. 2019')).toBe('2019-09')
    expect(dateFrom('September 2019')).toBe('2019-09')
    expect(dateFrom('2019 June')).toBe('2019-06')
    expect(dateFrom('  Dec   2020 ')).toBe('2020-12')
  })

  it('reads a year alone and full dates, leaving JSON Resume dates as they are', () => {
    expect(dateFrom('2017')).toBe('2017')
    expect(dateFrom('2017-05')).toBe('2017-05')
    expect(dateFrom('2017-05-04')).toBe('2017-05-04')
    expect(dateFrom('4 May 2017')).toBe('2017-05-04')
    expect(dateFrom('May 4th, 2017')).toBe('2017-05-04')
    expect(dateFrom('2020-2-29')).toBe('2020-02-29')
  })

  it('takes "present" and "current" as an open end date only', () => {
    expect(readDate('present', { endDate: true })).toEqual({ ok: true, value: undefined })
    expect(readDate('Current', { endDate: true })).toEqual({ ok: true, value: undefined })
    expect(readDate('', { endDate: true })).toEqual({ ok: true, value: undefined })
    expect(readDate('')).toEqual({ ok: true, value: undefined })
    expect(dateFrom('present')).toMatch(/^error: “Present” only fits an end date/)
  })

  it('says in words what is wrong with a date it cannot read', () => {
    expect(readDate('sometime')).toEqual({ ok: false, message: UNREADABLE_DATE })
    expect(readDate('Mayday 2017')).toEqual({ ok: false, message: UNREADABLE_DATE })
    expect(readDate('Ma 2017')).toEqual({ ok: false, message: UNREADABLE_DATE })
    expect(dateFrom('13/2017')).toBe('error: The month must be from 1 to 12.')
    expect(dateFrom('2017-00')).toBe('error: The month must be from 1 to 12.')
    expect(dateFrom('2019-02-29')).toBe('error: That month has days 1 to 28.')
    expect(dateFrom('0999')).toBe('error: Give a four-digit year, like 2017.')
    expect(dateFrom('04/05/2017')).toMatch(/^error: Day and month could be either way round/)
    for (const text of ['sometime', '13/2017', '04/05/2017']) expect(dateFrom(text)).not.toMatch(/\[0-9\]|\^|\$/)
  })
})

describe('validation problems at their fields', () => {
  const pattern = 'must match pattern "^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$"'

  it('maps draft and request pointers to the content pointer of the field', () => {
    expect(contentPointer('/content/work/0/startDate')).toBe('/work/0/startDate')
    expect(contentPointer('/body/content/work/0/startDate')).toBe('/work/0/startDate')
    expect(contentPointer('/contents/x')).toBe('/contents/x')
  })

  it('words validator messages instead of showing their patterns', () => {
    expect(readableProblem('/work/0/endDate', pattern)).toBe(
      'is not a date: write it like “May 2017”, “05/2017” or “2017”',
    )
    expect(readableProblem('/basics/email', 'must match format "email"')).toBe('is not an email address')
    expect(readableProblem('/basics/url', 'must match format "uri"')).toMatch(/^is not a web address/)
    expect(readableProblem('/basics/phone', 'must match pattern "^x$"')).toBe('is not in a form that fits this field')
    expect(readableProblem('/basics/name', 'must be string')).toBe('must be text')
    expect(readableProblem('/basics/name', 'must NOT have more than 200 characters')).toBe(
      'must NOT have more than 200 characters',
    )
  })

  it('collects the draft’s problems and those of a refused autosave (400 with errors) by field', () => {
    const refused = new ApiError(400, {
      code: 'VALIDATION_FAILED',
      errors: [{ pointer: '/body/content/work/0/summary', message: 'must NOT have more than 20000 characters' }],
    })
    const problems = fieldProblems([{ pointer: '/content/work/0/startDate', message: pattern }], refused)
    expect([...problems]).toEqual([
      ['/work/0/summary', 'must NOT have more than 20000 characters'],
      ['/work/0/startDate', 'is not a date: write it like “May 2017”, “05/2017” or “2017”'],
    ])
    expect(fieldProblems([], new ApiError(412, { code: 'DRAFT_VERSION_CONFLICT' })).size).toBe(0)
    expect(fieldProblems([], new Error('offline')).size).toBe(0)
  })
})
