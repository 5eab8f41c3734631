import type { NewTask, Task, TaskHandler } from './task.types.js'

/** Runs tasks in the background: in process, or on Redis (BullMQ) where tasks survive a restart. */
export interface TaskQueue {
  /** Sets the handler for a kind; must be called before tasks of that kind are enqueued. */
  register(kind: string, handler: TaskHandler): void
  /** Stores the task and schedules it; resolves once it is durably queued. */
  enqueue(task: NewTask): Promise<Task>
  /** The task when it exists and belongs to `ownerId`; undefined otherwise (another user's task included). */
  find(ownerId: string, id: string): Promise<Task | undefined>
  /**
   * Removes every task of the owner, with its payload and result (the owner is gone): queued, retrying and finished
   * ones at once; one running now is removed when its attempt ends, and never retried.
   */
  removeAllForOwner(ownerId: string): Promise<void>
  /** Stops taking new work and waits for running handlers to finish. */
  close(): Promise<void>
}
