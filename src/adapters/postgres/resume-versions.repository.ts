import type { Kysely, Transaction } from 'kysely'
import { resumeNotFound } from '../../domain/resumes/resume.errors.js'
import type { ResumeRepository } from '../../domain/resumes/resume.ports.js'
import type { NewVersion, ResumeContent, ResumeVersion } from '../../domain/resumes/resume.types.js'
import { assertCountBelow, assertStorageFits, type Quotas } from '../../domain/usage/usage.types.js'
import { findLive, jsonText, type LockedResume, lockForWrite, rowToVersionSummary, UUID } from './resume-rows.js'
import type { Tables } from './tables.js'
import { addStorage } from './user-usage.js'

/**
 * Appends version head+1 to a resume whose row and owner's storage are locked, after checking the version and
 * storage quotas; `alongside` is what the same write stores besides the version (a new resume's draft) or, when
 * negative, removes (a committed draft), so the storage check and the counter take the write as a whole.
 */
export async function appendVersion(
  trx: Transaction<Tables>,
  target: LockedResume,
  version: NewVersion,
  quotas: Quotas,
  alongside = 0,
): Promise<ResumeVersion> {
  assertCountBelow('versionsPerResume', target.headVersion, quotas.versionsPerResume)
  const { text, bytes } = jsonText(version.content)
  assertStorageFits(target.storedBytes, bytes + alongside, quotas.storageBytes)
  const number = target.headVersion + 1
  const row = await trx
    .insertInto('resume_versions')
    .values({
      resume_id: target.resumeId,
      number,
      content: text,
      message: version.message,
      restored_from: version.restoredFrom ?? null,
      size_bytes: bytes,
      created_at: version.at,
    })
    .returning(['resume_id', 'number', 'content', 'message', 'restored_from', 'created_at'])
    .executeTakeFirstOrThrow()
  await trx
    .updateTable('resumes')
    .set({ head_version: number, updated_at: version.at })
    .where('id', '=', target.resumeId)
    .execute()
  await addStorage(trx, target.ownerId, bytes + alongside)
  return { ...rowToVersionSummary(row), content: row.content as ResumeContent }
}

/** The committed versions of a resume: immutable, appended one at a time. */
export function createPostgresResumeVersions(
  db: Kysely<Tables>,
): Pick<ResumeRepository, 'commitVersion' | 'findVersion' | 'listVersions'> {
  return {
    async commitVersion(ownerId, id, version, quotas) {
      return db.transaction().execute(async (trx) => {
        const target = await lockForWrite(trx, ownerId, id)
        return appendVersion(trx, target, version, quotas)
      })
    },

    async findVersion(ownerId, id, number) {
      if (!UUID.test(id)) return undefined
      const row = await db
        .selectFrom('resume_versions as v')
        .innerJoin('resumes as r', 'r.id', 'v.resume_id')
        .select(['v.resume_id', 'v.number', 'v.content', 'v.message', 'v.restored_from', 'v.created_at'])
        .where('r.id', '=', id)
        .where('r.owner_id', '=', ownerId)
        .where('r.deleted_at', 'is', null)
        .where('v.number', '=', number)
        .executeTakeFirst()
      return row && { ...rowToVersionSummary(row), content: row.content as ResumeContent }
    },

    async listVersions(ownerId, id, query) {
      if (!(await findLive(db, ownerId, id))) throw resumeNotFound()
      const rows = await db
        .selectFrom('resume_versions')
        .select(['resume_id', 'number', 'message', 'restored_from', 'created_at'])
        .where('resume_id', '=', id)
        .$if(query.before !== undefined, (q) => q.where('number', '<', query.before as number))
        .orderBy('number', 'desc')
        .limit(query.limit)
        .execute()
      return rows.map(rowToVersionSummary)
    },
  }
}
