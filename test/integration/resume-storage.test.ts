import { randomUUID } from 'node:crypto'
import { createMemoryJobRepository } from '../../src/adapters/memory/job.repository.js'
import { createMemoryResumeRepository, MemoryStorageLedger } from '../../src/adapters/memory/resume.repository.js'
import type { Database } from '../../src/adapters/postgres/database.js'
import { createPostgresJobRepository } from '../../src/adapters/postgres/job.repository.js'
import { createPostgresResumeRepository } from '../../src/adapters/postgres/resume.repository.js'
import { createPostgresUserRepository } from '../../src/adapters/postgres/user.repository.js'
import { aUser } from '../contract/accounts.contract.js'
import { resumeRepositoryContract } from '../contract/resume.contract.js'
import { onEveryDatabase } from '../helpers/databases.js'

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

onEveryDatabase((kind, open) => resumeRepositoryContract(kind, async () => onDatabase(await open())))
