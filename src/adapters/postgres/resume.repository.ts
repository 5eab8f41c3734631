import { type Kysely, type Selectable, sql, type Transaction } from 'kysely'
import { draftConflict, resumeLimitReached, resumeNotFound } from '../../domain/resumes/resume.errors.js'
import type { ResumeRepository } from '../../domain/resumes/resume.ports.js'
import {
  type Draft,
  etagMatches,
  headEtag,
  type NewVersion,
  type Resume,
  type ResumeContent,
  type ResumeVersion,
  type ResumeWithContent,
  type VersionSummary,
} from '../../domain/resumes/resume.types.js'
import type { ResumeDraftsTable, ResumesTable, ResumeVersionsTable, Tables } from './tables.js'

type Db = Kysely<Tables> | Transaction<Tables>
type ResumeRow = Selectable<ResumesTable> & { has_draft: boolean }
type VersionRow = Omit<Selectable<ResumeVersionsTable>, 'content'>

// Ids come from URLs; anything that is not a UUID cannot name a row and must not reach a uuid column as an error.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function rowToResume(row: ResumeRow): Resume {
  return {
    id: row.id,
    ownerId: row.owner_id,
    title: row.title,
    templateId: row.template_id,
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

function rowToVersionSummary(row: VersionRow): VersionSummary {
  return {
    resumeId: row.resume_id,
    number: row.number,
    message: row.message,
    restoredFrom: row.restored_from ?? undefined,
    createdAt: new Date(row.created_at),
  }
}

function rowToDraft(row: Selectable<ResumeDraftsTable>): Draft {
  return {
    resumeId: row.resume_id,
    content: row.content as ResumeContent,
    etag: row.etag,
    baseVersion: row.base_version,
    updatedAt: new Date(row.updated_at),
  }
}

function selectResumes(db: Db) {
  return db
    .selectFrom('resumes as r')
    .selectAll('r')
    .select(sql<boolean>`exists (select 1 from resume_drafts d where d.resume_id = r.id)`.as('has_draft'))
}

async function findWithContent(
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

/** Locks a live resume row for the rest of the transaction: writers of one resume take turns. */
async function lockLive(trx: Transaction<Tables>, ownerId: string, id: string) {
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

async function appendVersion(
  trx: Transaction<Tables>,
  resumeId: string,
  number: number,
  version: NewVersion,
): Promise<ResumeVersion> {
  const row = await trx
    .insertInto('resume_versions')
    .values({
      resume_id: resumeId,
      number,
      content: JSON.stringify(version.content),
      message: version.message,
      restored_from: version.restoredFrom ?? null,
      created_at: version.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await trx
    .updateTable('resumes')
    .set({ head_version: number, updated_at: version.at })
    .where('id', '=', resumeId)
    .execute()
  return { ...rowToVersionSummary(row), content: row.content as ResumeContent }
}

export function createPostgresResumeRepository(db: Kysely<Tables>): ResumeRepository {
  return {
    async create(resume, maxPerOwner) {
      return db.transaction().execute(async (trx) => {
        // Serializes creations per owner so the limit holds under concurrency.
        await sql`select id from users where id = ${resume.ownerId} for no key update`.execute(trx)
        const { count } = await trx
          .selectFrom('resumes')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('owner_id', '=', resume.ownerId)
          .executeTakeFirstOrThrow()
        if (Number(count) >= maxPerOwner) throw resumeLimitReached(maxPerOwner)
        await trx
          .insertInto('resumes')
          .values({
            id: resume.id,
            owner_id: resume.ownerId,
            title: resume.title,
            template_id: resume.templateId,
            tags: [...resume.tags],
            head_version: 1,
            tailored_from_resume_id: resume.tailoredFrom?.resumeId ?? null,
            tailored_from_version: resume.tailoredFrom?.version ?? null,
            tailored_from_job_id: resume.tailoredFrom?.jobId ?? null,
            created_at: resume.at,
            updated_at: resume.at,
            deleted_at: null,
          })
          .execute()
        await appendVersion(trx, resume.id, 1, {
          content: resume.content,
          message: resume.message,
          restoredFrom: undefined,
          at: resume.at,
        })
        const created = await findWithContent(trx, resume.ownerId, resume.id, false)
        if (!created) throw new Error('created resume not readable in its transaction')
        return created
      })
    },

    find(ownerId, id, options = {}) {
      return findWithContent(db, ownerId, id, options.includeTrashed ?? false)
    },

    async list(ownerId, query) {
      const { after, tag } = query
      const rows = await selectResumes(db)
        .where('r.owner_id', '=', ownerId)
        .where('r.deleted_at', query.trashed ? 'is not' : 'is', null)
        .$if(tag !== undefined, (q) => q.where(sql<boolean>`r.tags @> array[${tag}]::text[]`))
        .$if(after !== undefined && UUID.test(after.id), (q) =>
          q.where(sql<boolean>`(r.created_at, r.id) < (${after?.createdAt}, ${after?.id}::uuid)`),
        )
        .orderBy('r.created_at', 'desc')
        .orderBy('r.id', 'desc')
        .limit(query.limit)
        .execute()
      return rows.map(rowToResume)
    },

    async listTailored(ownerId, baseId) {
      if (!UUID.test(baseId)) return []
      const rows = await selectResumes(db)
        .where('r.owner_id', '=', ownerId)
        .where('r.tailored_from_resume_id', '=', baseId)
        .where('r.deleted_at', 'is', null)
        .orderBy('r.created_at', 'desc')
        .orderBy('r.id', 'desc')
        .execute()
      return rows.map(rowToResume)
    },

    async update(ownerId, id, changes, at, version) {
      return db.transaction().execute(async (trx) => {
        const locked = await lockLive(trx, ownerId, id)
        if (!locked) return undefined
        await trx
          .updateTable('resumes')
          .set({
            ...(changes.title !== undefined && { title: changes.title }),
            ...(changes.templateId !== undefined && { template_id: changes.templateId }),
            ...(changes.tags !== undefined && { tags: [...changes.tags] }),
            updated_at: at,
          })
          .where('id', '=', id)
          .execute()
        if (version) await appendVersion(trx, id, locked.head_version + 1, version)
        return findWithContent(trx, ownerId, id, false)
      })
    },

    async trash(ownerId, id, at) {
      if (!UUID.test(id)) return false
      const row = await db
        .updateTable('resumes')
        .set({ deleted_at: at })
        .where('id', '=', id)
        .where('owner_id', '=', ownerId)
        .where('deleted_at', 'is', null)
        .returning('id')
        .executeTakeFirst()
      return row !== undefined
    },

    async untrash(ownerId, id, notBefore, at) {
      if (!UUID.test(id)) return undefined
      const row = await db
        .updateTable('resumes')
        .set({ deleted_at: null, updated_at: at })
        .where('id', '=', id)
        .where('owner_id', '=', ownerId)
        .where('deleted_at', '>', notBefore)
        .returning('id')
        .executeTakeFirst()
      return row && findWithContent(db, ownerId, id, false)
    },

    async purgeTrashed(before) {
      const rows = await db
        .deleteFrom('resumes')
        .where('deleted_at', '<=', before)
        .returning(['id', 'owner_id'])
        .execute()
      return rows.map((row) => ({ id: row.id, ownerId: row.owner_id }))
    },

    async commitVersion(ownerId, id, version) {
      return db.transaction().execute(async (trx) => {
        const locked = await lockLive(trx, ownerId, id)
        if (!locked) throw resumeNotFound()
        return appendVersion(trx, id, locked.head_version + 1, version)
      })
    },

    async findVersion(ownerId, id, number) {
      if (!UUID.test(id)) return undefined
      const row = await db
        .selectFrom('resume_versions as v')
        .innerJoin('resumes as r', 'r.id', 'v.resume_id')
        .selectAll('v')
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

    async findDraft(ownerId, id) {
      if (!UUID.test(id)) return undefined
      const row = await db
        .selectFrom('resume_drafts as d')
        .innerJoin('resumes as r', 'r.id', 'd.resume_id')
        .selectAll('d')
        .where('r.id', '=', id)
        .where('r.owner_id', '=', ownerId)
        .where('r.deleted_at', 'is', null)
        .executeTakeFirst()
      return row && rowToDraft(row)
    },

    async saveDraft(ownerId, id, condition, draft) {
      return db.transaction().execute(async (trx) => {
        const locked = await lockLive(trx, ownerId, id)
        if (!locked) throw resumeNotFound()
        const current = await trx
          .selectFrom('resume_drafts')
          .select(['etag', 'base_version'])
          .where('resume_id', '=', id)
          .executeTakeFirst()
        const currentEtag = current?.etag ?? headEtag(locked.head_version)
        if (!etagMatches(condition, currentEtag)) throw draftConflict(currentEtag)
        const values = {
          content: JSON.stringify(draft.content),
          etag: draft.etag,
          base_version: current?.base_version ?? locked.head_version,
          updated_at: draft.at,
        }
        const row = await trx
          .insertInto('resume_drafts')
          .values({ resume_id: id, ...values })
          .onConflict((oc) => oc.column('resume_id').doUpdateSet(values))
          .returningAll()
          .executeTakeFirstOrThrow()
        return rowToDraft(row)
      })
    },

    async deleteDraft(ownerId, id, condition) {
      return db.transaction().execute(async (trx) => {
        const locked = await lockLive(trx, ownerId, id)
        if (!locked) throw resumeNotFound()
        const current = await trx
          .selectFrom('resume_drafts')
          .select('etag')
          .where('resume_id', '=', id)
          .executeTakeFirst()
        if (!current) return false
        if (condition !== undefined && !etagMatches(condition, current.etag)) throw draftConflict(current.etag)
        await trx.deleteFrom('resume_drafts').where('resume_id', '=', id).execute()
        return true
      })
    },

    async commitDraft(ownerId, id, draftEtag, version) {
      return db.transaction().execute(async (trx) => {
        const locked = await lockLive(trx, ownerId, id)
        if (!locked) throw resumeNotFound()
        const draft = await trx
          .deleteFrom('resume_drafts')
          .where('resume_id', '=', id)
          .where('etag', '=', draftEtag)
          .returning('content')
          .executeTakeFirst()
        if (!draft) {
          const current = await trx
            .selectFrom('resume_drafts')
            .select('etag')
            .where('resume_id', '=', id)
            .executeTakeFirst()
          throw draftConflict(current?.etag ?? headEtag(locked.head_version))
        }
        return appendVersion(trx, id, locked.head_version + 1, {
          content: draft.content as ResumeContent,
          message: version.message,
          restoredFrom: undefined,
          at: version.at,
        })
      })
    },
  }
}

async function findLive(db: Db, ownerId: string, id: string): Promise<boolean> {
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
