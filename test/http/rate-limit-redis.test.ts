import { Redis } from 'ioredis'
import { pino } from 'pino'
import { describe, expect, it, onTestFinished } from 'vitest'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/config.js'
import { buildServer } from '../../src/http/server.js'
import { migratedPglite } from '../helpers/pglite.js'
import { POSTGRES_URL, REDIS_URL } from '../helpers/postgres.js'
import { counterValue, countStatuses, limitedRoutes, rateLimitFields, setUser } from '../helpers/rate-limits.js'
import { HAS_REDIS_SERVER, startThrowawayRedis } from '../helpers/redis-server.js'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

/** Two instances on the same Postgres database and the same Redis keys (startTestServer gives each test its own prefix). */
async function twoInstances() {
  // A per-user limit of 60 (the default is 180) keeps the counts below small.
  const a = await startTestServer({ RATE_LIMIT_PER_USER: '60' }, { routes: [limitedRoutes] })
  const b = await startTestServer(a.env, { routes: [limitedRoutes] })
  return { a, b }
}

describe.skipIf(!REDIS_URL || !POSTGRES_URL)('rate limits shared through Redis by two instances', () => {
  it('lets exactly 60 of 200 concurrent requests by one free user through across both instances', async () => {
    const { a, b } = await twoInstances()
    const user = await registerUser(a.server)

    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (i % 2 ? a : b).server.inject({ method: 'GET', url: '/api/me', headers: bearer(user.token) }),
      ),
    )

    expect(countStatuses(responses)).toEqual({ 200: 60, 429: 140 })
    const refused = responses.find((r) => r.statusCode === 429)
    expect(refused && problemOf(refused, 429, 'RATE_LIMITED').policies).toEqual(['user'])
  })

  it('counts route policies and tiers across instances', async () => {
    const { a, b } = await twoInstances()
    const free = await registerUser(a.server)
    const pro = await registerUser(b.server)
    await setUser(a.app, pro.userId, { tier: 'pro' })
    const ai = (token: string, i: number) =>
      (i % 2 ? a : b).server.inject({ method: 'POST', url: '/test/ai', headers: bearer(token) })

    expect(countStatuses(await Promise.all(Array.from({ length: 15 }, (_, i) => ai(free.token, i))))).toEqual({
      200: 10,
      429: 5,
    })
    expect(countStatuses(await Promise.all(Array.from({ length: 40 }, (_, i) => ai(pro.token, i))))).toEqual({
      200: 30,
      429: 10,
    })
    // Premium is ×10: 100 of 110 across both instances.
    const premium = await registerUser(a.server)
    await setUser(b.app, premium.userId, { tier: 'premium' })
    expect(countStatuses(await Promise.all(Array.from({ length: 110 }, (_, i) => ai(premium.token, i))))).toEqual({
      200: 100,
      429: 10,
    })
  })

  it('applies a custom limit set on one instance at the next request on both', async () => {
    const { a, b } = await twoInstances()
    const admin = await registerUser(a.server)
    const target = await registerUser(a.server)
    await setUser(a.app, admin.userId, { role: 'admin' })
    const me = (instance: typeof a) =>
      instance.server.inject({ method: 'GET', url: '/api/me', headers: bearer(target.token) })
    // Both instances have read (and cached) the default limit before the change.
    expect(rateLimitFields(await me(a)).get('user')?.q).toBe(60)
    expect(rateLimitFields(await me(b)).get('user')?.q).toBe(60)

    const put = await a.server.inject({
      method: 'PUT',
      url: `/api/admin/users/${target.userId}/rate-limits`,
      headers: bearer(admin.token),
      payload: { user: 5 },
    })
    expect(put.statusCode).toBe(200)

    const onB = await me(b)
    expect(rateLimitFields(onB).get('user')).toMatchObject({ q: 5, r: 2 })
    const onA = await me(a)
    expect(rateLimitFields(onA).get('user')).toMatchObject({ q: 5, r: 1 })
    expect((await me(b)).statusCode).toBe(200)
    problemOf(await me(a), 429, 'RATE_LIMITED')
    problemOf(await me(b), 429, 'RATE_LIMITED')

    // Raising it again on the other instance lets the user through on both at once.
    await b.server.inject({
      method: 'PUT',
      url: `/api/admin/users/${target.userId}/rate-limits`,
      headers: bearer(admin.token),
      payload: { user: 100 },
    })
    expect((await me(a)).statusCode).toBe(200)
    // Counted in Redis: 5 allowed, then a's first refusal; b's refusal came from its in-memory block, uncounted.
    expect(rateLimitFields(await me(b)).get('user')).toMatchObject({ q: 100, r: 92 })
  })

  it('answers a blocked key from memory, without asking Redis, until its window ends', async () => {
    const { a, b } = await twoInstances()
    const user = await registerUser(a.server)
    const me = (instance: typeof a) =>
      instance.server.inject({ method: 'GET', url: '/api/me', headers: bearer(user.token) })
    for (let i = 0; i < 60; i++) expect((await me(a)).statusCode).toBe(200)

    // Wipe the counter in Redis: instance a still refuses from its in-memory block, b (never blocked) asks Redis.
    const redis = new Redis(REDIS_URL as string)
    onTestFinished(async () => {
      await redis.quit()
    })
    expect(await redis.del(`${a.env.REDIS_KEY_PREFIX}rl:user:u:${user.userId}`)).toBe(1)
    problemOf(await me(a), 429, 'RATE_LIMITED')
    expect((await me(b)).statusCode).toBe(200)
  })
})

