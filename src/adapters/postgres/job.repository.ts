import type { Kysely } from 'kysely'
import type { JobRepository } from '../../domain/jobs/job.ports.js'
import { type Job, jobBytes } from '../../domain/jobs/job.types.js'
import { assertCountBelow, assertStorageFits } from '../../domain/usage/usage.types.js'
import type { JobsTable, Tables } from './tables.js'
import { addStorage, countOwned, lockStorage } from './user-usage.js'

type JobRow = Omit<JobsTable, 'created_at' | 'size_bytes'> & { created_at: Date | string }
const COLUMNS = ['id', 'owner_id', 'title', 'company', 'url', 'description', 'created_at'] as const

export function rowToJob(row: JobRow): Job {
  return {
    id: row.id,
    ownerId: row.owner_id,
    title: row.title ?? undefined,
    company: row.company ?? undefined,
    url: row.url ?? undefined,
    description: row.description,
    createdAt: new Date(row.created_at),
  }
}

export function createPostgresJobRepository(db: Kysely<Tables>): JobRepository {
  return {
    async create(job, quotas) {
      return db.transaction().execute(async (trx) => {
        // The same per-owner lock as resume writes: jobs and resumes share the storage quota.
        const storedBytes = await lockStorage(trx, job.ownerId)
        assertCountBelow('jobs', await countOwned(trx, 'jobs', job.ownerId), quotas.jobs)
        const bytes = jobBytes(job)
        assertStorageFits(storedBytes, bytes, quotas.storageBytes)
        const row = await trx
          .insertInto('jobs')
          .values({
            id: job.id,
            owner_id: job.ownerId,
            title: job.title ?? null,
            company: job.company ?? null,
            url: job.url ?? null,
            description: job.description,
            size_bytes: bytes,
            created_at: job.createdAt,
          })
          .returning(COLUMNS)
          .executeTakeFirstOrThrow()
        await addStorage(trx, job.ownerId, bytes)
        return rowToJob(row)
      })
    },

    count(ownerId) {
      return countOwned(db, 'jobs', ownerId)
    },

    async findById(ownerId, id) {
      const row = await db
        .selectFrom('jobs')
        .select(COLUMNS)
        .where('id', '=', id)
        .where('owner_id', '=', ownerId)
        .executeTakeFirst()
      return row && rowToJob(row)
    },

    async list(ownerId, { after, limit }) {
      let query = db.selectFrom('jobs').select(COLUMNS).where('owner_id', '=', ownerId)
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', after.createdAt),
            eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
          ]),
        )
      }
      const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
      return rows.map(rowToJob)
    },

    async delete(ownerId, id) {
      return db.transaction().execute(async (trx) => {
        await lockStorage(trx, ownerId)
        const row = await trx
          .deleteFrom('jobs')
          .where('id', '=', id)
          .where('owner_id', '=', ownerId)
          .returning('size_bytes')
          .executeTakeFirst()
        if (row) await addStorage(trx, ownerId, -row.size_bytes)
        return row !== undefined
      })
    },
  }
}
