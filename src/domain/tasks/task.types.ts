export type TaskState = 'queued' | 'running' | 'retrying' | 'succeeded' | 'failed'

/** A unit of background work and what became of it, as its owner sees it. */
export interface Task {
  readonly id: string
  readonly ownerId: string
  /** What the task does, e.g. `resume.import`. */
  readonly kind: string
  readonly state: TaskState
  /** 0–100, as last reported by the handler. */
  readonly progress: number
  /** Attempts made so far (a retry is a new attempt). */
  readonly attempts: number
  readonly maxAttempts: number
  /** The handler's JSON result once the task succeeded. */
  readonly result: unknown
  /** Why the last attempt failed, as its owner may read it (see taskErrorOf); final once state is `failed`. */
  readonly error: { readonly code: string; readonly message: string } | undefined
  readonly createdAt: Date
  readonly updatedAt: Date
}

export interface NewTask {
  readonly kind: string
  readonly ownerId: string
  /** JSON-serialisable input for the handler. */
  readonly payload: unknown
  /** Defaults to the queue's setting. */
  readonly maxAttempts?: number
}

export interface TaskContext {
  readonly taskId: string
  readonly ownerId: string
  /** 1 on the first attempt. */
  readonly attempt: number
  reportProgress(percent: number): Promise<void>
}

/**
 * Does the work of one kind of task. A thrown DomainError fails the task at once (retrying would not help); any
 * other error is retried with exponential backoff until the attempts run out.
 */
export type TaskHandler = (payload: unknown, context: TaskContext) => Promise<unknown>
