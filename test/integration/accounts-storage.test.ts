import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { describe, onTestFinished } from 'vitest'
import { createMemorySessionStore } from '../../src/adapters/memory/session.store.js'
import { createMemoryUserRepository } from '../../src/adapters/memory/user.repository.js'
import { createPostgresSessionStore } from '../../src/adapters/postgres/session.store.js'
import { createPostgresUserRepository } from '../../src/adapters/postgres/user.repository.js'
import { createRedisSessionStore } from '../../src/adapters/redis/session.store.js'
import { accountStoreContract } from '../contract/accounts.contract.js'
import { migratedTestDatabase, onEveryDatabase } from '../helpers/databases.js'
import { POSTGRES_URL, REDIS_URL } from '../helpers/postgres.js'

function offsetClock() {
  let offset = 0
  return { now: () => new Date(Date.now() + offset), advance: (ms: number) => (offset += ms) }
}

accountStoreContract('memory', async () => {
  const clock = offsetClock()
  return { users: createMemoryUserRepository(), sessions: createMemorySessionStore(clock), advance: clock.advance }
})

onEveryDatabase((kind, open) =>
  accountStoreContract(kind, async () => {
    const clock = offsetClock()
    const database = await open()
    return {
      users: createPostgresUserRepository(database.db),
      sessions: createPostgresSessionStore(database.db, clock),
      advance: clock.advance,
    }
  }),
)

describe.skipIf(!REDIS_URL || !POSTGRES_URL)('on PostgreSQL + Redis sessions', () => {
  accountStoreContract('Postgres users + Redis sessions', async () => {
    const clock = offsetClock()
    const database = await migratedTestDatabase('Postgres')
    const redis = new Redis(REDIS_URL as string, { keyPrefix: `test:${randomUUID()}:` })
    onTestFinished(() => redis.disconnect())
    return {
      users: createPostgresUserRepository(database.db),
      sessions: createRedisSessionStore(redis, clock),
      advance: clock.advance,
    }
  })
})
