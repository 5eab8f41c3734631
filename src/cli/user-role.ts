/**
 * npm run user:role -- <email> <admin|user>
 * Stores a user's role (roles are stored, never inferred). Uses the service's config: DATABASE_URL or DATA_DIR.
 */
import { sql } from 'kysely'
import { openDatabase } from '../adapters/postgres/database.js'
import { ConfigError, loadConfig } from '../config/config.js'
import { normalizeEmail, USER_ROLES, type UserRole } from '../domain/accounts/account.types.js'

const USAGE = 'usage: npm run user:role -- <email> <admin|user>'

async function main(): Promise<void> {
  const [email, role] = process.argv.slice(2)
  if (!email || !role || process.argv.length > 4) throw new Error(USAGE)
  if (!(USER_ROLES as readonly string[]).includes(role)) throw new Error(`role must be admin or user\n${USAGE}`)
  const database = await openDatabase(loadConfig())
  try {
    const row = await database.db
      .updateTable('users')
      .set({ role: role as UserRole, updated_at: new Date() })
      .where(sql<string>`lower(email)`, '=', normalizeEmail(email))
      .returning(['id', 'email', 'role'])
      .executeTakeFirst()
    if (!row) throw new Error(`no user with email ${email}`)
    process.stdout.write(`${row.email} (${row.id}) is now ${row.role}\n`)
  } finally {
    await database.close()
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`)
  else process.stderr.write(`user:role: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
