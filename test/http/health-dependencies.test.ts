import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { createServer, Socket } from 'node:net'
import { describe, expect, it, onTestFinished } from 'vitest'
import { validateHealthJson } from '../helpers/health-schema.js'
import { problemOf, startTestServer } from '../helpers/server.js'

const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

async function waitForPort(port: number, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket()
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
      socket.connect(port, '127.0.0.1')
    })
    if (open) return
    if (Date.now() > until) throw new Error(`nothing listens on ${port}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** A throwaway Redis of this test only, on its own loopback port (the shared one is never touched). */
async function startThrowawayRedis(atPort?: number): Promise<{ url: string; process: ChildProcess }> {
  const port = atPort ?? (await freePort())
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  )
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL')
  })
  await waitForPort(port, 10_000)
  return { url: `redis://127.0.0.1:${port}`, process: child }
}

describe('health when a dependency is down', () => {
  it.skipIf(!hasRedisServer)(
    'Redis stopped: detailed fails with 503, ready 503, live 200',
    async () => {
      const redis = await startThrowawayRedis()
      const { server } = await startTestServer({ REDIS_URL: redis.url })
      const before = await server.inject({ method: 'GET', url: '/api/health/detailed' })
      expect(before.statusCode).toBe(200)
      expect(before.json().checks['redis:responseTime'][0].status).toBe('pass')

      const exited = new Promise((resolve) => redis.process.once('exit', resolve))
      redis.process.kill('SIGKILL')
      await exited

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
