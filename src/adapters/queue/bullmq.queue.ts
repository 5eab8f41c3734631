/**
 * The task queue on Redis with BullMQ (when REDIS_URL is set): tasks survive a restart and are shared by every
 * instance; retries use BullMQ's exponential backoff. Same contract as the in-process queue.
 */
import { setTimeout as delay } from 'node:timers/promises'
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq'
import { Redis } from 'ioredis'
import { DomainError } from '../../domain/errors.js'
import type { IdGenerator } from '../../domain/ports.js'
import type { TaskQueue } from '../../domain/tasks/task.ports.js'
import { TASK_FAILED_MESSAGE, taskErrorOf } from '../../domain/tasks/task.service.js'
import type { Task, TaskHandler, TaskState } from '../../domain/tasks/task.types.js'
import { connectionsReachable } from '../redis/redis.js'
import { clampPercent, type QueueSettings } from './memory.queue.js'

interface JobData {
  ownerId: string
  payload: unknown
  lastError?: { code: string; message: string }
}

export interface BullmqQueueOptions extends QueueSettings {
  readonly redisUrl: string
  /** Queue name; tests use their own to stay apart. */
  readonly name?: string
  /** Key prefix in Redis (default `rr:bull`). */
  readonly prefix?: string
}

/** How long closing waits for running tasks before it drops the connections. */
const CLOSE_TIMEOUT_MS = 10_000

export function createBullmqTaskQueue(options: BullmqQueueOptions, ids: IdGenerator): TaskQueue {
  const name = options.name ?? 'tasks'
  const prefix = options.prefix ?? 'rr:bull'
  // BullMQ's blocking worker connection must never give up on a command.
  const connections: Redis[] = []
  const connect = () => {
    const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true })
    redis.on('error', () => {})
    connections.push(redis)
    return redis
  }
  const queueConnection = connect()
  const queue = new Queue<JobData>(name, { connection: queueConnection, prefix })
  queue.on('error', () => {})
  const handlers = new Map<string, TaskHandler>()
  let worker: Worker<JobData> | undefined
  // Each owner's task ids, so an owner's tasks are found without reading the queue; kept as long as a task can be.
  const ownerKey = (ownerId: string) => `${prefix}:${name}-owners:${ownerId}`
  const ownerIndexMs = options.retentionMs + 24 * 3600 * 1000
  // Tasks of a deleted owner that were running when it went: removed as soon as their attempt ends.
  const goneKey = (id: string) => `${prefix}:${name}-gone:${id}`
  const removeIfGone = async (job: Job<JobData> | undefined) => {
    if (!job?.id || (await queueConnection.exists(goneKey(job.id))) === 0) return
    await job.remove().catch(() => {})
    await queueConnection.del(goneKey(job.id))
  }

  const startWorker = () => {
    if (worker) return
    worker = new Worker<JobData>(
      name,
      async (job) => {
        const handler = handlers.get(job.name)
        if (!handler) throw new UnrecoverableError(`No handler for task kind ${job.name}.`)
        if (job.id && (await queueConnection.exists(goneKey(job.id))) > 0) {
          throw new UnrecoverableError('The owner of this task was deleted.')
        }
        try {
          return (
            (await handler(job.data.payload, {
              taskId: job.id as string,
              ownerId: job.data.ownerId,
              attempt: job.attemptsMade + 1,
              reportProgress: (percent) => job.updateProgress(clampPercent(percent)),
            })) ?? null
          )
        } catch (error) {
          await job.updateData({ ...job.data, lastError: taskErrorOf(error) })
          if (error instanceof DomainError) throw new UnrecoverableError(error.message)
          throw error
        }
      },
      { connection: connect(), prefix, concurrency: options.concurrency },
    )
    worker.on('error', () => {})
    worker.on('completed', (job) => void removeIfGone(job).catch(() => {}))
    worker.on('failed', (job) => void removeIfGone(job).catch(() => {}))
  }

  return {
    register(kind, handler) {
      handlers.set(kind, handler)
      startWorker()
    },
    async enqueue({ kind, ownerId, payload, maxAttempts }) {
      const jobId = ids.uuid()
      await queueConnection.multi().sadd(ownerKey(ownerId), jobId).pexpire(ownerKey(ownerId), ownerIndexMs).exec()
      const job = await queue.add(
        kind,
        { ownerId, payload },
        {
          jobId,
          attempts: maxAttempts ?? options.maxAttempts,
          backoff: { type: 'exponential', delay: options.backoffMs },
          removeOnComplete: { age: Math.ceil(options.retentionMs / 1000) },
          removeOnFail: { age: Math.ceil(options.retentionMs / 1000) },
        },
      )
      return toTask(job, 'queued')
    },
    async find(ownerId, id) {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
      const snapshot = await readConsistently(queue, id)
      if (!snapshot || snapshot.job.data.ownerId !== ownerId) return undefined
      return toTask(snapshot.job, stateOf(snapshot.state, snapshot.job))
    },
    async removeAllForOwner(ownerId) {
      for (const id of await queueConnection.smembers(ownerKey(ownerId))) {
        const job = await queue.getJob(id)
        if (!job || job.data.ownerId !== ownerId) continue
        // A running job is locked by its worker: it is marked, and removed when its attempt ends.
        const removed = await job.remove().then(
          () => true,
          () => false,
        )
        if (!removed) await queueConnection.set(goneKey(id), '1', 'PX', ownerIndexMs)
      }
      await queueConnection.del(ownerKey(ownerId))
    },
    async close() {
      // With Redis up, running tasks finish and connections close politely. Commands never give up on these
      // connections, so with Redis down that would wait forever: give it a moment, then drop the connections.
      const reachable = await connectionsReachable(connections)
      // BullMQ's own connections (the worker's blocking one) finish their handshake first: closing one midway makes
      // BullMQ report the failed handshake after it has removed its listeners, an unhandled rejection.
      if (reachable) {
        const ready = Promise.all([queue.waitUntilReady(), worker?.waitUntilReady()]).catch(() => {})
        await Promise.race([ready, delay(2_000, undefined, { ref: false })])
      }
      const polite = (async () => {
        await worker?.close(!reachable)
        await queue.close()
      })().catch(() => {})
      await Promise.race([polite, delay(reachable ? CLOSE_TIMEOUT_MS : 500, undefined, { ref: false })])
      for (const connection of connections) connection.disconnect()
    },
  }
}

