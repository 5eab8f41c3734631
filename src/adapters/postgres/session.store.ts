import type { Kysely } from 'kysely'
import type { SessionStore } from '../../domain/accounts/account.ports.js'
import type { Tables } from './tables.js'

/** Sessions in the database: every instance sharing it accepts every session. */
export function createPostgresSessionStore(db: Kysely<Tables>, clock: { now(): Date }): SessionStore {
  return {
    async create(session) {
      await db
        .insertInto('sessions')
        .values({
          token_hash: session.tokenHash,
          user_id: session.userId,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
          last_seen_at: session.lastSeenAt,
        })
        .execute()
    },

    async find(tokenHash) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', clock.now())
        .executeTakeFirst()
      return (
        row && {
          tokenHash: row.token_hash,
          userId: row.user_id,
          createdAt: new Date(row.created_at),
          expiresAt: new Date(row.expires_at),
          lastSeenAt: new Date(row.last_seen_at),
        }
      )
    },

    async touch(tokenHash, at) {
      await db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute()
    },

    async revoke(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
    },

    async revokeAllForUser(userId) {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
    },
  }
}
