import { describe, onTestFinished } from 'vitest'
import { type Database, openDatabase } from '../../src/adapters/postgres/database.js'
import { migrateToLatest } from '../../src/adapters/postgres/migrator.js'
import { loadConfig } from '../../src/config/config.js'
import { migratedPglite } from './pglite.js'
import { createPostgresDatabase, POSTGRES_URL } from './postgres.js'

export type DatabaseKind = 'PGlite' | 'Postgres'

/**
 * A migrated, empty database for one test: PGlite in memory, or a new database on the DATABASE_URL server. It is
 * closed (and the Postgres database dropped) when the test ends.
 */
export async function migratedTestDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === 'PGlite') {
    const database = await migratedPglite()
    onTestFinished(() => database.close())
    return database
  }
  const target = await createPostgresDatabase()
  const database = await openDatabase(loadConfig({ DATABASE_URL: target.url }))
  onTestFinished(async () => {
    await database.close()
    await target.drop()
  })
  await migrateToLatest(database.db)
  return database
}

/**
 * Registers a storage contract once per SQL store: on PGlite always, on PostgreSQL when DATABASE_URL is set (skipped,
 * and reported as skipped, without it). `open` gives each test its own migrated database.
 */
export function onEveryDatabase(register: (kind: DatabaseKind, open: () => Promise<Database>) => void): void {
  register('PGlite', () => migratedTestDatabase('PGlite'))
  describe.skipIf(!POSTGRES_URL)('on PostgreSQL', () => register('Postgres', () => migratedTestDatabase('Postgres')))
}
