export interface RetrySchedule {
  /** Retries after the first attempt. */
  readonly maxRetries: number
  /** Delay before the first retry; each later one waits twice as long. */
  readonly baseMs: number
  /** The longest wait; a server asking for longer (Retry-After) ends the call instead. */
  readonly maxDelayMs: number
}

/**
 * Milliseconds to wait before retry number `retry` (0 for the first retry): `baseMs × 2^retry` capped at
 * `maxDelayMs`, with up to a quarter taken off at random (`random` in [0, 1)) so that many callers do not retry in
 * step. A Retry-After from the server wins, as given; undefined when no retry is left or the server asks for more
 * than `maxDelayMs`.
 */
export function retryDelayMs(
  schedule: RetrySchedule,
  retry: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number | undefined {
  if (retry >= schedule.maxRetries) return undefined
  if (retryAfterMs !== undefined) return retryAfterMs <= schedule.maxDelayMs ? retryAfterMs : undefined
  const exponential = Math.min(schedule.maxDelayMs, schedule.baseMs * 2 ** retry)
  return Math.round(exponential * (1 - random() / 4))
}

/** A Retry-After header (seconds, or an HTTP date) or retry-after-ms header as milliseconds from `now`. */
export function parseRetryAfter(
  headers: { get(name: string): string | null } | undefined,
  now: number = Date.now(),
): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? Number.NaN)
  if (Number.isFinite(ms) && ms >= 0) return ms
  const value = headers?.get('retry-after')?.trim()
  if (!value) return undefined
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
