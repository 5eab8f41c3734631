/** Where an application stands; the board shows the statuses in this order. */
export const APPLICATION_STATUSES = [
  'saved',
  'applied',
  'interviewing',
  'offer',
  'accepted',
  'rejected',
  'withdrawn',
] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

export const REMOTE_POLICIES = ['onsite', 'hybrid', 'remote'] as const
export type RemotePolicy = (typeof REMOTE_POLICIES)[number]

export const SALARY_PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const
export type SalaryPeriod = (typeof SALARY_PERIODS)[number]

/** One entry of an application's status history; the first has no `from` (the status it was created with). */
export interface StatusChange {
  readonly from: ApplicationStatus | undefined
  readonly to: ApplicationStatus
  readonly at: Date
  readonly note: string | undefined
}

export interface Contact {
  readonly name: string
  readonly role: string | undefined
  readonly email: string | undefined
  readonly phone: string | undefined
  readonly notes: string | undefined
}

export interface SalaryRange {
  readonly min: number | undefined
  readonly max: number | undefined
  /** ISO 4217 code, e.g. EUR. */
  readonly currency: string
  readonly period: SalaryPeriod
}

export interface NextStep {
  readonly at: Date
  readonly note: string | undefined
}

/** A job the user applies (or means to apply) for, with the resume sent and where it stands. */
export interface Application {
  readonly id: string
  readonly ownerId: string
  /** The saved job it was made from; company and title were copied from it and stay when the job is deleted. */
  readonly jobId: string | undefined
  readonly url: string | undefined
  readonly company: string
  readonly title: string
  /** The resume sent, optionally pinned to one of its committed versions. */
  readonly resumeId: string | undefined
  readonly resumeVersion: number | undefined
  readonly status: ApplicationStatus
  /** Every status change, oldest first; at most APPLICATION_HISTORY_MAX_ENTRIES (the oldest go first). */
  readonly history: readonly StatusChange[]
  readonly appliedAt: Date | undefined
  readonly deadline: Date | undefined
  readonly nextStep: NextStep | undefined
  readonly contacts: readonly Contact[]
  readonly notes: string | undefined
  readonly salary: SalaryRange | undefined
  readonly location: string | undefined
  readonly remote: RemotePolicy | undefined
  /** Bumped by every update: the ETag a PATCH must name in If-Match. */
  readonly revision: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

/** What a client may set; `null` clears an optional field on update. */
export interface ApplicationFields {
  readonly jobId?: string | null | undefined
  readonly url?: string | null | undefined
  readonly company?: string | undefined
  readonly title?: string | undefined
  readonly resumeId?: string | null | undefined
  readonly resumeVersion?: number | null | undefined
  readonly status?: ApplicationStatus | undefined
  /** Recorded with the status change this request makes (or with the first status on create). */
  readonly statusNote?: string | undefined
  readonly appliedAt?: string | null | undefined
  readonly deadline?: string | null | undefined
  readonly nextStep?: { readonly at: string; readonly note?: string | undefined } | null | undefined
  readonly contacts?: readonly ContactInput[] | undefined
  readonly notes?: string | null | undefined
  readonly salary?: SalaryInput | null | undefined
  readonly location?: string | null | undefined
  readonly remote?: RemotePolicy | null | undefined
}

export interface ContactInput {
  readonly name: string
  readonly role?: string | undefined
  readonly email?: string | undefined
  readonly phone?: string | undefined
  readonly notes?: string | undefined
}

export interface SalaryInput {
  readonly min?: number | undefined
  readonly max?: number | undefined
  readonly currency: string
  readonly period: SalaryPeriod
}

export const APPLICATION_SORTS = ['updated', 'deadline', 'company', 'status'] as const
/** updated: newest change first; deadline: soonest first, none last; company: A to Z; status: board order. */
export type ApplicationSort = (typeof APPLICATION_SORTS)[number]

export interface ApplicationFilter {
  /** Any of these statuses; all when empty or absent. */
  readonly statuses?: readonly ApplicationStatus[] | undefined
  /** Words searched (case-insensitively, as one substring) in company and title. */
  readonly q?: string | undefined
  /** Only applications with a deadline strictly before this instant. */
  readonly deadlineBefore?: Date | undefined
}

/** Keyset position in a sorted list: the last item's sort key and id. */
export interface ApplicationCursor {
  readonly sort: ApplicationSort
  /** updated: an instant; deadline: an instant or null (no deadline); company: lower-cased company; status: rank. */
  readonly key: Date | string | number | null
  readonly id: string
}

export const APPLICATION_TEXT_MAX_LENGTH = 200
export const APPLICATION_URL_MAX_LENGTH = 2_000
export const APPLICATION_NOTES_MAX_LENGTH = 10_000
export const APPLICATION_NOTE_MAX_LENGTH = 1_000
export const APPLICATION_CONTACTS_MAX = 20
export const APPLICATION_HISTORY_MAX_ENTRIES = 100
export const APPLICATION_SALARY_MAX = 1_000_000_000
export const APPLICATION_LIST_DEFAULT_LIMIT = 20
export const APPLICATION_LIST_MAX_LIMIT = 100
/** The most rows one CSV export holds (the whole filtered list up to this). */
export const APPLICATION_EXPORT_MAX_ROWS = 10_000

/** The board position of a status (its index in APPLICATION_STATUSES). */
export function statusRank(status: ApplicationStatus): number {
  return APPLICATION_STATUSES.indexOf(status)
}

/** The value an application sorts by under `sort` (what a cursor's `key` holds). */
export function sortKeyOf(application: Application, sort: ApplicationSort): Date | string | number | null {
  switch (sort) {
    case 'updated':
      return application.updatedAt
    case 'deadline':
      return application.deadline ?? null
    case 'company':
      return application.company.toLowerCase()
    case 'status':
      return statusRank(application.status)
  }
}

function compareKeys(a: Date | string | number | null, b: Date | string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1 // no deadline sorts last
  const [x, y] = a instanceof Date && b instanceof Date ? [a.getTime(), b.getTime()] : [a, b]
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * The order every adapter lists in, as a comparator: negative when (key, id) `a` comes before `b`. `updated` is
 * newest first with ties by id descending; the others ascend, ties by id ascending.
 */
export function compareSortPositions(
  sort: ApplicationSort,
  a: { key: Date | string | number | null; id: string },
  b: { key: Date | string | number | null; id: string },
): number {
  const byKey = compareKeys(a.key, b.key)
  const byId = a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  const order = byKey !== 0 ? byKey : byId
  return sort === 'updated' ? -order : order
}
