import { type Kysely, type MigrationResultSet, Migrator, NO_MIGRATIONS } from 'kysely'
import { migrations } from './migrations/index.js'

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the database whatever its current schema
export type AnyKysely = Kysely<any>

export interface MigrationStatus {
  readonly name: string
  readonly executedAt: Date | undefined
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: MigrationResultSet['results'],
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'MigrationError'
  }
}

// Kysely takes a Postgres advisory lock around every run, so concurrent runs apply each migration once.
function migratorFor(db: AnyKysely): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } })
}

function unwrap(set: MigrationResultSet): string[] {
  if (set.error) {
    const failed = set.results?.find((r) => r.status === 'Error')
    const message = set.error instanceof Error ? set.error.message : String(set.error)
    throw new MigrationError(
      failed ? `Migration ${failed.migrationName} failed: ${message}` : `Migration failed: ${message}`,
      set.results,
      { cause: set.error },
    )
  }
  return (set.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** Applies every pending migration; returns the names applied by this run (empty when up to date). */
export async function migrateToLatest(db: AnyKysely): Promise<string[]> {
  return unwrap(await migratorFor(db).migrateToLatest())
}

/** Reverts the most recent migration; returns its name, or an empty list when none was applied. */
export async function migrateDown(db: AnyKysely): Promise<string[]> {
  return unwrap(await migratorFor(db).migrateDown())
}

/** Migrates up or down to the named migration (NO_MIGRATIONS: revert everything). */
export async function migrateTo(db: AnyKysely, target: string | typeof NO_MIGRATIONS): Promise<string[]> {
  return unwrap(await migratorFor(db).migrateTo(target))
}

/** Every known migration in order, with when it was applied. */
export async function migrationStatus(db: AnyKysely): Promise<MigrationStatus[]> {
  const infos = await migratorFor(db).getMigrations()
  return infos.map((info) => ({ name: info.name, executedAt: info.executedAt }))
}

export { NO_MIGRATIONS }
