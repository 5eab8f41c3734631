/**
 * The in-process task queue (embedded mode): tasks live in memory, run with bounded concurrency, and are retried
 * with exponential backoff. They do not survive a restart; the BullMQ queue does.
 */
import { DomainError } from '../../domain/errors.js'
import type { Clock, IdGenerator } from '../../domain/ports.js'
import type { TaskQueue } from '../../domain/tasks/task.ports.js'
import { backoffDelay, taskErrorOf } from '../../domain/tasks/task.service.js'
import type { Task, TaskHandler } from '../../domain/tasks/task.types.js'

export interface QueueSettings {
  readonly concurrency: number
  readonly maxAttempts: number
  readonly backoffMs: number
  /** Finished tasks are forgotten after this long. */
  readonly retentionMs: number
}

interface Entry {
  task: Task
  payload: unknown
}

export function createMemoryTaskQueue(settings: QueueSettings, clock: Clock, ids: IdGenerator): TaskQueue {
  const handlers = new Map<string, TaskHandler>()
  const entries = new Map<string, Entry>()
  const waiting: string[] = []
  const timers = new Set<NodeJS.Timeout>()
  const running = new Set<Promise<void>>()
  let closed = false

  const update = (entry: Entry, changes: Partial<Task>) => {
    entry.task = { ...entry.task, ...changes, updatedAt: clock.now() }
  }

  const pump = () => {
    while (!closed && running.size < settings.concurrency && waiting.length > 0) {
      const id = waiting.shift() as string
      const entry = entries.get(id)
      if (!entry) continue
      const run = attempt(entry).finally(() => {
        running.delete(run)
        pump()
      })
      running.add(run)
    }
  }

  const attempt = async (entry: Entry) => {
    const handler = handlers.get(entry.task.kind)
    const number = entry.task.attempts + 1
    update(entry, { state: 'running', attempts: number })
    try {
      if (!handler) throw new DomainError('INTERNAL_ERROR', `No handler for task kind ${entry.task.kind}.`)
      const result = await handler(entry.payload, {
        taskId: entry.task.id,
        ownerId: entry.task.ownerId,
        attempt: number,
        reportProgress: async (percent) => update(entry, { progress: clampPercent(percent) }),
      })
      update(entry, { state: 'succeeded', progress: 100, result: result ?? null, error: undefined })
      entry.payload = undefined
      forgetLater(entry.task.id)
    } catch (error) {
      const permanent = error instanceof DomainError || number >= entry.task.maxAttempts
      update(entry, { state: permanent ? 'failed' : 'retrying', error: taskErrorOf(error) })
      if (permanent) {
        entry.payload = undefined
        forgetLater(entry.task.id)
        return
      }
      schedule(
        () => {
          waiting.push(entry.task.id)
          pump()
        },
        backoffDelay(settings.backoffMs, number),
      )
    }
  }

  const schedule = (fn: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      fn()
    }, ms)
    timer.unref()
    timers.add(timer)
  }
  const forgetLater = (id: string) => schedule(() => entries.delete(id), settings.retentionMs)

  return {
    register(kind, handler) {
      handlers.set(kind, handler)
    },
    async enqueue({ kind, ownerId, payload, maxAttempts }) {
      if (closed) throw new DomainError('SERVICE_UNAVAILABLE', 'The task queue is shutting down.')
      const now = clock.now()
      const task: Task = {
        id: ids.uuid(),
        ownerId,
        kind,
        state: 'queued',
        progress: 0,
        attempts: 0,
        maxAttempts: maxAttempts ?? settings.maxAttempts,
        result: undefined,
        error: undefined,
        createdAt: now,
        updatedAt: now,
      }
      entries.set(task.id, { task, payload })
      waiting.push(task.id)
      queueMicrotask(pump)
      return task
    },
    async find(ownerId, id) {
      const task = entries.get(id)?.task
      return task && task.ownerId === ownerId ? task : undefined
    },
    async removeAllForOwner(ownerId) {
      // A running attempt keeps its entry object, but nothing can find it again, retry it or read its result.
      for (const [id, entry] of entries) {
        if (entry.task.ownerId === ownerId) entries.delete(id)
      }
    },
    async close() {
      closed = true
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      await Promise.allSettled([...running])
    },
  }
}

export function clampPercent(percent: number): number {
  return Math.max(0, Math.min(100, Math.round(Number.isFinite(percent) ? percent : 0)))
}
