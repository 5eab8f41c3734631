import { randomUUID } from 'node:crypto'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createBullmqTaskQueue } from '../../src/adapters/queue/bullmq.queue.js'
import { createMemoryTaskQueue, type QueueSettings } from '../../src/adapters/queue/memory.queue.js'
import { randomIds, systemClock } from '../../src/adapters/system/system.js'
import { DomainError } from '../../src/domain/errors.js'
import type { TaskQueue } from '../../src/domain/tasks/task.ports.js'
import { TASK_FAILED_MESSAGE } from '../../src/domain/tasks/task.service.js'
import type { Task } from '../../src/domain/tasks/task.types.js'
import { REDIS_URL } from '../helpers/postgres.js'

const SETTINGS: QueueSettings = { concurrency: 2, maxAttempts: 3, backoffMs: 20, retentionMs: 60_000 }

async function settled(queue: TaskQueue, ownerId: string, id: string): Promise<Task> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const task = await queue.find(ownerId, id)
    if (task && (task.state === 'succeeded' || task.state === 'failed')) return task
    if (Date.now() > deadline) throw new Error(`task ${id} did not finish: ${JSON.stringify(task)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

function taskQueueContract(name: string, make: () => TaskQueue) {
  describe(`task queue: ${name}`, () => {
    const open = () => {
      const queue = make()
      onTestFinished(() => queue.close())
      return queue
    }

    it('runs a task to success with its result and progress', async () => {
      const queue = open()
      queue.register('double', async (payload, context) => {
        await context.reportProgress(50)
        return { doubled: (payload as { n: number }).n * 2, attempt: context.attempt }
      })
      const owner = randomUUID()
      const queued = await queue.enqueue({ kind: 'double', ownerId: owner, payload: { n: 21 } })
      expect(queued.state).toBe('queued')
      const done = await settled(queue, owner, queued.id)
      expect(done).toMatchObject({ state: 'succeeded', progress: 100, attempts: 1, kind: 'double', ownerId: owner })
      expect(done.result).toEqual({ doubled: 42, attempt: 1 })
      expect(done.error).toBeUndefined()
    })

    it('retries a failing task with backoff until it succeeds', async () => {
      const queue = open()
      const startedAt: number[] = []
      queue.register('flaky', async (_payload, context) => {
        startedAt.push(Date.now())
        if (context.attempt < 3) throw new Error(`transient failure ${context.attempt}`)
        return 'ok'
      })
      const owner = randomUUID()
      const queued = await queue.enqueue({ kind: 'flaky', ownerId: owner, payload: null })
      const done = await settled(queue, owner, queued.id)
      expect(done).toMatchObject({ state: 'succeeded', attempts: 3, result: 'ok' })
      expect(startedAt).toHaveLength(3)
      // Exponential backoff: 20 ms, then 40 ms.
      expect((startedAt[1] as number) - (startedAt[0] as number)).toBeGreaterThanOrEqual(18)
      expect((startedAt[2] as number) - (startedAt[1] as number)).toBeGreaterThanOrEqual(38)
    })

    it('reports a permanent failure once the attempts run out', async () => {
      const queue = open()
      let calls = 0
      queue.register('broken', async () => {
        calls += 1
        throw new Error('disk on fire')
      })
      const owner = randomUUID()
      const queued = await queue.enqueue({ kind: 'broken', ownerId: owner, payload: {}, maxAttempts: 2 })
      const done = await settled(queue, owner, queued.id)
      expect(done).toMatchObject({ state: 'failed', attempts: 2, maxAttempts: 2 })
      // The internal error's text is never shown to the task's owner.
      expect(done.error).toEqual({ code: 'TASK_FAILED', message: TASK_FAILED_MESSAGE })
      expect(calls).toBe(2)
    })

    it('does not retry a domain error and keeps its code', async () => {
      const queue = open()
      let calls = 0
      queue.register('bad-input', async () => {
        calls += 1
        throw new DomainError('IMPORT_NO_TEXT_LAYER', 'no text')
      })
      const owner = randomUUID()
      const queued = await queue.enqueue({ kind: 'bad-input', ownerId: owner, payload: {} })
      const done = await settled(queue, owner, queued.id)
      expect(done).toMatchObject({
        state: 'failed',
        attempts: 1,
        error: { code: 'IMPORT_NO_TEXT_LAYER', message: 'no text' },
      })
      expect(calls).toBe(1)
    })

    it("does not show one user's task to another", async () => {
      const queue = open()
      queue.register('noop', async () => null)
      const owner = randomUUID()
      const queued = await queue.enqueue({ kind: 'noop', ownerId: owner, payload: {} })
      expect(await queue.find(randomUUID(), queued.id)).toBeUndefined()
      expect(await queue.find(owner, randomUUID())).toBeUndefined()
      expect((await queue.find(owner, queued.id))?.id).toBe(queued.id)
    })

    it('never shows a task as finished without what it finished with, however fast it is read', async () => {
      const queue = open()
      queue.register('echo', async (payload, context) => {
        await new Promise((resolve) => setTimeout(resolve, (payload as { ms: number }).ms))
        if (context.attempt === 1) throw new Error('first attempt fails')
        return { echoed: (payload as { ms: number }).ms }
      })
      const owner = randomUUID()
      const tasks = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          queue.enqueue({ kind: 'echo', ownerId: owner, payload: { ms: index * 3 } }),
        ),
      )
      // Read each task back to back while it runs, retries and finishes: every read is one consistent snapshot.
      await Promise.all(
        tasks.map(async (task, index) => {
          const deadline = Date.now() + 15_000
          for (;;) {
            const seen = await queue.find(owner, task.id)
            if (seen?.state === 'succeeded') {
              expect(seen).toMatchObject({ attempts: 2, progress: 100, result: { echoed: index * 3 } })
              return
            }
            expect(seen?.state).not.toBe('failed')
            if (Date.now() > deadline) throw new Error(`task ${task.id} did not finish: ${JSON.stringify(seen)}`)
            await new Promise((resolve) => setImmediate(resolve))
          }
        }),
      )
    })
  })
}

taskQueueContract('in process', () => createMemoryTaskQueue(SETTINGS, systemClock, randomIds))

describe.skipIf(!REDIS_URL)('on Redis', () => {
  taskQueueContract('BullMQ', () =>
    createBullmqTaskQueue({ ...SETTINGS, redisUrl: REDIS_URL as string, name: `test-${randomUUID()}` }, randomIds),
  )

  it('a task enqueued before a restart is run by the next instance', async () => {
    const name = `test-${randomUUID()}`
    const first = createBullmqTaskQueue({ ...SETTINGS, redisUrl: REDIS_URL as string, name }, randomIds)
    const owner = randomUUID()
    const queued = await first.enqueue({ kind: 'later', ownerId: owner, payload: { word: 'kept' } })
    await first.close()
    const second = createBullmqTaskQueue({ ...SETTINGS, redisUrl: REDIS_URL as string, name }, randomIds)
    onTestFinished(() => second.close())
    second.register('later', async (payload) => (payload as { word: string }).word)
    const done = await settled(second, owner, queued.id)
    expect(done).toMatchObject({ state: 'succeeded', result: 'kept' })
  })

  it('closes cleanly at any moment after it starts, leaving no command to fail where nobody listens', async () => {
    const unhandled: unknown[] = []
    const record = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', record)
    onTestFinished(() => {
      process.off('unhandledRejection', record)
    })
    // A shutdown right after start (a short-lived process, a failed readiness check) used to drop the worker's
    // connections mid-handshake, rejecting its blocking pop and QUIT with "Connection is closed".
    for (let i = 0; i < 30; i++) {
      const queue = createBullmqTaskQueue(
        { ...SETTINGS, redisUrl: REDIS_URL as string, name: `test-${randomUUID()}` },
        randomIds,
      )
      queue.register('noop', async () => null)
      if (i % 3 === 1) await new Promise((resolve) => setImmediate(resolve))
      if (i % 3 === 2) await new Promise((resolve) => setTimeout(resolve, i % 7))
      const started = performance.now()
      await queue.close()
      expect(performance.now() - started).toBeLessThan(5_000)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(unhandled).toEqual([])
  })
})
