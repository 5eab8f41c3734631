import { type Kysely, type Selectable, sql, type Transaction } from 'kysely'
import { draftConflict, resumeNotFound } from '../../domain/resumes/resume.errors.js'
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
import { assertCountBelow, assertStorageFits, type Quotas } from '../../domain/usage/usage.types.js'
import type { ResumeDraftsTable, ResumesTable, ResumeVersionsTable, Tables } from './tables.js'

type Db = Kysely<Tables> | Transaction<Tables>
type ResumeRow = Selectable<ResumesTable> & { has_draft: boolean }
type VersionRow = Omit<Selectable<ResumeVersionsTable>, 'content' | 'size_bytes'>

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

function rowToDraft(row: Omit<Selectable<ResumeDraftsTable>, 'size_bytes'>): Draft {
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

/**
 * Locks the owner's usage row for the rest of the transaction, creating it at zero on the first write, and returns
 * the bytes the owner stores. Every write that changes a user's stored bytes takes this lock first (before any
 * resume row), so writes of one user take turns: two that each fit but not together never both pass.
 */
export async function lockStorage(trx: Transaction<Tables>, ownerId: string): Promise<number> {
  const read = () =>
    trx.selectFrom('user_usage').select('storage_bytes').where('user_id', '=', ownerId).forUpdate().executeTakeFirst()
  let row = await read()
  if (!row) {
    await trx
      .insertInto('user_usage')
      .values({ user_id: ownerId, storage_bytes: 0 })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute()
    row = await read()
  }
  return Number(row?.storage_bytes ?? 0)
}

/** Adds `delta` (negative: frees) to the owner's stored bytes; call after lockStorage in the same transaction. */
export async function addStorage(trx: Transaction<Tables>, ownerId: string, delta: number): Promise<void> {
  if (delta === 0) return
  await trx
    .updateTable('user_usage')
    .set((eb) => ({ storage_bytes: eb('storage_bytes', '+', delta) }))
    .where('user_id', '=', ownerId)
    .execute()
}

/** The JSON text a content column stores, and its UTF-8 size as the storage quota counts it. */
function jsonText(content: ResumeContent): { text: string; bytes: number } {
  const text = JSON.stringify(content)
  return { text, bytes: Buffer.byteLength(text, 'utf8') }
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

/**
 * Appends version head+1 to a resume whose row and owner's storage are locked, after checking the version and
 * storage quotas; `alongside` is what the same write stores besides the version (a new resume's draft) or, when
 * negative, removes (a committed draft), so the storage check and the counter take the write as a whole.
 */
async function appendVersion(
  trx: Transaction<Tables>,
  target: { ownerId: string; resumeId: string; headVersion: number; storedBytes: number },
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

export function createPostgresResumeRepository(db: Kysely<Tables>): ResumeRepository {
  return {
    async create(resume, quotas) {
      return db.transaction().execute(async (trx) => {
        // Serializes the owner's writes so the quotas hold under concurrency.
        const storedBytes = await lockStorage(trx, resume.ownerId)
        const { count } = await trx
          .selectFrom('resumes')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('owner_id', '=', resume.ownerId)
          .executeTakeFirstOrThrow()
        assertCountBelow('resumes', Number(count), quotas.resumes)
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
        const draft = resume.draft && { ...resume.draft, ...jsonText(resume.draft.content) }
        await appendVersion(
          trx,
          { ownerId: resume.ownerId, resumeId: resume.id, headVersion: 0, storedBytes },
          { content: resume.content, message: resume.message, restoredFrom: undefined, at: resume.at },
          quotas,
          draft?.bytes,
        )
        if (draft) {
          await trx
            .insertInto('resume_drafts')
            .values({
              resume_id: resume.id,
              content: draft.text,
              etag: draft.etag,
              base_version: 1,
              size_bytes: draft.bytes,
              updated_at: resume.at,
            })
            .execute()
        }
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

    async update(ownerId, id, changes, at, version, quotas) {
      return db.transaction().execute(async (trx) => {
        const storedBytes = version ? await lockStorage(trx, ownerId) : 0
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
        if (version) {
          const target = { ownerId, resumeId: id, headVersion: locked.head_version, storedBytes }
          await appendVersion(trx, target, version, quotas)
        }
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
      return db.transaction().execute(async (trx) => {
        const owners = await trx
          .selectFrom('resumes')
          .select('owner_id')
          .distinct()
          .where('deleted_at', '<=', before)
          .orderBy('owner_id')
          .execute()
        if (owners.length === 0) return []
        const ownerIds = owners.map((o) => o.owner_id)
        // Storage first, in a fixed order, as every writer locks it; then the sizes cannot change under us.
        for (const ownerId of ownerIds) await lockStorage(trx, ownerId)
        const sizes = await trx
          .selectFrom('resumes as r')
          .select([
            'r.id',
            sql<number>`(select coalesce(sum(v.size_bytes), 0) from resume_versions v where v.resume_id = r.id)
              + (select coalesce(sum(d.size_bytes), 0) from resume_drafts d where d.resume_id = r.id)`.as('bytes'),
          ])
          .where('r.deleted_at', '<=', before)
          .where('r.owner_id', 'in', ownerIds)
          .execute()
        if (sizes.length === 0) return []
        const bytesOf = new Map(sizes.map((r) => [r.id, Number(r.bytes)]))
        const rows = await trx
          .deleteFrom('resumes')
          .where('id', 'in', [...bytesOf.keys()])
          .where('deleted_at', '<=', before)
          .returning(['id', 'owner_id'])
          .execute()
        const freed = new Map<string, number>()
        for (const row of rows) freed.set(row.owner_id, (freed.get(row.owner_id) ?? 0) + (bytesOf.get(row.id) ?? 0))
        for (const [ownerId, bytes] of freed) await addStorage(trx, ownerId, -bytes)
        return rows.map((row) => ({ id: row.id, ownerId: row.owner_id }))
      })
    },

    async usage(ownerId) {
      const row = await db
        .selectFrom('resumes')
        .select((eb) => [
          eb.fn.countAll<number>().as('resumes'),
          eb.fn.coalesce(eb.fn.max('head_version'), sql<number>`0`).as('most_versions'),
          sql<number>`(select coalesce(max(u.storage_bytes), 0) from user_usage u where u.user_id = ${ownerId})`.as(
            'storage_bytes',
          ),
        ])
        .where('owner_id', '=', ownerId)
        .executeTakeFirstOrThrow()
      return {
        storageBytes: Number(row.storage_bytes),
        resumes: Number(row.resumes),
        mostVersionsPerResume: Number(row.most_versions),
      }
    },

    async commitVersion(ownerId, id, version, quotas) {
      return db.transaction().execute(async (trx) => {
        const storedBytes = await lockStorage(trx, ownerId)
        const locked = await lockLive(trx, ownerId, id)
        if (!locked) throw resumeNotFound()
        const target = { ownerId, resumeId: id, headVersion: locked.head_version, storedBytes }
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
        const storedBytes = await lockStorage(trx, ownerId)
        const locked = await lockLive(trx, ownerId, id)
        if (!locked) throw resumeNotFound()
        const current = await trx
          .selectFrom('resume_drafts')
          .select(['etag', 'base_version', 'size_bytes'])
          .where('resume_id', '=', id)
          .executeTakeFirst()
        const currentEtag = current?.etag ?? headEtag(locked.head_version)
        if (!etagMatches(condition, currentEtag)) throw draftConflict(currentEtag)
        // The new draft replaces the old one: only the difference counts.
        const { text, bytes } = jsonText(draft.content)
        const delta = bytes - (current?.size_bytes ?? 0)
        assertStorageFits(storedBytes, delta, quotas.storageBytes)
        const values = {
          content: text,
          etag: draft.etag,
          base_version: current?.base_version ?? locked.head_version,
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
        await lockStorage(trx, ownerId)
        const locked = await lockLive(trx, ownerId, id)
        if (!locked) throw resumeNotFound()
        const current = await trx
          .selectFrom('resume_drafts')
          .select('etag')
          .where('resume_id', '=', id)
          .executeTakeFirst()
        if (!current) return false
        if (condition !== undefined && !etagMatches(condition, current.etag)) throw draftConflict(current.etag)
        const deleted = await trx
          .deleteFrom('resume_drafts')
          .where('resume_id', '=', id)
          .returning('size_bytes')
          .executeTakeFirstOrThrow()
        await addStorage(trx, ownerId, -deleted.size_bytes)
        return true
      })
    },

    async commitDraft(ownerId, id, draftEtag, version, quotas) {
      return db.transaction().execute(async (trx) => {
        const storedBytes = await lockStorage(trx, ownerId)
        const locked = await lockLive(trx, ownerId, id)
        if (!locked) throw resumeNotFound()
        // Removed first; a quota refusal below rolls the removal back with the rest.
        const draft = await trx
          .deleteFrom('resume_drafts')
          .where('resume_id', '=', id)
          .where('etag', '=', draftEtag)
          .returning(['content', 'size_bytes'])
          .executeTakeFirst()
        if (!draft) {
          const current = await trx
            .selectFrom('resume_drafts')
            .select('etag')
            .where('resume_id', '=', id)
            .executeTakeFirst()
          throw draftConflict(current?.etag ?? headEtag(locked.head_version))
        }
        return appendVersion(
          trx,
          { ownerId, resumeId: id, headVersion: locked.head_version, storedBytes },
          {
            content: draft.content as ResumeContent,
            message: version.message,
            restoredFrom: undefined,
            at: version.at,
          },
          quotas,
          -draft.size_bytes,
        )
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
