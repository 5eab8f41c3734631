/**
 * Metrics of the heavy-work pool: queue length, busy and total workers (read when scraped), task durations by
 * outcome, and tasks stopped for passing their budget. A stopped task is also logged: it is an attack or a bug.
 */
import type { Logger } from 'pino'
import { Counter, Gauge, Histogram, type Registry } from 'prom-client'

export interface PoolStats {
  readonly threads: number
  readonly busy: number
  readonly queued: number
  readonly killed: number
}

export interface WorkerPoolObserver {
  onKilled(task: string, reason: 'time' | 'memory'): void
  onFinished(task: string, seconds: number, outcome: 'ok' | 'error' | 'killed'): void
  onWorkerError(error: unknown): void
  /** Starts reading the pool's state at each scrape. */
  watch(stats: () => PoolStats): void
}

const TASK_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20]

export function createWorkerPoolObserver(registry: Registry, logger: Logger): WorkerPoolObserver {
  const registers = [registry]
  let read: (() => PoolStats) | undefined
  const gauge = (name: string, help: string, pick: (stats: PoolStats) => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        if (read) this.set(pick(read()))
      },
    })
  gauge('worker_pool_threads', 'Worker threads of the heavy-work pool.', (s) => s.threads)
  gauge('worker_pool_busy_workers', 'Worker threads running a task now.', (s) => s.busy)
  gauge('worker_pool_queue_length', 'Heavy tasks waiting for a worker.', (s) => s.queued)
  const killed = new Counter({
    name: 'worker_tasks_killed_total',
    help: 'Heavy tasks stopped (their worker terminated) for passing their time or memory budget.',
    labelNames: ['task', 'reason'],
    registers,
  })
  const duration = new Histogram({
    name: 'worker_task_duration_seconds',
    help: 'Time heavy tasks ran on a worker, by task and outcome (ok, error, killed).',
    labelNames: ['task', 'outcome'],
    buckets: TASK_BUCKETS,
    registers,
  })
  return {
    onKilled(task, reason) {
      killed.inc({ task, reason })
      logger.warn({ task, reason }, 'heavy task stopped: it passed its budget')
    },
    onFinished(task, seconds, outcome) {
      duration.observe({ task, outcome }, seconds)
    },
    onWorkerError(error) {
      logger.error({ err: error }, 'heavy-work worker failed outside a task')
    },
    watch(stats) {
      read = stats
    },
  }
}
