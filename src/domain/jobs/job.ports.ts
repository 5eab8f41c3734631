import type { Quotas } from '../usage/usage.types.js'
import type { Job, JobCursor } from './job.types.js'

export interface JobRepository {
  /**
   * Stores a new job posting and returns it as stored, in one transaction with the owner's quota checks: throws
   * QUOTA_EXCEEDED `jobs` when the owner already keeps `quotas.jobs`, `storageBytes` when its text (jobBytes) does
   * not fit in what the owner's resumes and jobs leave; nothing is stored then.
   */
  create(job: Job, quotas: Quotas): Promise<Job>
  /** How many jobs the owner keeps. */
  count(ownerId: string): Promise<number>
  /** The owner's job, or undefined when absent or owned by someone else. */
  findById(ownerId: string, id: string): Promise<Job | undefined>
  /**
   * The owner's jobs, newest first (ties by id descending), strictly after `after` when given, at most `limit`.
   */
  list(ownerId: string, options: { after: JobCursor | undefined; limit: number }): Promise<Job[]>
  /** Deletes the owner's job (its bytes leave the owner's storage); false when there was no such job for this owner. */
  delete(ownerId: string, id: string): Promise<boolean>
}
