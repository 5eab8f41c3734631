/** A job posting the user saved, to analyse and to tailor resumes for. */
export interface Job {
  readonly id: string
  readonly ownerId: string
  readonly title: string | undefined
  readonly company: string | undefined
  readonly url: string | undefined
  readonly description: string
  readonly createdAt: Date
}

/** UTF-8 bytes of a job's text (description, title, company, URL): what it adds to the owner's storage. */
export function jobBytes(job: Pick<Job, 'title' | 'company' | 'url' | 'description'>): number {
  return [job.description, job.title, job.company, job.url].reduce(
    (sum, text) => sum + (text === undefined ? 0 : Buffer.byteLength(text, 'utf8')),
    0,
  )
}

export interface NewJobInput {
  readonly title?: string | undefined
  readonly company?: string | undefined
  readonly url?: string | undefined
  readonly description: string
}

/** Keyset position in a user's job list (newest first). */
export interface JobCursor {
  readonly createdAt: Date
  readonly id: string
}

export const JOB_DESCRIPTION_MAX_LENGTH = 50_000
export const JOB_TITLE_MAX_LENGTH = 200
export const JOB_COMPANY_MAX_LENGTH = 200
export const JOB_URL_MAX_LENGTH = 2_000
export const JOB_LIST_DEFAULT_LIMIT = 20
export const JOB_LIST_MAX_LIMIT = 100
