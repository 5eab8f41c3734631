import { describe, expect, it } from 'vitest'
import { parseRetryAfter, retryDelayMs } from './retry.js'

const schedule = { maxRetries: 4, baseMs: 100, maxDelayMs: 500 }
const headers = (h: Record<string, string>) => new Headers(h)

describe('retry schedule', () => {
  it('doubles from the base delay up to the cap, then stops after the last retry', () => {
    const noJitter = () => 0
    expect([0, 1, 2, 3, 4].map((n) => retryDelayMs(schedule, n, undefined, noJitter))).toEqual([
      100,
      200,
      400,
      500,
      undefined,
    ])
  })

  it('takes at most a quarter off at random', () => {
    expect(retryDelayMs(schedule, 1, undefined, () => 0.999)).toBe(150)
    expect(retryDelayMs(schedule, 1, undefined, () => 0.5)).toBe(175)
  })

  it('honours Retry-After as given, and gives up when the server asks for longer than the cap', () => {
    expect(retryDelayMs(schedule, 0, 300)).toBe(300)
    expect(retryDelayMs(schedule, 0, 0)).toBe(0)
    expect(retryDelayMs(schedule, 0, 501)).toBeUndefined()
    expect(retryDelayMs({ ...schedule, maxRetries: 0 }, 0, 10)).toBeUndefined()
  })

  it('reads Retry-After in seconds or as a date, and retry-after-ms', () => {
    const now = Date.parse('2026-11-29T10:00:00Z')
    expect(parseRetryAfter(headers({ 'retry-after': '2' }), now)).toBe(2000)
    expect(parseRetryAfter(headers({ 'retry-after': '0.25' }), now)).toBe(250)
    expect(parseRetryAfter(headers({ 'retry-after': 'Sun, 29 Nov 2026 10:00:03 GMT' }), now)).toBe(3000)
    expect(parseRetryAfter(headers({ 'retry-after-ms': '40', 'retry-after': '9' }), now)).toBe(40)
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }), now)).toBeUndefined()
    expect(parseRetryAfter(headers({}), now)).toBeUndefined()
  })
})
