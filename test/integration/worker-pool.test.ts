import { describe, expect, it, onTestFinished } from 'vitest'
import { WorkerPool, type WorkerPoolSettings } from '../../src/adapters/workers/worker-pool.js'
import { INPUT_LIMIT_DEFAULTS } from '../../src/config/defaults.js'
import { DomainError } from '../../src/domain/errors.js'
import { pureTasks } from '../../src/domain/work/heavy-work.js'

const TASKS: WorkerPoolSettings['tasks'] = {
  importLimits: {
    maxBytes: 16 << 20,
    timeoutMs: 10_000,
    maxEntries: 100,
    maxUncompressedBytes: 10 << 20,
    input: INPUT_LIMIT_DEFAULTS,
  },
  pdfFallbackFont: undefined,
}

function aPool(overrides: Partial<WorkerPoolSettings> = {}, killed: string[] = []): WorkerPool {
  const pool = new WorkerPool(
    {
      threads: 1,
      maxQueue: 16,
      budgetsMs: { analysis: 5000, import: 5000, export: 5000 },
      maxHeapMb: 256,
      tasks: TASKS,
      ...overrides,
    },
    { onKilled: (name, reason) => killed.push(`${name}:${reason}`) },
  )
  onTestFinished(() => pool.close())
  return pool
}

/** Two documents, cheap to copy between threads, whose diff takes about 0.2 s per 100,000 `n` here. */
function heavyDiff(n: number) {
  return {
    from: { a: Array.from({ length: n }, (_, i) => i) },
    to: { a: Array.from({ length: n }, (_, i) => i + 1) },
  }
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(DomainError)
  return error as DomainError
}

describe('heavy-work pool', () => {
  it('answers exactly what the task answers in process', async () => {
    const pool = aPool()
    const posting = { title: 'Backend Engineer', description: 'Requirements: 5+ years of TypeScript and PostgreSQL.' }
    expect(await pool.run('analyzeJob', posting)).toEqual(pureTasks.analyzeJob(posting))
  })

  it('brings a DomainError across with its code, errors and extra fields', async () => {
    const pool = aPool()
    const error = await failure(pool.run('importFile', new TextEncoder().encode('{"basics": 1}')))
    expect(error.code).toBe('IMPORT_INVALID_JSON_RESUME')
    expect(error.errors).toEqual([{ pointer: '/basics', message: 'must be an object' }])
  })

  it('stops a task over its time budget with INPUT_TOO_COMPLEX, replaces the worker and keeps serving', async () => {
    const killed: string[] = []
    const pool = aPool({ budgetsMs: { analysis: 200, import: 5000, export: 5000 } }, killed)
    const input = heavyDiff(3_000_000)
    const started = performance.now()
    const error = await failure(pool.run('diff', input))
    expect(error.code).toBe('INPUT_TOO_COMPLEX')
    expect(killed).toEqual(['diff:time'])
    // The worker is terminated at the budget (0.2 s, after copying the input over), not when the task would have
    // ended (5 s or more later); the bound leaves room for a loaded machine.
    expect(performance.now() - started).toBeLessThan(4000)
    expect(pool.stats().killed).toBe(1)
    expect(await pool.run('diff', { from: { a: 1 }, to: { a: 2 } })).toEqual([{ op: 'replace', path: '/a', value: 2 }])
  })

  it('answers an import over its budget with IMPORT_TIMEOUT', async () => {
    const pool = aPool({ budgetsMs: { analysis: 5000, import: 1, export: 5000 } })
    const pdfLike = new TextEncoder().encode(`{"basics":{"name":"A"},"work":[${'{"name":"x"},'.repeat(200_000)}{}]}`)
    const error = await failure(pool.run('importFile', pdfLike))
    expect(error.code).toBe('IMPORT_TIMEOUT')
  })

  it('counts the budget from when a worker starts a task, not from when it was queued', async () => {
    const pool = aPool({ budgetsMs: { analysis: 2000, import: 5000, export: 5000 } })
    // Eight tasks of about 0.4 s on one worker: the last waits about 2.8 s in the queue, longer than a budget of 2 s
    // counted from queueing would allow, yet each runs well within its own.
    const results = await Promise.all(Array.from({ length: 8 }, () => pool.run('diff', heavyDiff(200_000))))
    expect(results.every((patch) => patch.length === 200_000)).toBe(true)
    expect(pool.stats().killed).toBe(0)
  })

  it('stops a task past the worker heap limit with INPUT_TOO_COMPLEX', async () => {
    const killed: string[] = []
    const pool = aPool({ maxHeapMb: 32, budgetsMs: { analysis: 60_000, import: 5000, export: 5000 } }, killed)
    const error = await failure(pool.run('diff', heavyDiff(2_000_000)))
    expect(error.code).toBe('INPUT_TOO_COMPLEX')
    expect(error.extra).toEqual({ budget: 'memory' })
    expect(killed).toEqual(['diff:memory'])
    expect(await pool.run('diff', { from: {}, to: { b: true } })).toEqual([{ op: 'add', path: '/b', value: true }])
  })

  it('refuses work with WORKERS_BUSY when the queue is full', async () => {
    const pool = aPool({ maxQueue: 1 })
    await pool.run('diff', { from: {}, to: {} }) // the worker is up: no capacity is held for one still starting
    const running = Array.from({ length: 6 }, () => pool.run('diff', heavyDiff(20_000)).catch((e: unknown) => e))
    const outcomes = await Promise.all(running)
    const busy = outcomes.filter((o) => o instanceof DomainError && o.code === 'WORKERS_BUSY')
    expect(busy.length).toBeGreaterThanOrEqual(1)
    expect((busy[0] as DomainError).extra).toEqual({ retryAfterSeconds: 5 })
  })
})
