import { PGlite } from '@electric-sql/pglite'
import type { Redis } from 'ioredis'
import { Gauge } from 'prom-client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { wrapPglite } from '../adapters/postgres/database.js'
import { connectRedis } from '../adapters/redis/redis.js'
import { buildApp } from '../app.js'
import { loadConfig } from '../config/config.js'
import { createMetrics } from '../observability/metrics.js'

// The real connectRedis, recorded, so a test can see whether the app closed the connection it opened.
vi.mock('../adapters/redis/redis.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../adapters/redis/redis.js')>()
  return { ...original, connectRedis: vi.fn(original.connectRedis) }
})

const settings = { DATA_DIR: 'memory://', LOG_LEVEL: 'silent', AUTO_MIGRATE: 'false', WORKER_THREADS: '1' }

/**
 * A metrics registry that already holds one of the heavy-work pool's metrics, so opening the pool fails: a step
 * that runs after the database (and Redis) opened.
 */
function metricsThatBreakThePool() {
  const metrics = createMetrics()
  new Gauge({ name: 'worker_pool_threads', help: 'taken', registers: [metrics.registry] })
  return metrics
}

/**
 * An embedded database that has answered a query (Kysely's PGlite driver takes hold of the handle, and so closes
 * it, only from the first query on), with its close() watched.
 */
async function usedDatabase() {
  const pglite = await PGlite.create()
  const database = wrapPglite(pglite)
  await database.ping()
  return { pglite, database, close: vi.spyOn(database, 'close') }
}

function openedRedis(): Redis[] {
  return vi.mocked(connectRedis).mock.results.map((result) => result.value as Redis)
}

afterEach(() => {
  vi.mocked(connectRedis).mockClear()
})

describe('opening the infrastructure', () => {
  it("closes the database when a later step fails, and rethrows that step's error", async () => {
    const { pglite, database, close } = await usedDatabase()
    const failing = buildApp(loadConfig(settings), { database, metrics: metricsThatBreakThePool() })
    await expect(failing).rejects.toThrow(/worker_pool_threads/)
    expect(close).toHaveBeenCalledOnce()
    expect(pglite.closed).toBe(true)
  })

  it('closes Redis too when it was configured', async () => {
    const { pglite, database, close } = await usedDatabase()
    // Nothing listens on port 1: the connection is opened (and retried) but never ready.
    const config = loadConfig({ ...settings, REDIS_URL: 'redis://127.0.0.1:1' })
    await expect(buildApp(config, { database, metrics: metricsThatBreakThePool() })).rejects.toThrow(
      /worker_pool_threads/,
    )
    expect(close).toHaveBeenCalledOnce()
    expect(pglite.closed).toBe(true)
    const [redis] = openedRedis()
    expect(redis).toBeDefined()
    // disconnect() ends the connection once its socket closes.
    await vi.waitFor(() => expect(redis?.status).toBe('end'), { timeout: 2000 })
  })

  it('closes the database on close(), once, however often it is called', async () => {
    const { pglite, database, close } = await usedDatabase()
    const app = await buildApp(loadConfig(settings), { database })
    expect(pglite.closed).toBe(false)
    await Promise.all([app.close(), app.close()])
    expect(close).toHaveBeenCalledOnce()
    expect(pglite.closed).toBe(true)
  })
})
