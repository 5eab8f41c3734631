import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startTrashPurge } from './trash-purge.js'

describe('trash purge timer', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('purges every interval, reports removed resumes and errors, and stops when told', async () => {
    const outcomes: Array<number | Error> = [2, 0, new Error('database down')]
    let runs = 0
    const purged: number[] = []
    const errors: unknown[] = []
    const stop = startTrashPurge({
      resumes: {
        async purgeExpired() {
          const next = outcomes[runs++]
          if (next instanceof Error) throw next
          return next ?? 0
        },
      },
      intervalMs: 1000,
      onPurged: (count) => purged.push(count),
      onError: (error) => errors.push(error),
    })

    await vi.advanceTimersByTimeAsync(3000)
    expect(runs).toBe(3)
    expect(purged).toEqual([2])
    expect(errors).toEqual([new Error('database down')])

    stop()
    await vi.advanceTimersByTimeAsync(5000)
    expect(runs).toBe(3)
  })

  it('does not start a run while the previous one is still going', async () => {
    let runs = 0
    let finish: (count: number) => void = () => {}
    const stop = startTrashPurge({
      resumes: {
        purgeExpired: () => {
          runs += 1
          return new Promise<number>((resolve) => {
            finish = resolve
          })
        },
      },
      intervalMs: 1000,
      onPurged: () => {},
      onError: () => {},
    })
    await vi.advanceTimersByTimeAsync(3500)
    expect(runs).toBe(1)
    finish(0)
    await vi.advanceTimersByTimeAsync(1000)
    expect(runs).toBe(2)
    stop()
  })

  it('does nothing when the interval is 0', async () => {
    let runs = 0
    const stop = startTrashPurge({
      resumes: { purgeExpired: async () => ++runs },
      intervalMs: 0,
      onPurged: () => {},
      onError: () => {},
    })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(runs).toBe(0)
    stop()
  })
})
