import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/config.js'
import { buildServer } from '../../src/http/server.js'
import { POSTGRES_URL, REDIS_URL } from '../helpers/postgres.js'
import { runTs } from '../helpers/process.js'
import { rateLimitFields, setUser } from '../helpers/rate-limits.js'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

// The per-user limit is set to 60 (the default is 180), so a pro user has 180.
const MEMORY = { REDIS_URL: '', RATE_LIMIT_PER_USER: '60' }
const limitsUrl = (userId: string) => `/api/admin/users/${userId}/rate-limits`

describe('custom rate limits set by an admin', () => {
  it('refuses anyone but an admin, and unknown users and invalid limits', async () => {
    const { app, server } = await startTestServer(MEMORY)
    const admin = await registerUser(server)
    const plain = await registerUser(server)
    await setUser(app, admin.userId, { role: 'admin' })

    problemOf(await server.inject({ method: 'GET', url: limitsUrl(plain.userId) }), 401, 'UNAUTHENTICATED')
    const asUser = { method: 'PUT' as const, url: limitsUrl(plain.userId), headers: bearer(plain.token) }
    problemOf(await server.inject({ ...asUser, payload: { user: 1000 } }), 403, 'FORBIDDEN')
    problemOf(await server.inject({ ...asUser, method: 'GET' }), 403, 'FORBIDDEN')

    const asAdmin = { headers: bearer(admin.token) }
    const unknown = '00000000-0000-4000-8000-000000000000'
    problemOf(await server.inject({ ...asAdmin, method: 'GET', url: limitsUrl(unknown) }), 404, 'USER_NOT_FOUND')
    problemOf(
      await server.inject({ ...asAdmin, method: 'PUT', url: limitsUrl(unknown), payload: { user: 5 } }),
      404,
      'USER_NOT_FOUND',
    )
    for (const payload of [{ user: -1 }, { user: 1.5 }, { global: 5 }, { ai: 'many' }]) {
      const response = await server.inject({ ...asAdmin, method: 'PUT', url: limitsUrl(plain.userId), payload })
      problemOf(response, 400, 'VALIDATION_FAILED')
    }
    problemOf(
      await server.inject({ ...asAdmin, method: 'GET', url: limitsUrl('not-a-uuid') }),
      400,
      'VALIDATION_FAILED',
    )
  })

  it('stores custom limits, applies them at the next request and clears them back to the tier', async () => {
    const { app, server } = await startTestServer(MEMORY)
    const admin = await registerUser(server)
    const target = await registerUser(server)
    await setUser(app, admin.userId, { role: 'admin' })
    await setUser(app, target.userId, { tier: 'pro' })
    const me = () => server.inject({ method: 'GET', url: '/api/me', headers: bearer(target.token) })
    expect(rateLimitFields(await me()).get('user')).toMatchObject({ q: 180, r: 179 })

    const put = await server.inject({
      method: 'PUT',
      url: limitsUrl(target.userId),
      headers: bearer(admin.token),
      payload: { user: 4, analysis: 7, ai: 2 },
    })
    expect(put.statusCode).toBe(200)
    expect(put.json()).toMatchObject({
      userId: target.userId,
      tier: 'pro',
      overrides: { user: 4, analysis: 7, ai: 2 },
      // Policies without a custom limit keep following the tier (pro: 3×).
      limits: { user: 4, analysis: 7, ai: 2, upload: 15, export: 30 },
      windowSeconds: 60,
    })
    expect(Date.parse(put.json().updatedAt)).not.toBeNaN()
    const rows = await app.database.db
      .selectFrom('rate_limit_overrides')
      .select(['policy', 'points', 'updated_by'])
      .where('user_id', '=', target.userId)
      .orderBy('policy')
      .execute()
    expect(rows).toEqual([
      { policy: 'ai', points: 2, updated_by: admin.userId },
      { policy: 'analysis', points: 7, updated_by: admin.userId },
      { policy: 'user', points: 4, updated_by: admin.userId },
    ])

    // The request already made counts: 3 more fit under the custom limit of 4.
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await me()).statusCode)
    expect(statuses).toEqual([200, 200, 200, 429])
    const read = await server.inject({ method: 'GET', url: limitsUrl(target.userId), headers: bearer(admin.token) })
    expect(read.json()).toEqual(put.json())

    const cleared = await server.inject({
      method: 'PUT',
      url: limitsUrl(target.userId),
      headers: bearer(admin.token),
      payload: {},
    })
    expect(cleared.json()).toMatchObject({ overrides: {}, limits: { user: 180, ai: 30 }, updatedAt: null })
    const after = await me()
    expect(after.statusCode).toBe(200)
    expect(rateLimitFields(after).get('user')).toMatchObject({ q: 180, r: 174 })
  })
})

describe('npm run user:role', () => {
  it('stores a role by email, which then opens the admin routes', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'rr-role-'))
    onTestFinished(() => rm(dataDir, { recursive: true, force: true }))
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', PASSWORD_HASH_COST: '10', REDIS_URL: '' }
    const open = async () => {
      const app = await buildApp(loadConfig(env))
      return { app, server: await buildServer(app) }
    }
    let { app, server } = await open()
    const user = await registerUser(server, { email: 'Role.Test@Example.com' })
    problemOf(
      await server.inject({ method: 'GET', url: limitsUrl(user.userId), headers: bearer(user.token) }),
      403,
      'FORBIDDEN',
    )
    await server.close()
    await app.close()

    const granted = await runTs('src/cli/user-role.ts', ['role.test@example.com', 'admin'], { DATA_DIR: dataDir })
    expect(granted.stderr).toBe('')
    expect(granted.stdout).toContain(`(${user.userId}) is now admin`)
    const unknown = await runTs('src/cli/user-role.ts', ['nobody@example.com', 'admin'], { DATA_DIR: dataDir })
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('no user with email nobody@example.com')
    const badRole = await runTs('src/cli/user-role.ts', ['role.test@example.com', 'root'], { DATA_DIR: dataDir })
    expect(badRole.code).toBe(1)

    ;({ app, server } = await open())
    onTestFinished(async () => {
      await server.close()
      await app.close()
    })
    const read = await server.inject({ method: 'GET', url: limitsUrl(user.userId), headers: bearer(user.token) })
    expect(read.statusCode).toBe(200)
    expect(read.json()).toMatchObject({ userId: user.userId, tier: 'free', limits: { user: 180, analysis: 120 } })
  }, 120_000)

  it.skipIf(!POSTGRES_URL || !REDIS_URL)(
    'on PostgreSQL + Redis, a running instance applies the new role on the next request (its cached session is dropped over the bus)',
    async () => {
      const { server, env } = await startTestServer()
      const user = await registerUser(server)
      const read = () => server.inject({ method: 'GET', url: limitsUrl(user.userId), headers: bearer(user.token) })
      // Signed in and cached as a plain user.
      problemOf(await read(), 403, 'FORBIDDEN')
      const keys = ['DATABASE_URL', 'REDIS_URL', 'REDIS_KEY_PREFIX'] as const
      const cliEnv = Object.fromEntries(keys.map((k) => [k, env[k] as string]))
      const granted = await runTs('src/cli/user-role.ts', [user.email, 'admin'], cliEnv)
      expect(granted.stderr).toBe('')
      expect(granted.stdout).toContain('running instances were told over Redis')
      // The bus message takes a moment to arrive; the session cache would otherwise keep the old role for 30 s.
      let status = 403
      for (let waited = 0; waited < 3000 && status !== 200; waited += 100) {
        status = (await read()).statusCode
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect(status).toBe(200)
    },
    120_000,
  )
})
