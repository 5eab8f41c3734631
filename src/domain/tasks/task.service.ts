import { DomainError } from '../errors.js'
import type { TaskQueue } from './task.ports.js'
import type { NewTask, Task, TaskHandler } from './task.types.js'

export interface TaskServiceDeps {
  queue: TaskQueue
}

export function createTaskService({ queue }: TaskServiceDeps) {
  return {
    register(kind: string, handler: TaskHandler): void {
      queue.register(kind, handler)
    },

    enqueue(task: NewTask): Promise<Task> {
      return queue.enqueue(task)
    },

    /** Throws TASK_NOT_FOUND when the task does not exist or belongs to someone else. */
    async get(ownerId: string, id: string): Promise<Task> {
      const task = await queue.find(ownerId, id)
      if (!task) throw new DomainError('TASK_NOT_FOUND', 'No such task.')
      return task
    },
  }
}

export type TaskService = ReturnType<typeof createTaskService>

/** What the owner of a task sees when an attempt failed for a reason that is not theirs to know. */
export const TASK_FAILED_MESSAGE = 'The task failed because of an internal error.'

/**
 * The error recorded on a task for a failed attempt, which its owner reads: a DomainError keeps its code and
 * message; anything else (a database or driver error, a bug) gets a generic one, never its own text.
 */
export function taskErrorOf(error: unknown): { code: string; message: string } {
  if (error instanceof DomainError) return { code: error.code, message: error.message }
  return { code: 'TASK_FAILED', message: TASK_FAILED_MESSAGE }
}

/** Delay before attempt `attempt + 1`: base × 2^(attempt − 1). */
export function backoffDelay(baseMs: number, attempt: number): number {
  return baseMs * 2 ** (attempt - 1)
}
