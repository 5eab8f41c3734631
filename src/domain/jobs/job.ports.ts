import type { Job, JobCursor } from './job.types.js'

export interface JobRepository {
  /** Stores a new job posting and returns it as stored. */
  create(job: Job): Promise<Job>
  /** The owner's job, or undefined when absent or owned by someone else. */
  findById(ownerId: string, id: string): Promise<Job | undefined>
  /**
   * The owner's jobs, newest first (ties by id descending), strictly after `after` when given, at most `limit`.
   */
  list(ownerId: string, options: { after: JobCursor | undefined; limit: number }): Promise<Job[]>
  /** Deletes the owner's job; false when there was no such job for this owner. */
  delete(ownerId: string, id: string): Promise<boolean>
}
