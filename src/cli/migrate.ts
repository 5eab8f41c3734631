/**
 * npm run migrate | migrate:rollback [-- --to NAME] | migrate:status | migrate:prod
 * Uses the same config as the service: DATABASE_URL (Postgres) or DATA_DIR (embedded PGlite).
 */
import { backupPglite, backupPostgres } from '../adapters/postgres/backup.js'
import { type Database, openDatabase } from '../adapters/postgres/database.js'
import {
  migrateDown,
  migrateTo,
  migrateToLatest,
  migrationStatus,
  NO_MIGRATIONS,
} from '../adapters/postgres/migrator.js'
import { ConfigError, loadConfig } from '../config/config.js'

const out = (line: string) => process.stdout.write(`${line}\n`)

async function current(database: Database): Promise<string | undefined> {
  const applied = (await migrationStatus(database.db)).filter((m) => m.executedAt)
  return applied.at(-1)?.name
}

async function status(database: Database): Promise<void> {
  for (const m of await migrationStatus(database.db)) {
    out(`${m.executedAt ? `applied ${m.executedAt.toISOString()}` : 'pending                          '}  ${m.name}`)
  }
}

async function latest(database: Database): Promise<void> {
  const applied = await migrateToLatest(database.db)
  out(applied.length ? applied.map((name) => `applied  ${name}`).join('\n') : 'already up to date')
}

async function rollback(database: Database, to: string | undefined): Promise<void> {
  const reverted =
    to === undefined ? await migrateDown(database.db) : await migrateTo(database.db, to === 'none' ? NO_MIGRATIONS : to)
  out(reverted.length ? reverted.map((name) => `reverted ${name}`).join('\n') : 'nothing to roll back')
  out(`now at   ${(await current(database)) ?? '(no migrations)'}`)
}

/** Backup first (verified), then migrate; a failed migration leaves the database as it was. */
async function prod(database: Database, databaseUrl: string | undefined, backupDir: string): Promise<void> {
  const before = await current(database)
  const backup =
    databaseUrl !== undefined
      ? await backupPostgres(databaseUrl, backupDir)
      : database.pglite
        ? await backupPglite(database.pglite, backupDir)
        : undefined
  if (!backup) throw new Error('no backup method for this database')
  out(`backup   ${backup.path} (${backup.bytes} bytes, ${backup.verifiedEntries} entries verified)`)
  out(`was at   ${before ?? '(no migrations)'}`)
  try {
    await latest(database)
  } catch (error) {
    out(`migration failed; the database is unchanged. Backup: ${backup.path}`)
    throw error
  }
  out(`rollback with: npm run migrate:rollback -- --to ${before ?? 'none'}`)
}

async function main(): Promise<void> {
  const [command = 'latest', ...rest] = process.argv.slice(2)
  const toIndex = rest.indexOf('--to')
  const to = toIndex >= 0 ? rest[toIndex + 1] : undefined
  const config = loadConfig()
  const database = await openDatabase(config)
  try {
    switch (command) {
      case 'latest':
        return await latest(database)
      case 'rollback':
        return await rollback(database, to)
      case 'status':
        return await status(database)
      case 'prod':
        return await prod(database, config.database.url, config.backupDir)
      default:
        throw new Error(`unknown command "${command}" (latest, rollback [--to NAME|none], status, prod)`)
    }
  } finally {
    await database.close()
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`)
  else process.stderr.write(`migrate: ${error instanceof Error ? error.message : String(error)}\n`)
  if (error instanceof Error && error.cause) process.stderr.write(`  cause: ${String(error.cause)}\n`)
  process.exitCode = 1
})
