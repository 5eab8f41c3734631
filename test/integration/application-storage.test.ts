import { randomUUID } from 'node:crypto'
import { beforeAll } from 'vitest'
import { createMemoryApplicationRepository } from '../../src/adapters/memory/application.repository.js'
import { createPostgresApplicationRepository } from '../../src/adapters/postgres/application.repository.js'
import type { Database } from '../../src/adapters/postgres/database.js'
import { createPostgresUserRepository } from '../../src/adapters/postgres/user.repository.js'
import { aUser } from '../contract/accounts.contract.js'
import { type ApplicationStores, applicationStoreContract } from '../contract/application.contract.js'
import { onEveryDatabase } from '../helpers/databases.js'
import { migratedPglite } from '../helpers/pglite.js'

function storesOn(database: Database): ApplicationStores {
  const users = createPostgresUserRepository(database.db)
  return {
    applications: createPostgresApplicationRepository(database.db),
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

applicationStoreContract('memory', async () => ({
  applications: createMemoryApplicationRepository(),
  newOwner: async () => randomUUID(),
}))

onEveryDatabase((kind, open) => applicationStoreContract(kind, async () => storesOn(await open())))