/**
 * A job's hash and its state are two reads: a job that finishes between them would show the finished state with
 * the running attempt's data (no result, one attempt short). Read the state on both sides of the hash and accept
 * the hash only when the state did not move; a job that keeps moving is read once more after it moved.
 */
async function readConsistently(
  queue: Queue<JobData>,
  id: string,
): Promise<{ job: Job<JobData>; state: string } | undefined> {
  let before = await queue.getJobState(id)
  for (let round = 0; ; round += 1) {
    const job = await queue.getJob(id)
    if (!job) return undefined
    const after = await job.getState()
    if (after === before || round === 3) return { job, state: after }
    before = after
  }
}

function stateOf(state: string, job: Job<JobData>): TaskState {
  switch (state) {
    case 'active':
      return 'running'
    case 'completed':
      return 'succeeded'
    case 'failed':
      return 'failed'
    default:
      return job.attemptsMade > 0 ? 'retrying' : 'queued'
  }
}

function toTask(job: Job<JobData>, state: TaskState): Task {
  const finished = state === 'succeeded' || state === 'failed'
  return {
    id: job.id as string,
    ownerId: job.data.ownerId,
    kind: job.name,
    state,
    progress: state === 'succeeded' ? 100 : typeof job.progress === 'number' ? job.progress : 0,
    attempts: finished || state === 'retrying' ? job.attemptsMade : job.attemptsMade + (state === 'running' ? 1 : 0),
    maxAttempts: job.opts.attempts ?? 1,
    result: state === 'succeeded' ? (job.returnvalue ?? null) : undefined,
    error:
      state === 'succeeded'
        ? undefined
        : (job.data.lastError ??
          (job.failedReason ? { code: 'TASK_FAILED', message: TASK_FAILED_MESSAGE } : undefined)),
    createdAt: new Date(job.timestamp),
    updatedAt: new Date(job.finishedOn ?? job.processedOn ?? job.timestamp),
  }
}
