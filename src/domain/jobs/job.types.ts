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
