import { randomUUID } from 'node:crypto'
import { beforeAll } from 'vitest'
import { createMemoryApiKeyRepository } from '../../src/adapters/memory/api-key.repository.js'
import { createPostgresApiKeyRepository } from '../../src/adapters/postgres/api-key.repository.js'
import type { Database } from '../../src/adapters/postgres/database.js'
import { createPostgresUserRepository } from '../../src/adapters/postgres/user.repository.js'
import { aUser } from '../contract/accounts.contract.js'
import { type ApiKeyStores, apiKeyStoreContract } from '../contract/api-key.contract.js'
import { onEveryDatabase } from '../helpers/databases.js'
import { migratedPglite } from '../helpers/pglite.js'

function storesOn(database: Database): ApiKeyStores {
  const users = createPostgresUserRepository(database.db)
  return {
    keys: createPostgresApiKeyRepository(database.db),
    async newOwner() {
      const user = aUser()
      await users.create(user)
      return user.id
    },
    async deleteOwner(userId) {
      await database.db.deleteFrom('users').where('id', '=', userId).execute()
    },
  }
}

// Build the migrated PGlite snapshot once, under the hook timeout, so no single test pays for initdb.
beforeAll(async () => {
  await (await migratedPglite()).close()
})

apiKeyStoreContract('memory', async () => ({
  keys: createMemoryApiKeyRepository(),
  newOwner: async () => randomUUID(),
}))

onEveryDatabase((kind, open) => apiKeyStoreContract(kind, async () => storesOn(await open())))
