import type { Kysely, Transaction } from 'kysely'
import { draftConflict } from '../../domain/resumes/resume.errors.js'
import type { ResumeRepository } from '../../domain/resumes/resume.ports.js'
import { etagMatches, headEtag, type ResumeContent } from '../../domain/resumes/resume.types.js'
import { assertStorageFits } from '../../domain/usage/usage.types.js'
import { jsonText, lockForWrite, rowToDraft, UUID } from './resume-rows.js'
import { appendVersion } from './resume-versions.repository.js'
import type { Tables } from './tables.js'
import { addStorage } from './user-usage.js'

/** The ETag of the resume's working draft, undefined when it has none. */
async function draftEtag(trx: Transaction<Tables>, resumeId: string): Promise<string | undefined> {
  const row = await trx.selectFrom('resume_drafts').select('etag').where('resume_id', '=', resumeId).executeTakeFirst()
  return row?.etag
}

/** The working draft of a resume: at most one, replaced by autosaves under If-Match, committed as a version. */
export function createPostgresResumeDrafts(
  db: Kysely<Tables>,
): Pick<ResumeRepository, 'findDraft' | 'saveDraft' | 'deleteDraft' | 'commitDraft'> {
  return {
    async findDraft(ownerId, id) {
      if (!UUID.test(id)) return undefined
      const row = await db
        .selectFrom('resume_drafts as d')
        .innerJoin('resumes as r', 'r.id', 'd.resume_id')
        .select(['d.resume_id', 'd.content', 'd.etag', 'd.base_version', 'd.updated_at'])
        .where('r.id', '=', id)
        .where('r.owner_id', '=', ownerId)
        .where('r.deleted_at', 'is', null)
        .executeTakeFirst()
      return row && rowToDraft(row)
    },

    async saveDraft(ownerId, id, condition, draft, quotas) {
      return db.transaction().execute(async (trx) => {
        const { headVersion, storedBytes } = await lockForWrite(trx, ownerId, id)
        const current = await trx
          .selectFrom('resume_drafts')
          .select(['etag', 'base_version', 'size_bytes'])
          .where('resume_id', '=', id)
          .executeTakeFirst()
        const currentEtag = current?.etag ?? headEtag(headVersion)
        if (!etagMatches(condition, currentEtag)) throw draftConflict(currentEtag)
        // The new draft replaces the old one: only the difference counts.
        const { text, bytes } = jsonText(draft.content)
        const delta = bytes - (current?.size_bytes ?? 0)
        assertStorageFits(storedBytes, delta, quotas.storageBytes)
        const values = {
          content: text,
          etag: draft.etag,
          base_version: current?.base_version ?? headVersion,
          size_bytes: bytes,
          updated_at: draft.at,
        }
        const row = await trx
          .insertInto('resume_drafts')
          .values({ resume_id: id, ...values })
          .onConflict((oc) => oc.column('resume_id').doUpdateSet(values))
          .returning(['resume_id', 'content', 'etag', 'base_version', 'updated_at'])
          .executeTakeFirstOrThrow()
        await addStorage(trx, ownerId, delta)
        return rowToDraft(row)
      })
    },

    async deleteDraft(ownerId, id, condition) {
      return db.transaction().execute(async (trx) => {
        await lockForWrite(trx, ownerId, id)
        const current = await draftEtag(trx, id)
        if (current === undefined) return false
        if (condition !== undefined && !etagMatches(condition, current)) throw draftConflict(current)
        const deleted = await trx
          .deleteFrom('resume_drafts')
          .where('resume_id', '=', id)
          .returning('size_bytes')
          .executeTakeFirstOrThrow()
        await addStorage(trx, ownerId, -deleted.size_bytes)
        return true
      })
    },

    async commitDraft(ownerId, id, etag, version, quotas) {
      return db.transaction().execute(async (trx) => {
        const target = await lockForWrite(trx, ownerId, id)
        // Removed first; a quota refusal below rolls the removal back with the rest.
        const draft = await trx
          .deleteFrom('resume_drafts')
          .where('resume_id', '=', id)
          .where('etag', '=', etag)
          .returning(['content', 'size_bytes'])
          .executeTakeFirst()
        if (!draft) throw draftConflict((await draftEtag(trx, id)) ?? headEtag(target.headVersion))
        const content = draft.content as ResumeContent
        const committed = { content, message: version.message, restoredFrom: undefined, at: version.at }
        return appendVersion(trx, target, committed, quotas, -draft.size_bytes)
      })
    },
  }
}
