import { describe, expect, it } from 'vitest'
import { validateHealthJson } from '../helpers/health-schema.js'
import { freePort, HAS_REDIS_SERVER, startThrowawayRedis } from '../helpers/redis-server.js'
import { problemOf, startTestServer } from '../helpers/server.js'

describe('health when a dependency is down', () => {
  it.skipIf(!HAS_REDIS_SERVER)(
    'Redis stopped: detailed fails with 503, ready 503, live 200',
    async () => {
      const redis = await startThrowawayRedis()
      // REDIS_URL puts the task queue on BullMQ and the rate limits and cache on Redis.
      const { app, server } = await startTestServer({ REDIS_URL: redis.url })
      const before = await server.inject({ method: 'GET', url: '/api/health/detailed' })
      expect(before.statusCode).toBe(200)
      expect(before.json().checks['redis:responseTime'][0].status).toBe('pass')

      await redis.stop()

      const detailed = await server.inject({ method: 'GET', url: '/api/health/detailed' })
      expect(detailed.statusCode).toBe(503)
      expect(detailed.headers['content-type']).toMatch(/^application\/health\+json/)
      const body = detailed.json()
      expect(validateHealthJson(body)).toEqual([])
      expect(body.status).toBe('fail')
      expect(body.checks['redis:responseTime'][0].status).toBe('fail')
      expect(body.checks['database:responseTime'][0].status).toBe('pass')
      problemOf(await server.inject({ method: 'GET', url: '/api/health/ready' }), 503, 'SERVICE_UNAVAILABLE')
      const summary = await server.inject({ method: 'GET', url: '/api/health' })
      expect(summary.statusCode).toBe(503)
      expect(summary.json().checks.redis).toBe('disconnected')
      expect((await server.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200)

      // Shutting down does not wait for the stopped Redis (BullMQ's commands never give up on their own).
      const closing = performance.now()
      await server.close()
      await app.close()
      expect(performance.now() - closing).toBeLessThan(2_000)
    },
    90_000,
  )

  it('Postgres unreachable: detailed fails with 503, ready 503, live 200', async () => {
    // A pool pointed at a loopback port nobody listens on: every connection is refused, as with a stopped server.
    const closedPort = await freePort()
    const { server } = await startTestServer({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/roleready`,
      AUTO_MIGRATE: 'false',
      DATABASE_CONNECTION_TIMEOUT_MS: '1000',
    })
    const detailed = await server.inject({ method: 'GET', url: '/api/health/detailed' })
    expect(detailed.statusCode).toBe(503)
    const body = detailed.json()
    expect(validateHealthJson(body)).toEqual([])
    expect(body.status).toBe('fail')
    expect(body.checks['database:responseTime'][0]).toMatchObject({ componentId: 'postgres', status: 'fail' })
    const ready = problemOf(
      await server.inject({ method: 'GET', url: '/api/health/ready' }),
      503,
      'SERVICE_UNAVAILABLE',
    )
    expect(ready.detail).toContain('database unreachable')
    const summary = await server.inject({ method: 'GET', url: '/api/health' })
    expect(summary.statusCode).toBe(503)
    expect(summary.json()).toMatchObject({ status: 'error', checks: { database: 'disconnected' } })
    expect((await server.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200)
  }, 90_000)
})
