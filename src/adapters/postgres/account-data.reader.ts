import type { Kysely } from 'kysely'
import type { AccountDataReader } from '../../domain/accounts/data-export.ports.js'
import type { ResumeContent } from '../../domain/resumes/resume.types.js'
import { rowToDraft, rowToResume, rowToVersionSummary, selectResumes } from './resume-rows.js'
import type { Tables } from './tables.js'

/** What a user stores, read for their data export: the trash included, every read scoped by the owner. */
export function createPostgresAccountDataReader(db: Kysely<Tables>): AccountDataReader {
  return {
    async listResumes(ownerId, after, limit) {
      const rows = await selectResumes(db)
        .where('r.owner_id', '=', ownerId)
        .$if(after !== undefined, (q) =>
          q.where((eb) => {
            const { createdAt, id } = after as { createdAt: Date; id: string }
            return eb.or([
              eb('r.created_at', '>', createdAt),
              eb.and([eb('r.created_at', '=', createdAt), eb('r.id', '>', id)]),
            ])
          }),
        )
        .orderBy('r.created_at', 'asc')
        .orderBy('r.id', 'asc')
        .limit(limit)
        .execute()
      return rows.map(rowToResume)
    },

    async listVersions(ownerId, resumeId, after, limit) {
      const rows = await db
        .selectFrom('resume_versions as v')
        .innerJoin('resumes as r', 'r.id', 'v.resume_id')
        .select(['v.resume_id', 'v.number', 'v.content', 'v.message', 'v.restored_from', 'v.created_at'])
        .where('r.id', '=', resumeId)
        .where('r.owner_id', '=', ownerId)
        .where('v.number', '>', after)
        .orderBy('v.number', 'asc')
        .limit(limit)
        .execute()
      return rows.map((row) => ({ ...rowToVersionSummary(row), content: row.content as ResumeContent }))
    },

    async findDraft(ownerId, resumeId) {
      const row = await db
        .selectFrom('resume_drafts as d')
        .innerJoin('resumes as r', 'r.id', 'd.resume_id')
        .select(['d.resume_id', 'd.content', 'd.etag', 'd.base_version', 'd.updated_at'])
        .where('r.id', '=', resumeId)
        .where('r.owner_id', '=', ownerId)
        .executeTakeFirst()
      return row && rowToDraft(row)
    },
  }
}
