import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { describe, onTestFinished } from 'vitest'
import { createMemorySessionStore } from '../../src/adapters/memory/session.store.js'
import { createMemoryUserRepository } from '../../src/adapters/memory/user.repository.js'
import { openDatabase } from '../../src/adapters/postgres/database.js'
import { migrateToLatest } from '../../src/adapters/postgres/migrator.js'
import { createPostgresSessionStore } from '../../src/adapters/postgres/session.store.js'
import { createPostgresUserRepository } from '../../src/adapters/postgres/user.repository.js'
import { createRedisSessionStore } from '../../src/adapters/redis/session.store.js'
import { loadConfig } from '../../src/config/config.js'
import { migratedPglite } from '../helpers/pglite.js'
import { createPostgresDatabase, POSTGRES_URL, REDIS_URL } from '../helpers/postgres.js'
import { accountStoreContract } from './accounts.contract.js'

function offsetClock() {
  let offset = 0
  return { now: () => new Date(Date.now() + offset), advance: (ms: number) => (offset += ms) }
}

accountStoreContract('memory', async () => {
  const clock = offsetClock()
  return { users: createMemoryUserRepository(), sessions: createMemorySessionStore(clock), advance: clock.advance }
})

accountStoreContract('PGlite', async () => {
  const clock = offsetClock()
  const database = await migratedPglite()
  onTestFinished(() => database.close())
  return {
    users: createPostgresUserRepository(database.db),
    sessions: createPostgresSessionStore(database.db, clock),
    advance: clock.advance,
  }
})

describe.skipIf(!POSTGRES_URL)('on PostgreSQL', () => {
  accountStoreContract('Postgres', async () => {
    const clock = offsetClock()
    const target = await createPostgresDatabase()
    const database = await openDatabase(loadConfig({ DATABASE_URL: target.url }))
    await migrateToLatest(database.db)
    onTestFinished(async () => {
      await database.close()
      await target.drop()
    })
    return {
      users: createPostgresUserRepository(database.db),
      sessions: createPostgresSessionStore(database.db, clock),
      advance: clock.advance,
    }
  })
})

describe.skipIf(!REDIS_URL || !POSTGRES_URL)('on PostgreSQL + Redis sessions', () => {
  accountStoreContract('Postgres users + Redis sessions', async () => {
    const clock = offsetClock()
    const target = await createPostgresDatabase()
    const database = await openDatabase(loadConfig({ DATABASE_URL: target.url }))
    await migrateToLatest(database.db)
    const redis = new Redis(REDIS_URL as string, { keyPrefix: `test:${randomUUID()}:` })
    onTestFinished(async () => {
      redis.disconnect()
      await database.close()
      await target.drop()
    })
    return {
      users: createPostgresUserRepository(database.db),
      sessions: createRedisSessionStore(redis, clock),
      advance: clock.advance,
    }
  })
})
