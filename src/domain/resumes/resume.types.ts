import type { DesignChanges, ResumeDesign } from './resume-design.js'

/** A JSON Resume 1.2.1 document, kept exactly as given (fields the schema does not name included). */
export type ResumeContent = Record<string, unknown>

/** Where a tailored resume came from. `resumeId` becomes undefined when the base resume is purged. */
export interface TailoredFrom {
  readonly resumeId: string | undefined
  readonly version: number
  readonly jobId: string
}

/** What names and draws a resume: the same whether it is stored or about to be. */
interface ResumeIdentity {
  readonly id: string
  readonly ownerId: string
  readonly title: string
  readonly templateId: string
  /** How the resume is drawn beside its template (fields left out are the template's choice). */
  readonly design: ResumeDesign
  readonly tags: readonly string[]
}

export interface Resume extends ResumeIdentity {
  /** Number of the latest committed version (versions count 1, 2, 3, … per resume). */
  readonly headVersion: number
  readonly hasDraft: boolean
  readonly tailoredFrom: TailoredFrom | undefined
  readonly createdAt: Date
  readonly updatedAt: Date
  /** Set while the resume is in the trash. */
  readonly deletedAt: Date | undefined
}

/** A resume with the content of its head version. */
export interface ResumeWithContent extends Resume {
  readonly content: ResumeContent
}

export interface NewResume extends ResumeIdentity {
  readonly content: ResumeContent
  /** Message of version 1. */
  readonly message: string
  readonly tailoredFrom: { resumeId: string; version: number; jobId: string } | undefined
  /** A working draft stored with the resume, in the same transaction (based on version 1). */
  readonly draft?: { readonly content: ResumeContent; readonly etag: string }
  readonly at: Date
}

export interface ResumeChanges {
  readonly title?: string
  readonly templateId?: string
  /** A checked change to the design, applied to the stored one in the same write (`null` removes a field). */
  readonly design?: DesignChanges
  readonly tags?: readonly string[]
}

export interface VersionSummary {
  readonly resumeId: string
  readonly number: number
  readonly message: string
  /** The version whose content this one restored, when it was made by a restore. */
  readonly restoredFrom: number | undefined
  readonly createdAt: Date
}

export interface ResumeVersion extends VersionSummary {
  readonly content: ResumeContent
}

export interface NewVersion {
  readonly content: ResumeContent
  readonly message: string
  readonly restoredFrom: number | undefined
  readonly at: Date
}

export interface Draft {
  readonly resumeId: string
  readonly content: ResumeContent
  /** Opaque token that changes on every save; sent as the draft's ETag. */
  readonly etag: string
  /** The head version when the draft was saved. */
  readonly baseVersion: number
  readonly updatedAt: Date
}

/** The ETag of a resume without a draft: its head version. Versions only grow, so a value is never reused. */
export function headEtag(headVersion: number): string {
  return `v${headVersion}`
}

/** What `If-Match` carried: `*` (any current draft or head) or a list of ETag values. */
export type EtagCondition = '*' | readonly string[]

export function etagMatches(condition: EtagCondition, current: string): boolean {
  return condition === '*' || condition.includes(current)
}

export interface Page<T> {
  readonly items: readonly T[]
  readonly nextCursor: string | undefined
}

export interface ResumeListQuery {
  readonly tag?: string
  /** Words (from `searchWords`) each of which must begin a word of the title or of the working content. */
  readonly search?: readonly string[]
  /** List the trash instead of the live resumes. */
  readonly trashed: boolean
  readonly limit: number
  /** Position after which to continue (from the previous page). */
  readonly after?: { createdAt: Date; id: string }
}
