// The rows, mappers and locks that the resume repository's parts (resumes, versions, drafts) share.
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely'
import { resumeNotFound } from '../../domain/resumes/resume.errors.js'
import type {
  Draft,
  Resume,
  ResumeContent,
  ResumeWithContent,
  VersionSummary,
} from '../../domain/resumes/resume.types.js'
import { readDesign } from '../../domain/resumes/resume-design.js'
import type { ResumeDraftsTable, ResumesTable, ResumeVersionsTable, Tables } from './tables.js'
import { lockStorage } from './user-usage.js'

export type Db = Kysely<Tables> | Transaction<Tables>
type ResumeRow = Selectable<ResumesTable> & { has_draft: boolean }
type VersionRow = Omit<Selectable<ResumeVersionsTable>, 'content' | 'size_bytes'>

// Ids come from URLs; anything that is not a UUID cannot name a row and must not reach a uuid column as an error.
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function rowToResume(row: ResumeRow): Resume {
  return {
    id: row.id,
    ownerId: row.owner_id,
    title: row.title,
    templateId: row.template_id,
    design: readDesign(row.design),
    tags: [...row.tags],
    headVersion: row.head_version,
    hasDraft: row.has_draft,
    tailoredFrom:
      row.tailored_from_version !== null && row.tailored_from_job_id !== null
        ? {
            resumeId: row.tailored_from_resume_id ?? undefined,
            version: row.tailored_from_version,
            jobId: row.tailored_from_job_id,
          }
        : undefined,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    deletedAt: row.deleted_at ? new Date(row.deleted_at) : undefined,
  }
}

export function rowToVersionSummary(row: VersionRow): VersionSummary {
  return {
    resumeId: row.resume_id,
    number: row.number,
    message: row.message,
    restoredFrom: row.restored_from ?? undefined,
    createdAt: new Date(row.created_at),
  }
}

export function rowToDraft(row: Omit<Selectable<ResumeDraftsTable>, 'size_bytes'>): Draft {
  return {
    resumeId: row.resume_id,
    content: row.content as ResumeContent,
    etag: row.etag,
    baseVersion: row.base_version,
    updatedAt: new Date(row.updated_at),
  }
}

/** Resume rows with whether each has a working draft. */
export function selectResumes(db: Db) {
  return db
    .selectFrom('resumes as r')
    .selectAll('r')
    .select(sql<boolean>`exists (select 1 from resume_drafts d where d.resume_id = r.id)`.as('has_draft'))
}

/** The owner's resume with the content of its head version; undefined when absent (or trashed, unless included). */
export async function findWithContent(
  db: Db,
  ownerId: string,
  id: string,
  includeTrashed: boolean,
): Promise<ResumeWithContent | undefined> {
  if (!UUID.test(id)) return undefined
  const row = await selectResumes(db)
    .innerJoin('resume_versions as v', (join) =>
      join.onRef('v.resume_id', '=', 'r.id').onRef('v.number', '=', 'r.head_version'),
    )
    .select('v.content')
    .where('r.id', '=', id)
    .where('r.owner_id', '=', ownerId)
    .$if(!includeTrashed, (q) => q.where('r.deleted_at', 'is', null))
    .executeTakeFirst()
  return row && { ...rowToResume(row), content: row.content as ResumeContent }
}

/** Whether the owner has this resume out of the trash. */
export async function findLive(db: Db, ownerId: string, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false
  const row = await db
    .selectFrom('resumes')
    .select('id')
    .where('id', '=', id)
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return row !== undefined
}

/** The JSON text a content column stores, and its UTF-8 size as the storage quota counts it. */
export function jsonText(content: ResumeContent): { text: string; bytes: number } {
  const text = JSON.stringify(content)
  return { text, bytes: Buffer.byteLength(text, 'utf8') }
}

/** Locks a live resume row for the rest of the transaction: writers of one resume take turns. */
export async function lockLive(trx: Transaction<Tables>, ownerId: string, id: string) {
  if (!UUID.test(id)) return undefined
  return trx
    .selectFrom('resumes')
    .select(['id', 'head_version'])
    .where('id', '=', id)
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null)
    .forNoKeyUpdate()
    .executeTakeFirst()
}

/** A write to a live resume that may change stored bytes. */
export interface LockedResume {
  ownerId: string
  resumeId: string
  headVersion: number
  /** The bytes the owner stores, read under the storage lock. */
  storedBytes: number
}

/**
 * Takes the owner's storage lock, then the resume row's, in the order every writer takes them; throws
 * RESUME_NOT_FOUND when the owner has no such live resume.
 */
export async function lockForWrite(trx: Transaction<Tables>, ownerId: string, id: string): Promise<LockedResume> {
  const storedBytes = await lockStorage(trx, ownerId)
  const locked = await lockLive(trx, ownerId, id)
  if (!locked) throw resumeNotFound()
  return { ownerId, resumeId: id, headVersion: locked.head_version, storedBytes }
}
