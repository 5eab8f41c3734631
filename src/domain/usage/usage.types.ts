import { DomainError } from '../errors.js'

/** What one account may store. Over any quota a write answers QUOTA_EXCEEDED naming it and stores nothing. */
export interface Quotas {
  /** UTF-8 bytes of every stored version, draft and saved job of one user together (the trash included). */
  readonly storageBytes: number
  /** Resumes one user may keep, live and in the trash together. */
  readonly resumes: number
  /** Committed versions one resume may hold. */
  readonly versionsPerResume: number
  /** Saved job postings one user may keep. */
  readonly jobs: number
}

/**
 * Every quota: those in Quotas, and `applications`, which only the application tracker checks (its limit is passed
 * to it on its own, so the quotas of resumes and jobs stay as they were).
 */
export type QuotaName = keyof Quotas | 'applications'

/** What one user stores, counted the way the quotas count it (saved jobs are counted by the job repository). */
export interface StoredUsage {
  /** UTF-8 bytes of every version, draft and saved job of the user, trashed resumes included. */
  readonly storageBytes: number
  /** Resumes, live and in the trash. */
  readonly resumes: number
  /** The most versions any one of the user's resumes holds (0 without resumes). */
  readonly mostVersionsPerResume: number
}

export interface Meter {
  readonly used: number
  readonly limit: number
}

/** Each quota with how much of it the user uses; for versionsPerResume, `used` is the fullest resume's count. */
export type Usage = { readonly [Q in QuotaName]: Meter }

const WHAT: Record<QuotaName, (limit: number) => string> = {
  storageBytes: (limit) => `Your account can store ${limit} bytes of resumes, drafts and saved jobs`,
  resumes: (limit) => `You can keep at most ${limit} resumes, the trash included`,
  versionsPerResume: (limit) => `A resume can hold at most ${limit} versions`,
  jobs: (limit) => `You can keep at most ${limit} saved job postings`,
  applications: (limit) => `You can track at most ${limit} applications`,
}

const WAY_OUT: Record<QuotaName, string> = {
  storageBytes: 'delete resumes or saved jobs first (resumes in the trash count until they are purged).',
  resumes: 'delete some first (resumes in the trash count until they are purged).',
  versionsPerResume: 'start a new resume from this one to keep editing.',
  jobs: 'delete some first.',
  applications: 'delete some first.',
}

/** QUOTA_EXCEEDED for `quota`: `limit` and `used` (before the refused write) go into the problem. */
export function quotaExceeded(quota: QuotaName, limit: number, used: number): DomainError {
  return new DomainError('QUOTA_EXCEEDED', `${WHAT[quota](limit)}; ${WAY_OUT[quota]}`, {
    extra: { quota, limit, used },
  })
}

/** Throws when adding `delta` bytes to `used` would pass the storage quota; a write that frees space always fits. */
export function assertStorageFits(used: number, delta: number, limit: number): void {
  if (delta > 0 && used + delta > limit) throw quotaExceeded('storageBytes', limit, used)
}

/** Throws when the user already holds `used` of a counted quota (resumes, versions of one resume, jobs, applications). */
export function assertCountBelow(quota: Exclude<QuotaName, 'storageBytes'>, used: number, limit: number): void {
  if (used >= limit) throw quotaExceeded(quota, limit, used)
}
