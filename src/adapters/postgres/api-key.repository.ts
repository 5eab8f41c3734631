import type { Kysely } from 'kysely'
import type { ApiKeyRepository } from '../../domain/api-keys/api-key.ports.js'
import { type ApiKey, isApiKeyScope } from '../../domain/api-keys/api-key.types.js'
import type { Tables } from './tables.js'

const COLUMNS = ['id', 'user_id', 'name', 'scopes', 'hint', 'created_at', 'expires_at', 'last_used_at'] as const

interface ApiKeyRow {
  id: string
  user_id: string
  name: string
  scopes: string[]
  hint: string
  created_at: Date | string
  expires_at: Date | string | null
  last_used_at: Date | string | null
}

const dateOrUndefined = (value: Date | string | null) => (value === null ? undefined : new Date(value))

export function rowToApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    // A scope a later release dropped is simply no longer granted.
    scopes: row.scopes.filter(isApiKeyScope),
    hint: row.hint,
    createdAt: new Date(row.created_at),
    expiresAt: dateOrUndefined(row.expires_at),
    lastUsedAt: dateOrUndefined(row.last_used_at),
  }
}

export function createPostgresApiKeyRepository(db: Kysely<Tables>): ApiKeyRepository {
  return {
    async create(key) {
      const row = await db
        .insertInto('api_keys')
        .values({
          id: key.id,
          user_id: key.userId,
          name: key.name,
          scopes: [...key.scopes],
          hint: key.hint,
          secret_hash: key.secretHash,
          created_at: key.createdAt,
          expires_at: key.expiresAt ?? null,
          last_used_at: key.lastUsedAt ?? null,
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow()
      return rowToApiKey(row)
    },

    async listForUser(userId) {
      const rows = await db
        .selectFrom('api_keys')
        .select(COLUMNS)
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute()
      return rows.map(rowToApiKey)
    },

    async countForUser(userId) {
      const row = await db
        .selectFrom('api_keys')
        .select((eb) => eb.fn.countAll<string | number>().as('count'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow()
      return Number(row.count)
    },

    async findBySecretHash(secretHash) {
      const row = await db
        .selectFrom('api_keys')
        .select(COLUMNS)
        .where('secret_hash', '=', secretHash)
        .executeTakeFirst()
      return row && rowToApiKey(row)
    },

    async touch(id, at) {
      await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute()
    },

    async delete(userId, id) {
      const result = await db
        .deleteFrom('api_keys')
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },

    async deleteAllForUser(userId) {
      const result = await db.deleteFrom('api_keys').where('user_id', '=', userId).executeTakeFirst()
      return Number(result.numDeletedRows)
    },
  }
}
