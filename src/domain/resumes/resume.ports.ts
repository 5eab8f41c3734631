import type { Quotas, StoredUsage } from '../usage/usage.types.js'
import type {
  Draft,
  EtagCondition,
  NewResume,
  NewVersion,
  Resume,
  ResumeChanges,
  ResumeListQuery,
  ResumeVersion,
  ResumeWithContent,
  VersionSummary,
} from './resume.types.js'

/**
 * Storage of resumes, their versions and drafts. Every method is scoped by the owner's user id: a resume of
 * another owner behaves exactly like a missing one. "Live" means not in the trash.
 *
 * Quotas: every write that stores content checks the owner's quotas in the same transaction as the write and
 * throws QUOTA_EXCEEDED (storing nothing) when it would pass one. Storage counts the UTF-8 bytes of each version's
 * and draft's JSON text, plus the owner's saved jobs (the job repository adds those to the same count); writes of
 * one owner take turns, so two that each fit but not together never both pass.
 */
export interface ResumeRepository {
  /** Stores a resume with its version 1 (and `draft` when given) atomically; QUOTA_EXCEEDED `resumes` when the
   *  owner already keeps `quotas.resumes` (live or in the trash), `storageBytes` when they do not fit together. */
  create(resume: NewResume, quotas: Quotas): Promise<ResumeWithContent>
  /** The resume with its head content; undefined when absent, not the owner's, or trashed (unless asked). */
  find(ownerId: string, id: string, options?: { includeTrashed?: boolean }): Promise<ResumeWithContent | undefined>
  /** One page, newest first (createdAt, then id, descending); live resumes or the trash. */
  list(ownerId: string, query: ResumeListQuery): Promise<Resume[]>
  /** Live resumes created as tailored from `baseId`, newest first. */
  listTailored(ownerId: string, baseId: string): Promise<Resume[]>
  /** Changes title/template/tags of a live resume and, when `version` is given, appends it as the new head, all in
   *  one transaction; undefined when not found. A version is held to `versionsPerResume` and `storageBytes`. */
  update(
    ownerId: string,
    id: string,
    changes: ResumeChanges,
    at: Date,
    version: NewVersion | undefined,
    quotas: Quotas,
  ): Promise<ResumeWithContent | undefined>
  /** Moves a live resume to the trash; false when there was no live resume. */
  trash(ownerId: string, id: string, at: Date): Promise<boolean>
  /** Takes a resume out of the trash if it was deleted after `notBefore`; undefined when not found there. */
  untrash(ownerId: string, id: string, notBefore: Date, at: Date): Promise<ResumeWithContent | undefined>
  /** Removes every resume trashed at or before `before`, with its versions and draft (their bytes leave the owner's
   *  storage); returns what it removed. */
  purgeTrashed(before: Date): Promise<Array<{ id: string; ownerId: string }>>
  /** Removes the owner's trashed resume `id` (every trashed one when `id` is not given) with its versions and draft,
   *  freeing their bytes; returns the ids removed, empty when none was in the trash. Live resumes are never touched. */
  deleteTrashed(ownerId: string, id?: string): Promise<string[]>
  /** The owner's stored bytes (saved jobs included), resume count (trash included) and fullest resume's version
   *  count; zeros for an owner who stores nothing. */
  usage(ownerId: string): Promise<StoredUsage>

  /** Appends version head+1 and makes it the head, in one transaction; throws RESUME_NOT_FOUND, or QUOTA_EXCEEDED
   *  (`versionsPerResume`, `storageBytes`). */
  commitVersion(ownerId: string, id: string, version: NewVersion, quotas: Quotas): Promise<ResumeVersion>
  /** A version of a live resume; undefined when the resume or the version is absent. */
  findVersion(ownerId: string, id: string, number: number): Promise<ResumeVersion | undefined>
  /** Versions of a live resume, newest first, numbers below `before` when given; RESUME_NOT_FOUND when absent. */
  listVersions(ownerId: string, id: string, query: { limit: number; before?: number }): Promise<VersionSummary[]>

  /** The draft of a live resume, or undefined when it has none (or the resume is absent). */
  findDraft(ownerId: string, id: string): Promise<Draft | undefined>
  /**
   * Saves the draft if `condition` matches the current ETag (the draft's, else the head's), atomically in the
   * database; throws DRAFT_VERSION_CONFLICT (extra.etag = current) otherwise, RESUME_NOT_FOUND when absent, and
   * QUOTA_EXCEEDED `storageBytes` when the new draft is larger than the one it replaces by more than is left.
   */
  saveDraft(
    ownerId: string,
    id: string,
    condition: EtagCondition,
    draft: { content: Draft['content']; etag: string; at: Date },
    quotas: Quotas,
  ): Promise<Draft>
  /** Removes the draft if `condition` matches it (undefined: any); false when there was none. Same errors, no quota. */
  deleteDraft(ownerId: string, id: string, condition: EtagCondition | undefined): Promise<boolean>
  /**
   * Turns the draft whose ETag is `draftEtag` into version head+1 and removes it, in one transaction; throws
   * DRAFT_VERSION_CONFLICT when the draft changed or vanished since it was read, RESUME_NOT_FOUND when absent,
   * QUOTA_EXCEEDED `versionsPerResume` when the resume is full (the draft's bytes only move, so storage is unchanged).
   */
  commitDraft(
    ownerId: string,
    id: string,
    draftEtag: string,
    version: { message: string; at: Date },
    quotas: Quotas,
  ): Promise<ResumeVersion>
}
