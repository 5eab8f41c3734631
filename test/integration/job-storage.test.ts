import { randomUUID } from 'node:crypto'
import { beforeAll } from 'vitest'
import { createMemoryJobRepository } from '../../src/adapters/memory/job.repository.js'
import type { Database } from '../../src/adapters/postgres/database.js'
import { createPostgresJobRepository } from '../../src/adapters/postgres/job.repository.js'
import { createPostgresUserRepository } from '../../src/adapters/postgres/user.repository.js'
import { aUser } from '../contract/accounts.contract.js'
import { type JobStores, jobStoreContract } from '../contract/job.contract.js'
import { onEveryDatabase } from '../helpers/databases.js'
import { migratedPglite } from '../helpers/pglite.js'

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

onEveryDatabase((kind, open) => jobStoreContract(kind, async () => storesOn(await open())))
