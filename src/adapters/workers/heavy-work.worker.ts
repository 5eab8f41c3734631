/**
 * Entry of each worker thread of the heavy-work pool. It says when a task starts (the budget counts from then, not
 * from when it was queued), runs it, and returns a DomainError as data: an Error's own fields do not survive the
 * trip between threads.
 */
import { type MessagePort, workerData } from 'node:worker_threads'
import { isDomainError } from '../../domain/errors.js'
import type { HeavyTaskName } from '../../domain/work/heavy-work.js'
import { createHeavyTasks, type HeavyTaskSettings } from './heavy-tasks.js'

export interface WorkerTask {
  readonly name: HeavyTaskName
  readonly input: unknown
  /** Receives one message when the task starts. */
  readonly started: MessagePort
}

export type WorkerResult =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false
      readonly error: Pick<Error, 'message'> & {
        code: string
        errors: unknown
        extra: unknown
      }
    }

// Loaded before the pool marks this worker ready, so no task's budget pays for it.
const tasks = await createHeavyTasks(workerData as HeavyTaskSettings)

export default async function runTask({ name, input, started }: WorkerTask): Promise<WorkerResult> {
  started.postMessage(null)
  started.close()
  try {
    const task = tasks[name] as (input: unknown) => unknown
    return { ok: true, value: await task(input) }
  } catch (error) {
    if (!isDomainError(error)) throw error
    return {
      ok: false,
      error: { code: error.code, message: error.message, errors: error.errors, extra: error.extra },
    }
  }
}
