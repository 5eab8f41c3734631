import type { Kysely } from 'kysely'
import type { SessionStore } from '../../domain/accounts/account.ports.js'
import type { Session } from '../../domain/accounts/account.types.js'
import type { SessionsTable, Tables } from './tables.js'
import { rowToUser } from './user.repository.js'

type SessionRow = Pick<SessionsTable, 'token_hash' | 'user_id'> & {
  created_at: Date | string
  expires_at: Date | string
  last_seen_at: Date | string
}

function rowToSession(row: SessionRow): Session {
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    lastSeenAt: new Date(row.last_seen_at),
  }
}

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
      return row && rowToSession(row)
    },

    // Every authenticated request starts here: one indexed join instead of two selects.
    async findWithUser(tokenHash) {
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select([
          's.token_hash',
          's.user_id',
          's.created_at',
          's.expires_at',
          's.last_seen_at',
          'u.id',
          'u.email',
          'u.display_name',
          'u.tier',
          'u.role',
          'u.created_at as user_created_at',
          'u.updated_at as user_updated_at',
        ])
        .where('s.token_hash', '=', tokenHash)
        .where('s.expires_at', '>', clock.now())
        .executeTakeFirst()
      if (!row) return undefined
      return {
        session: rowToSession(row),
        user: rowToUser({
          ...row,
          created_at: new Date(row.user_created_at),
          updated_at: new Date(row.user_updated_at),
        }),
      }
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
