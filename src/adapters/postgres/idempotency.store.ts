import type { Kysely } from 'kysely'
import type { IdempotencyBegin, IdempotencyStore } from '../../domain/idempotency/idempotency.ports.js'
import type { Tables } from './tables.js'

export function createPostgresIdempotencyStore(db: Kysely<Tables>): IdempotencyStore {
  return {
    async begin({ userId, key, fingerprint, at, abandonedBefore, expiredBefore }): Promise<IdempotencyBegin> {
      // Answers older than a day are forgotten: the user's own expired rows go with each new claim.
      await db
        .deleteFrom('idempotency_keys')
        .where('user_id', '=', userId)
        .where('created_at', '<', expiredBefore)
        .execute()
      const claimed = await db
        .insertInto('idempotency_keys')
        .values({ user_id: userId, key, fingerprint, created_at: at })
        .onConflict((c) => c.columns(['user_id', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst()
      if (claimed) return { state: 'new' }
      const row = await db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .executeTakeFirst()
      // Deleted between the insert and the read (released or expired): the caller may simply try again.
      if (!row) return { state: 'in-progress' }
      if (row.fingerprint !== fingerprint) return { state: 'mismatch' }
      if (row.status_code !== null) {
        return {
          state: 'done',
          response: { statusCode: row.status_code, headers: row.response_headers ?? {}, body: row.response_body ?? '' },
        }
      }
      if (new Date(row.created_at) >= abandonedBefore) return { state: 'in-progress' }
      // The first request never finished (its process stopped): this one takes the claim over, once.
      const taken = await db
        .updateTable('idempotency_keys')
        .set({ created_at: at })
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .where('status_code', 'is', null)
        .where('created_at', '=', row.created_at)
        .returning('key')
        .executeTakeFirst()
      return taken ? { state: 'new' } : { state: 'in-progress' }
    },

    async complete(userId, key, response) {
      await db
        .updateTable('idempotency_keys')
        .set({
          status_code: response.statusCode,
          response_headers: JSON.stringify(response.headers),
          response_body: response.body,
        })
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .execute()
    },

    async release(userId, key) {
      await db
        .deleteFrom('idempotency_keys')
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .where('status_code', 'is', null)
        .execute()
    },
  }
}
