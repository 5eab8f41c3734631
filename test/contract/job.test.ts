import { randomUUID } from 'node:crypto'
import { beforeAll, describe, onTestFinished } from 'vitest'
import { createMemoryJobRepository } from '../../src/adapters/memory/job.repository.js'
import { type Database, openDatabase } from '../../src/adapters/postgres/database.js'
import { createPostgresJobRepository } from '../../src/adapters/postgres/job.repository.js'
import { migrateToLatest } from '../../src/adapters/postgres/migrator.js'
import { createPostgresUserRepository } from '../../src/adapters/postgres/user.repository.js'
import { loadConfig } from '../../src/config/config.js'
import { migratedPglite } from '../helpers/pglite.js'
import { createPostgresDatabase, POSTGRES_URL } from '../helpers/postgres.js'
import { aUser } from './accounts.contract.js'
import { type JobStores, jobStoreContract } from './job.contract.js'

function storesOn(database: Database): JobStores {
  const users = createPostgresUserRepository(database.db)
  return {
    jobs: createPostgresJobRepository(database.db),
    async newOwner() {
      const user = aUser()
      await users.create(user)
      return user.id
    },
  }
}

// Build the migrated PGlite snapshot once, under the hook timeout, so no single test pays for initdb.
beforeAll(async () => {
  await (await migratedPglite()).close()
})

jobStoreContract('memory', async () => ({ jobs: createMemoryJobRepository(), newOwner: async () => randomUUID() }))

jobStoreContract('PGlite', async () => {
  const database = await migratedPglite()
  onTestFinished(() => database.close())
  return storesOn(database)
})

describe.skipIf(!POSTGRES_URL)('on PostgreSQL', () => {
  jobStoreContract('Postgres', async () => {
    const target = await createPostgresDatabase()
    const database = await openDatabase(loadConfig({ DATABASE_URL: target.url }))
    await migrateToLatest(database.db)
    onTestFinished(async () => {
      await database.close()
      await target.drop()
    })
    return storesOn(database)
  })
})
