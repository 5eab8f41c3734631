import { type Kysely, sql, type Transaction } from 'kysely'
import type { ResumeRepository } from '../../domain/resumes/resume.ports.js'
import type { DesignChanges } from '../../domain/resumes/resume-design.js'
import { toPrefixTsquery } from '../../domain/resumes/resume-search.js'
import { assertCountBelow } from '../../domain/usage/usage.types.js'
import { createPostgresResumeDrafts } from './resume-drafts.repository.js'
import { findWithContent, jsonText, lockLive, rowToResume, selectResumes, UUID } from './resume-rows.js'
import { appendVersion, createPostgresResumeVersions } from './resume-versions.repository.js'
import type { Tables } from './tables.js'
import { addStorage, countOwned, lockStorage } from './user-usage.js'

/** A design change as one atomic jsonb update: given fields merged in, `null` fields removed. */
function designUpdate(changes: DesignChanges) {
  const entries = Object.entries(changes)
  const set = Object.fromEntries(entries.filter(([, value]) => value !== null))
  const removed = entries.filter(([, value]) => value === null).map(([key]) => key)
  return sql<string>`(design || ${JSON.stringify(set)}::jsonb) - ${removed}::text[]`
}

/**
 * Title and working content (the draft, else the head version) as one tsvector on the `simple` configuration (no
 * stemming, no stop words: names and skills are searched as written), every word of the query a prefix. Only the
 * strings of the content are read, never its keys. The owner's rows are found first by their index; resumes per
 * owner are bounded by the quota.
 */
function matchesSearch(words: readonly string[]) {
  return sql<boolean>`(to_tsvector('simple', r.title) || jsonb_to_tsvector('simple', coalesce(
      (select d.content from resume_drafts d where d.resume_id = r.id),
      (select v.content from resume_versions v where v.resume_id = r.id and v.number = r.head_version)
    )::jsonb, '["string"]')) @@ to_tsquery('simple', ${toPrefixTsquery(words)})`
}

/**
 * Deletes the trashed resumes of `ownerIds` (trashed at or before `before`, or only `id`, when given) with their
 * versions and drafts (the foreign keys cascade; lineage links to them are set null) and takes their bytes off each
 * owner's storage. The caller holds every owner's storage lock.
 */
async function removeTrashed(
  trx: Transaction<Tables>,
  where: { ownerIds: readonly string[]; before?: Date; id?: string },
): Promise<Array<{ id: string; ownerId: string }>> {
  const { before, id } = where
  let trashed = trx
    .selectFrom('resumes as r')
    .select([
      'r.id',
      sql<number>`(select coalesce(sum(v.size_bytes), 0) from resume_versions v where v.resume_id = r.id)
        + (select coalesce(sum(d.size_bytes), 0) from resume_drafts d where d.resume_id = r.id)`.as('bytes'),
    ])
    .where('r.owner_id', 'in', [...where.ownerIds])
    .where('r.deleted_at', 'is not', null)
  if (before !== undefined) trashed = trashed.where('r.deleted_at', '<=', before)
  if (id !== undefined) trashed = trashed.where('r.id', '=', id)
  const sizes = await trashed.execute()
  if (sizes.length === 0) return []
  const bytesOf = new Map(sizes.map((r) => [r.id, Number(r.bytes)]))
  // Still trashed (within the cutoff) when deleted: a resume restored meanwhile stays.
  let removal = trx
    .deleteFrom('resumes')
    .where('id', 'in', [...bytesOf.keys()])
    .where('deleted_at', 'is not', null)
  if (before !== undefined) removal = removal.where('deleted_at', '<=', before)
  const rows = await removal.returning(['id', 'owner_id']).execute()
  const freed = new Map<string, number>()
  for (const row of rows) freed.set(row.owner_id, (freed.get(row.owner_id) ?? 0) + (bytesOf.get(row.id) ?? 0))
  for (const [ownerId, bytes] of freed) await addStorage(trx, ownerId, -bytes)
  return rows.map((row) => ({ id: row.id, ownerId: row.owner_id }))
}

/** Resumes in Postgres: the resume rows here, their versions and drafts in resume-versions and resume-drafts. */
export function createPostgresResumeRepository(db: Kysely<Tables>): ResumeRepository {
  return {
    ...createPostgresResumeVersions(db),
    ...createPostgresResumeDrafts(db),

    async create(resume, quotas) {
      return db.transaction().execute(async (trx) => {
        // Serializes the owner's writes so the quotas hold under concurrency.
        const storedBytes = await lockStorage(trx, resume.ownerId)
        assertCountBelow('resumes', await countOwned(trx, 'resumes', resume.ownerId), quotas.resumes)
        await trx
          .insertInto('resumes')
          .values({
            id: resume.id,
            owner_id: resume.ownerId,
            title: resume.title,
            template_id: resume.templateId,
            design: JSON.stringify(resume.design),
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
      const { after, tag, search } = query
      const rows = await selectResumes(db)
        .where('r.owner_id', '=', ownerId)
        .where('r.deleted_at', query.trashed ? 'is not' : 'is', null)
        .$if(tag !== undefined, (q) => q.where(sql<boolean>`r.tags @> array[${tag}]::text[]`))
        .$if(search !== undefined && search.length > 0, (q) => q.where(matchesSearch(search ?? [])))
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
            ...(changes.design !== undefined && { design: designUpdate(changes.design) }),
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
        return removeTrashed(trx, { ownerIds, before })
      })
    },

    async deleteTrashed(ownerId, id) {
      if (id !== undefined && !UUID.test(id)) return []
      return db.transaction().execute(async (trx) => {
        await lockStorage(trx, ownerId)
        const removed = await removeTrashed(trx, { ownerIds: [ownerId], ...(id !== undefined && { id }) })
        return removed.map((row) => row.id)
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
  }
}
