import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { POSTGRES_URL, REDIS_URL } from '../helpers/postgres.js'
import { setUser } from '../helpers/rate-limits.js'
import { clientOf } from '../helpers/resumes.js'
import { problemOf, registerUser, startTestServer } from '../helpers/server.js'

const LIMITS = { RATE_LIMIT_PER_USER: '100000', RATE_LIMIT_GLOBAL: '1000000' }

async function login(server: FastifyInstance, email: string, password: string): Promise<string> {
  const response = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
  expect(response.statusCode).toBe(200)
  // Sign-in warms the cache off the request path: let those queries finish before any are counted.
  await new Promise((resolve) => setTimeout(resolve, 200))
  return response.json().token
}

/** Reads /api/me with the token until its session is cached, and checks the next read makes no query. */
async function cachedMe(app: App, server: FastifyInstance, token: string): Promise<void> {
  expect((await clientOf(server, token).get('/api/me')).statusCode).toBe(200)
  let queries = 0
  const stop = app.database.observeQueries(() => queries++)
  expect((await clientOf(server, token).get('/api/me')).statusCode).toBe(200)
  stop()
  expect(queries).toBe(0)
}

describe('session cache: a revoked session is refused by the very next request', { timeout: 120_000 }, () => {
  it('logout', async () => {
    const { app, server } = await startTestServer(LIMITS)
    const { token } = await registerUser(server)
    await cachedMe(app, server, token)
    expect((await clientOf(server, token).post('/api/auth/logout')).statusCode).toBe(204)
    problemOf(await clientOf(server, token).get('/api/me'), 401, 'UNAUTHENTICATED')
  })

  it('logout-all ends the cached sessions on other devices', async () => {
    const { app, server } = await startTestServer(LIMITS)
    const user = await registerUser(server)
    const other = await login(server, user.email, user.password)
    await cachedMe(app, server, user.token)
    await cachedMe(app, server, other)
    expect((await clientOf(server, user.token).post('/api/auth/logout-all')).statusCode).toBe(204)
    problemOf(await clientOf(server, other).get('/api/me'), 401, 'UNAUTHENTICATED')
    problemOf(await clientOf(server, user.token).get('/api/me'), 401, 'UNAUTHENTICATED')
  })

  it('password change ends every other cached session; the new token works', async () => {
    const { app, server } = await startTestServer(LIMITS)
    const user = await registerUser(server)
    const other = await login(server, user.email, user.password)
    await cachedMe(app, server, other)
    await cachedMe(app, server, user.token)
    const changed = await clientOf(server, user.token).post('/api/auth/password', {
      currentPassword: user.password,
      newPassword: 'a brand new passphrase',
    })
    expect(changed.statusCode).toBe(200)
    problemOf(await clientOf(server, other).get('/api/me'), 401, 'UNAUTHENTICATED')
    problemOf(await clientOf(server, user.token).get('/api/me'), 401, 'UNAUTHENTICATED')
    expect((await clientOf(server, changed.json().token).get('/api/me')).statusCode).toBe(200)
  })

  it('a role change applies to the next request, both ways', async () => {
    const { app, server } = await startTestServer(LIMITS)
    const { token, userId } = await registerUser(server)
    const client = clientOf(server, token)
    problemOf(await client.get('/api/admin/cache/stats'), 403, 'FORBIDDEN')
    await cachedMe(app, server, token)
    await setUser(app, userId, { role: 'admin' })
    expect((await client.get('/api/admin/cache/stats')).statusCode).toBe(200)
    await setUser(app, userId, { role: 'user' })
    problemOf(await client.get('/api/admin/cache/stats'), 403, 'FORBIDDEN')
  })

  it('a profile change shows in the next request', async () => {
    const { app, server } = await startTestServer(LIMITS)
    const { token } = await registerUser(server, { displayName: 'Before' })
    await cachedMe(app, server, token)
    expect((await clientOf(server, token).patch('/api/me', { displayName: 'After' })).statusCode).toBe(200)
    expect((await clientOf(server, token).get('/api/me')).json()).toMatchObject({ displayName: 'After' })
  })

  it('expiry and idle timeout follow the clock, not the cached copy', async () => {
    let offset = 0
    const clock = { now: () => new Date(Date.now() + offset) }
    const { app, server } = await startTestServer(
      { ...LIMITS, SESSION_TTL_SECONDS: '7200', SESSION_IDLE_TIMEOUT_SECONDS: '3600' },
      { app: { clock } },
    )
    const idle = (await registerUser(server)).token
    const active = (await registerUser(server)).token
    await cachedMe(app, server, idle)
    await cachedMe(app, server, active)
    offset = 3_000_000
    expect((await clientOf(server, active).get('/api/me')).statusCode).toBe(200)
    offset = 3_700_000
    problemOf(await clientOf(server, idle).get('/api/me'), 401, 'UNAUTHENTICATED')
    // Used 50 minutes in: not idle, until its absolute lifetime ends.
    expect((await clientOf(server, active).get('/api/me')).statusCode).toBe(200)
    offset = 7_300_000
    problemOf(await clientOf(server, active).get('/api/me'), 401, 'UNAUTHENTICATED')
  })
})

describe.skipIf(!POSTGRES_URL || !REDIS_URL)(
  'session cache: two instances sharing Postgres and Redis',
  { timeout: 120_000 },
  () => {
    // The drop travels over the cache bus through Redis: allow it a moment, as the resume cache's test does.
    const busDelay = () => new Promise((resolve) => setTimeout(resolve, 100))

    it('a logout through A is refused by B on its next request', async () => {
      const a = await startTestServer(LIMITS)
      const b = await startTestServer(a.env)
      const { token } = await registerUser(a.server)
      await cachedMe(b.app, b.server, token)
      expect((await clientOf(a.server, token).post('/api/auth/logout')).statusCode).toBe(204)
      await busDelay()
      problemOf(await clientOf(b.server, token).get('/api/me'), 401, 'UNAUTHENTICATED')
    })

    it('logout-all and a password change through A are refused by B on its next request', async () => {
      const a = await startTestServer(LIMITS)
      const b = await startTestServer(a.env)
      const user = await registerUser(a.server)
      const other = await login(a.server, user.email, user.password)
      await cachedMe(b.app, b.server, other)
      expect((await clientOf(a.server, user.token).post('/api/auth/logout-all')).statusCode).toBe(204)
      await busDelay()
      problemOf(await clientOf(b.server, other).get('/api/me'), 401, 'UNAUTHENTICATED')

      const again = await login(a.server, user.email, user.password)
      const onB = await login(b.server, user.email, user.password)
      await cachedMe(b.app, b.server, onB)
      const changed = await clientOf(a.server, again).post('/api/auth/password', {
        currentPassword: user.password,
        newPassword: 'a brand new passphrase',
      })
      expect(changed.statusCode).toBe(200)
      await busDelay()
      problemOf(await clientOf(b.server, onB).get('/api/me'), 401, 'UNAUTHENTICATED')
    })
  },
)
