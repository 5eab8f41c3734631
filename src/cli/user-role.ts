/**
 * npm run user:role -- <email> <admin|user>
 * Stores a user's role (roles are stored, never inferred). Uses the service's config: DATABASE_URL or DATA_DIR.
 * Running instances keep signed-in users in a short-lived session cache: with Redis this command drops the user's
 * copies on every instance over the cache bus, so the new role applies on the next request; without Redis (one
 * embedded instance, which must be stopped to run this) there is nothing running to tell.
 */
import { sql } from 'kysely'
import { pino } from 'pino'
import { BentoSessionCache } from '../adapters/cache/session-cache.js'
import { openDatabase } from '../adapters/postgres/database.js'
import { type Config, ConfigError, loadConfig } from '../config/config.js'
import { normalizeEmail, USER_ROLES, type UserRole } from '../domain/accounts/account.types.js'

const USAGE = 'usage: npm run user:role -- <email> <admin|user>'

async function main(): Promise<void> {
  const [email, role] = process.argv.slice(2)
  if (!email || !role || process.argv.length > 4) throw new Error(USAGE)
  if (!(USER_ROLES as readonly string[]).includes(role)) throw new Error(`role must be admin or user\n${USAGE}`)
  const config = loadConfig()
  const database = await openDatabase(config)
  try {
    const row = await database.db
      .updateTable('users')
      .set({ role: role as UserRole, updated_at: new Date() })
      .where(sql<string>`lower(email)`, '=', normalizeEmail(email))
      .returning(['id', 'email', 'role'])
      .executeTakeFirst()
    if (!row) throw new Error(`no user with email ${email}`)
    process.stdout.write(`${row.email} (${row.id}) is now ${row.role}\n`)
    if (await dropCachedSessions(config, row.id)) process.stdout.write('running instances were told over Redis\n')
  } finally {
    await database.close()
  }
}

/** Drops the user's cached sessions on every running instance; false when there is no bus to reach them. */
async function dropCachedSessions(config: Config, userId: string): Promise<boolean> {
  if (!config.cache.redisUrl || config.auth.sessionCacheSeconds === 0) return false
  const cache = new BentoSessionCache({
    settings: { ttlMs: config.auth.sessionCacheSeconds * 1000, maxItems: 1 },
    redisUrl: config.cache.redisUrl,
    keyPrefix: config.redisKeyPrefix,
    logger: pino({ level: 'silent' }),
  })
  try {
    await cache.dropUser(userId)
    return true
  } finally {
    await cache.close()
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`)
  else process.stderr.write(`user:role: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
