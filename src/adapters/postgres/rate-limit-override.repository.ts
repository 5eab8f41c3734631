import type { Kysely } from 'kysely'
import type { RateLimitOverrideRepository } from '../../domain/rate-limits/rate-limit.ports.js'
import type { CallerPolicy, RateLimitOverrides, StoredOverrides } from '../../domain/rate-limits/rate-limit.types.js'
import type { Tables } from './tables.js'

export function createPostgresRateLimitOverrideRepository(db: Kysely<Tables>): RateLimitOverrideRepository {
  return {
    async find(userId) {
      const rows = await db
        .selectFrom('rate_limit_overrides')
        .select(['policy', 'points', 'updated_at', 'updated_by'])
        .where('user_id', '=', userId)
        .execute()
      if (rows.length === 0) return undefined
      const limits: RateLimitOverrides = {}
      let updatedAt = new Date(0)
      let updatedBy: string | undefined
      for (const row of rows) {
        limits[row.policy as CallerPolicy] = row.points
        const at = new Date(row.updated_at)
        if (at >= updatedAt) {
          updatedAt = at
          updatedBy = row.updated_by ?? undefined
        }
      }
      return { limits, updatedAt, updatedBy }
    },

    async replace(userId, limits, at, by) {
      const rows = Object.entries(limits)
        .filter((entry): entry is [string, number] => entry[1] !== undefined)
        .map(([policy, points]) => ({ user_id: userId, policy, points, updated_at: at, updated_by: by ?? null }))
      await db.transaction().execute(async (trx) => {
        // Locking the user serializes concurrent replacements of the same user's rows.
        await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute()
        await trx.deleteFrom('rate_limit_overrides').where('user_id', '=', userId).execute()
        if (rows.length > 0) await trx.insertInto('rate_limit_overrides').values(rows).execute()
      })
      const stored: StoredOverrides = { limits: { ...limits }, updatedAt: at, updatedBy: by }
      return stored
    },

    async deleteAll(userId) {
      await db.deleteFrom('rate_limit_overrides').where('user_id', '=', userId).execute()
    },
  }
}
