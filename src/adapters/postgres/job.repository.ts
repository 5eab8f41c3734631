import type { Kysely } from 'kysely'
import type { JobRepository } from '../../domain/jobs/job.ports.js'
import type { Job } from '../../domain/jobs/job.types.js'
import type { JobsTable, Tables } from './tables.js'

type JobRow = Omit<JobsTable, 'created_at'> & { created_at: Date | string }

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
    async create(job) {
      const row = await db
        .insertInto('jobs')
        .values({
          id: job.id,
          owner_id: job.ownerId,
          title: job.title ?? null,
          company: job.company ?? null,
          url: job.url ?? null,
          description: job.description,
          created_at: job.createdAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      return rowToJob(row)
    },

    async findById(ownerId, id) {
      const row = await db
        .selectFrom('jobs')
        .selectAll()
        .where('id', '=', id)
        .where('owner_id', '=', ownerId)
        .executeTakeFirst()
      return row && rowToJob(row)
    },

    async list(ownerId, { after, limit }) {
      let query = db.selectFrom('jobs').selectAll().where('owner_id', '=', ownerId)
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
      const row = await db
        .deleteFrom('jobs')
        .where('id', '=', id)
        .where('owner_id', '=', ownerId)
        .returning('id')
        .executeTakeFirst()
      return row !== undefined
    },
  }
}
