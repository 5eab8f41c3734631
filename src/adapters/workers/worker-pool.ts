/**
 * The heavy-work pool: worker threads (piscina) that run every CPU-heavy task on untrusted input. A task over its
 * time budget, counted from the moment a worker starts it, or over the worker's heap limit has its worker
 * terminated (piscina starts a fresh one) and is answered with INPUT_TOO_COMPLEX (IMPORT_TIMEOUT for imports).
 */
import { fileURLToPath, pathToFileURL } from 'node:url'
import { MessageChannel } from 'node:worker_threads'
import { Piscina } from 'piscina'
import { DomainError, type ErrorCode } from '../../domain/errors.js'
import {
  type HeavyBudget,
  type HeavyInput,
  type HeavyOutput,
  type HeavyTaskName,
  type HeavyWork,
  TASK_BUDGETS,
} from '../../domain/work/heavy-work.js'
import type { HeavyTaskSettings } from './heavy-tasks.js'
import type { WorkerResult, WorkerTask } from './heavy-work.worker.js'
import { compiledWorkerFile } from './source-worker.js'

export interface WorkerPoolSettings {
  readonly threads: number
  /** Tasks waiting for a worker before new ones are refused with WORKERS_BUSY. */
  readonly maxQueue: number
  /** Milliseconds each kind of task may run. */
  readonly budgetsMs: Readonly<Record<HeavyBudget, number>>
  /** Old-generation heap limit of each worker, in MB. */
  readonly maxHeapMb: number
  readonly tasks: HeavyTaskSettings
}

export interface WorkerPoolStats {
  readonly threads: number
  readonly busy: number
  readonly queued: number
  readonly completed: number
  /** Tasks stopped for passing their budget, since start. */
  readonly killed: number
}

export interface WorkerPoolHooks {
  /** Called when a task is stopped for passing its budget (its worker was terminated). */
  onKilled?(name: HeavyTaskName, reason: 'time' | 'memory'): void
  /** Called when a task finishes, with how long it ran on its worker. */
  onFinished?(name: HeavyTaskName, seconds: number, outcome: 'ok' | 'error' | 'killed'): void
  /** Called when a worker fails outside any task (e.g. it could not start). */
  onWorkerError?(error: unknown): void
}

// Under Vitest and tsx this module is TypeScript; its workers then run the sources compiled to JavaScript.
const fromSource = import.meta.url.endsWith('.ts')

function workerFile(): string {
  if (!fromSource) return new URL('./heavy-work.worker.js', import.meta.url).href
  return pathToFileURL(compiledWorkerFile(fileURLToPath(new URL('./heavy-work.worker.ts', import.meta.url)))).href
}

const OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY'

export class WorkerPool implements HeavyWork {
  readonly #pool: Piscina
  readonly #settings: WorkerPoolSettings
  readonly #hooks: WorkerPoolHooks
  #killed = 0

  constructor(settings: WorkerPoolSettings, hooks: WorkerPoolHooks = {}) {
    this.#settings = settings
    this.#hooks = hooks
    this.#pool = new Piscina({
      filename: workerFile(),
      // Threads start with the first heavy task and then stay: an instance that never gets such work (a probe-only
      // canary, most test servers) never pays for loading them.
      minThreads: 0,
      maxThreads: settings.threads,
      idleTimeout: Number.POSITIVE_INFINITY,
      maxQueue: settings.maxQueue,
      workerData: settings.tasks,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: settings.maxHeapMb },
      // A slow task must not hold up shutdown: closing aborts what is still running.
      closeTimeout: 1000,
    })
    // Errors of a worker outside any task (it failed to start); the task that needed it is rejected anyway.
    this.#pool.on('error', (error: unknown) => hooks.onWorkerError?.(error))
  }

  async run<K extends HeavyTaskName>(name: K, input: HeavyInput<K>): Promise<HeavyOutput<K>> {
    // piscina's own limit leaves room for workers still starting; this one is exact.
    if (this.#pool.queueSize >= this.#settings.maxQueue) throw workersBusy()
    const budgetMs = this.#settings.budgetsMs[TASK_BUDGETS[name]]
    const controller = new AbortController()
    const { port1, port2 } = new MessageChannel()
    let timer: NodeJS.Timeout | undefined
    let startedAt = 0
    port1.once('message', () => {
      startedAt = performance.now()
      timer = setTimeout(() => controller.abort(), budgetMs)
    })
    const ran = () => (startedAt === 0 ? 0 : (performance.now() - startedAt) / 1000)
    const task: WorkerTask = { name, input, started: port2 }
    try {
      const result = (await this.#pool.run(task, { transferList: [port2], signal: controller.signal })) as WorkerResult
      this.#hooks.onFinished?.(name, ran(), result.ok ? 'ok' : 'error')
      if (!result.ok) {
        const { code, message, errors, extra } = result.error
        throw new DomainError(code as ErrorCode, message, {
          ...(errors !== undefined && { errors: errors as DomainError['errors'] & object }),
          ...(extra !== undefined && { extra: extra as Record<string, unknown> }),
        })
      }
      return result.value as HeavyOutput<K>
    } catch (error) {
      if (error instanceof DomainError) throw error
      const reason = controller.signal.aborted ? 'time' : isOutOfMemory(error) ? 'memory' : undefined
      if (reason) {
        this.#killed += 1
        this.#hooks.onKilled?.(name, reason)
        this.#hooks.onFinished?.(name, ran(), 'killed')
        throw overBudget(name, reason, budgetMs)
      }
      if (error instanceof Error && error.message === 'Task queue is at limit') throw workersBusy()
      throw error
    } finally {
      clearTimeout(timer)
      port1.close()
    }
  }

  stats(): WorkerPoolStats {
    const threads = this.#pool.threads.length
    return {
      threads,
      busy: Math.max(0, threads - this.#pool.idleThreads),
      queued: this.#pool.queueSize,
      completed: this.#pool.completed,
      killed: this.#killed,
    }
  }

  /** Stops every worker; tasks still running or queued are rejected. */
  async close(): Promise<void> {
    await this.#pool.destroy()
  }
}

function isOutOfMemory(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === OUT_OF_MEMORY
}

function workersBusy(): DomainError {
  return new DomainError('WORKERS_BUSY', 'The service is busy with other heavy work; retry shortly.', {
    extra: { retryAfterSeconds: 5 },
  })
}

function overBudget(name: HeavyTaskName, reason: 'time' | 'memory', budgetMs: number): DomainError {
  const what = reason === 'time' ? `more than ${budgetMs} ms` : 'more memory than allowed'
  if (name === 'importFile') {
    return new DomainError('IMPORT_TIMEOUT', `Reading the file took ${what}; nothing was stored.`, {
      extra: { budget: reason },
    })
  }
  return new DomainError('INPUT_TOO_COMPLEX', `Processing this input took ${what}; nothing was stored.`, {
    extra: { budget: reason },
  })
}