describe.skipIf(!HAS_REDIS_SERVER)('a Redis outage', () => {
  it('keeps requests flowing under the in-memory insurance limiter, logged and counted, with no 5xx', async () => {
    let redisServer = await startThrowawayRedis()
    const port = redisServer.port
    const lines: string[] = []
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) })
    const config = loadConfig({
      DATA_DIR: 'memory://',
      REDIS_URL: `redis://127.0.0.1:${port}`,
      REDIS_KEY_PREFIX: 'outage:',
      RATE_LIMIT_PER_USER: '30',
      PASSWORD_HASH_COST: '10',
    })
    const app = await buildApp(config, { logger, database: await migratedPglite() })
    const server = await buildServer(app, { routes: [limitedRoutes] })
    onTestFinished(async () => {
      await server.close()
      await app.close()
    })
    const open = () => server.inject({ method: 'GET', url: '/test/open', remoteAddress: '203.0.113.9' })
    // Until the connection is ready the insurance limiter would answer.
    expect(await app.redis?.ping()).toBe('PONG')

    for (let i = 0; i < 10; i++) expect((await open()).statusCode).toBe(200)
    const probe = new Redis({ port })
    expect(await probe.get('outage:rl:user:ip:203.0.113.9')).toBe('10')
    probe.disconnect()
    const fallbacksBefore = await counterValue(app, 'rate_limit_store_fallbacks_total')

    await redisServer.stop()
    const during = []
    for (let i = 0; i < 40; i++) during.push(await open())
    const status = await server.inject({ method: 'GET', url: '/api/rate-limits', remoteAddress: '203.0.113.9' })

    expect(during.filter((r) => r.statusCode >= 500)).toEqual([])
    expect(status.statusCode).toBe(200)
    // The insurance limiter starts its own count: still limited (30 per window), never unlimited.
    expect(countStatuses(during)).toEqual({ 200: 30, 429: 10 })
    expect(await counterValue(app, 'rate_limit_store_fallbacks_total')).toBeGreaterThanOrEqual(fallbacksBefore + 80)
    const logged = lines.map((line) => JSON.parse(line) as { level: number; msg: string })
    expect(logged.filter((l) => l.msg.includes('insurance limiter answers'))).toHaveLength(1)
    expect(logged.find((l) => l.msg.includes('insurance limiter answers'))?.level).toBe(50)

    // Redis comes back (empty): decisions are shared again and that is logged too.
    redisServer = await startThrowawayRedis(port)
    let back = false
    for (let i = 0; i < 100 && !back; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      await open()
      back = lines.some((line) => line.includes('Redis answers again'))
    }
    expect(back).toBe(true)
  }, 120_000)
})
