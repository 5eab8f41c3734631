import { randomUUID } from 'node:crypto'
import { describe, onTestFinished } from 'vitest'
import { createMemoryJobRepository } from '../../src/adapters/memory/job.repository.js'
import { createMemoryResumeRepository, MemoryStorageLedger } from '../../src/adapters/memory/resume.repository.js'
import type { Database } from '../../src/adapters/postgres/database.js'
import { openDatabase } from '../../src/adapters/postgres/database.js'
import { createPostgresJobRepository } from '../../src/adapters/postgres/job.repository.js'
import { migrateToLatest } from '../../src/adapters/postgres/migrator.js'
import { createPostgresResumeRepository } from '../../src/adapters/postgres/resume.repository.js'
import { createPostgresUserRepository } from '../../src/adapters/postgres/user.repository.js'
import { loadConfig } from '../../src/config/config.js'
import { migratedPglite } from '../helpers/pglite.js'
import { createPostgresDatabase, POSTGRES_URL } from '../helpers/postgres.js'
import { aUser } from './accounts.contract.js'
import { resumeRepositoryContract } from './resume.contract.js'

function onDatabase(database: Database) {
  const users = createPostgresUserRepository(database.db)
  return {
    resumes: createPostgresResumeRepository(database.db),
    jobs: createPostgresJobRepository(database.db),
    newOwner: async () => (await users.create(aUser())).id,
  }
}

resumeRepositoryContract('memory', async () => {
  const ledger = new MemoryStorageLedger()
  return {
    resumes: createMemoryResumeRepository(ledger),
    jobs: createMemoryJobRepository(ledger),
    newOwner: async () => randomUUID(),
  }
})

resumeRepositoryContract('PGlite', async () => {
  const database = await migratedPglite()
  onTestFinished(() => database.close())
  return onDatabase(database)
})

describe.skipIf(!POSTGRES_URL)('on PostgreSQL', () => {
  resumeRepositoryContract('Postgres', async () => {
    const target = await createPostgresDatabase()
    const database = await openDatabase(loadConfig({ DATABASE_URL: target.url }))
    await migrateToLatest(database.db)
    onTestFinished(async () => {
      await database.close()
      await target.drop()
    })
    return onDatabase(database)
  })
})
