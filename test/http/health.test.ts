import { describe, expect, it } from 'vitest'
import { validateHealthJson } from '../helpers/health-schema.js'
import { problemOf, startTestServer } from '../helpers/server.js'

describe('health probes', () => {
  it('GET /api/health answers the seed summary quickly', async () => {
    const { server } = await startTestServer()
    const response = await server.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({
      status: 'ok',
      version: '0.1.0',
      checks: { database: 'connected', redis: process.env.REDIS_URL ? 'connected' : 'not configured' },
    })
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp)
    expect(body.uptime).toBeGreaterThan(0)
    expect(body.checks.memory.used).toBeGreaterThan(0)
    expect(body.checks.memory.total).toBeGreaterThan(body.checks.memory.used)
    expect(body.checks.memory.percentage).toBeCloseTo((100 * body.checks.memory.used) / body.checks.memory.total, 0)
  }, 90_000)

  it('GET /api/health/detailed is application/health+json valid against the draft schema', async () => {
    const { app, server } = await startTestServer()
    const response = await server.inject({ method: 'GET', url: '/api/health/detailed' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^application\/health\+json/)
    const body = response.json()
    expect(validateHealthJson(body)).toEqual([])
    expect(body.status).toBe('pass')
    const database = body.checks['database:responseTime'][0]
    expect(database).toMatchObject({ componentId: app.database.kind, status: 'pass', observedUnit: 'ms' })
    expect(database.observedValue).toBeGreaterThanOrEqual(0)
    expect(body.checks['memory:utilization'][0]).toMatchObject({ observedUnit: 'percent', status: 'pass' })
    if (process.env.REDIS_URL) expect(body.checks['redis:responseTime'][0]).toMatchObject({ status: 'pass' })
  })

  it('ready answers 200, then 503 SERVICE_UNAVAILABLE as soon as shutdown begins, while live stays 200', async () => {
    const { app, server } = await startTestServer()
    expect((await server.inject({ method: 'GET', url: '/api/health/ready' })).json()).toEqual({ status: 'ready' })
    app.health.beginShutdown()
    const ready = await server.inject({ method: 'GET', url: '/api/health/ready' })
    expect(problemOf(ready, 503, 'SERVICE_UNAVAILABLE').detail).toContain('shutting down')
    expect(ready.headers['retry-after']).toBeDefined()
    const live = await server.inject({ method: 'GET', url: '/api/health/live' })
    expect(live.statusCode).toBe(200)
    expect(live.json()).toEqual({ status: 'ok' })
  })

  it('sheds load under pressure with 503 problem+json and Retry-After, but never the probes', async () => {
    // A heap ceiling of one byte puts the process under pressure from the first sample on.
    const { server } = await startTestServer({ LOAD_SHED_MAX_HEAP_USED_BYTES: '1', LOAD_SHED_RETRY_AFTER_SECONDS: '7' })
    await new Promise((resolve) => setTimeout(resolve, 1300))
    const shed = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.co', password: 'x' },
    })
    problemOf(shed, 503, 'SERVICE_UNAVAILABLE')
    expect(shed.headers['retry-after']).toBe('7')
    expect((await server.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200)
    expect((await server.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200)
    const metrics = await server.inject({ method: 'GET', url: '/metrics' })
    expect(metrics.body).toMatch(/http_load_shed_total\{reason="heapUsedBytes"\} [1-9]/)
  })
})
