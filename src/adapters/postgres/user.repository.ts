import { type Kysely, sql } from 'kysely'
import type { UserRepository } from '../../domain/accounts/account.ports.js'
import type { User, UserRole, UserSettings, UserTier } from '../../domain/accounts/account.types.js'
import { DomainError } from '../../domain/errors.js'
import { isUniqueViolation } from './pg-errors.js'
import type { Tables, UsersTable } from './tables.js'

type UserRow = Omit<UsersTable, 'created_at' | 'updated_at'> & { created_at: Date; updated_at: Date }

export function rowToUser(row: Omit<UserRow, 'password_hash'>): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    tier: row.tier as UserTier,
    role: row.role as UserRole,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }
}

function emailTaken(error: unknown): never {
  if (isUniqueViolation(error, 'users_email_lower_key')) {
    throw new DomainError('EMAIL_TAKEN', 'An account with this email already exists.', {
      errors: [{ pointer: '/body/email', message: 'is already registered' }],
    })
  }
  throw error
}

export function createPostgresUserRepository(db: Kysely<Tables>): UserRepository {
  return {
    async create(user) {
      const row = await db
        .insertInto('users')
        .values({
          id: user.id,
          email: user.email,
          display_name: user.displayName,
          password_hash: user.passwordHash,
          tier: user.tier,
          role: user.role,
          created_at: user.createdAt,
          updated_at: user.updatedAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
        .catch(emailTaken)
      return rowToUser(row)
    },

    async findCredentialsByEmail(normalizedEmail) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where(sql<string>`lower(email)`, '=', normalizedEmail)
        .executeTakeFirst()
      return row && { user: rowToUser(row), passwordHash: row.password_hash }
    },

    async updatePasswordHash(id, passwordHash, at) {
      const row = await db
        .updateTable('users')
        .set({ password_hash: passwordHash, updated_at: at })
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst()
      if (!row) throw new DomainError('USER_NOT_FOUND', 'The user does not exist.')
    },

    async findPasswordHash(id) {
      const row = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst()
      return row?.password_hash
    },

    async findById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
      return row && rowToUser(row)
    },

    async update(id, changes) {
      const row = await db
        .updateTable('users')
        .set({
          ...(changes.email !== undefined && { email: changes.email }),
          ...(changes.displayName !== undefined && { display_name: changes.displayName }),
          updated_at: changes.updatedAt,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst()
        .catch(emailTaken)
      if (!row) throw new DomainError('USER_NOT_FOUND', 'The user does not exist.')
      return rowToUser(row)
    },

    async findSettings(userId) {
      const row = await db
        .selectFrom('user_settings')
        .select('settings')
        .where('user_id', '=', userId)
        .executeTakeFirst()
      return row?.settings as Partial<UserSettings> | undefined
    },

    async saveSettings(userId, settings, at) {
      const json = JSON.stringify(settings)
      await db
        .insertInto('user_settings')
        .values({ user_id: userId, settings: json, updated_at: at })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ settings: json, updated_at: at }))
        .execute()
    },

    async delete(id) {
      return db.transaction().execute(async (trx) => {
        const user = await trx.selectFrom('users').select('email').where('id', '=', id).forUpdate().executeTakeFirst()
        if (!user) return undefined
        const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id)
        const resumes = await trx.selectFrom('resumes').select('id').where('owner_id', '=', id).execute()
        const jobs = await trx.selectFrom('jobs').select('id').where('owner_id', '=', id).execute()
        const apiKeys = await trx.selectFrom('api_keys').select('id').where('user_id', '=', id).execute()
        // Every table holding a user's rows references users with ON DELETE CASCADE (an admin's name on another
        // user's custom limits is set to null); the HTTP tests scan every table for what is left.
        await trx.deleteFrom('users').where('id', '=', id).execute()
        return { id, email: user.email, resumeIds: ids(resumes), jobIds: ids(jobs), apiKeyIds: ids(apiKeys) }
      })
    },
  }
}
