import { PGlite } from '@electric-sql/pglite'
import { type Database, wrapPglite } from '../../src/adapters/postgres/database.js'
import { migrateToLatest } from '../../src/adapters/postgres/migrator.js'

let snapshot: Promise<Blob | File> | undefined

/**
 * A migrated, empty in-memory PGlite. The first call in a test process creates and migrates one and keeps a dump;
 * later calls load that dump (about 4× faster than initdb + migrations).
 */
export async function migratedPglite(): Promise<Database> {
  snapshot ??= (async () => {
    const database = wrapPglite(await PGlite.create())
    await migrateToLatest(database.db)
    const dump = await (database.pglite as PGlite).dumpDataDir('none')
    await database.close()
    return dump
  })()
  return wrapPglite(await PGlite.create({ loadDataDir: await snapshot }))
}
