import { describe, expect, it } from 'vitest'
import { counterValue, countStatuses, limitedRoutes, rateLimitFields, setUser } from '../helpers/rate-limits.js'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

// Memory limiter on purpose (REDIS_URL cleared); rate-limit-redis.test.ts covers Redis and several instances. The
// per-user limit is set to 60 so the counts below stay small (the default is 180).
const MEMORY = { REDIS_URL: '', RATE_LIMIT_PER_USER: '60' }

describe('rate limits on the in-memory limiter', () => {
  it('lets exactly 60 of 200 concurrent requests by one free user through and refuses 140 with 429', async () => {
    const { app, server } = await startTestServer(MEMORY)
    const user = await registerUser(server)

    const responses = await Promise.all(
      Array.from({ length: 200 }, () => server.inject({ method: 'GET', url: '/api/me', headers: bearer(user.token) })),
    )

    expect(countStatuses(responses)).toEqual({ 200: 60, 429: 140 })
    for (const response of responses.filter((r) => r.statusCode === 429)) {
      const body = problemOf(response, 429, 'RATE_LIMITED')
      expect(body.policies).toEqual(['user'])
      expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    }
    expect(await counterValue(app, 'rate_limit_rejections_total', { policy: 'user' })).toBe(140)
    const scrape = await server.inject({ method: 'GET', url: '/metrics' })
    expect(scrape.body).toContain('rate_limit_rejections_total{policy="user"} 140')
  })

  it('sends RateLimit-Policy and RateLimit as structured fields for every policy that applied', async () => {
    const { server } = await startTestServer(MEMORY)
    const user = await registerUser(server)

    const first = await server.inject({ method: 'GET', url: '/api/me', headers: bearer(user.token) })
    const second = await server.inject({ method: 'GET', url: '/api/me', headers: bearer(user.token) })

    const fields = rateLimitFields(second)
    expect([...fields.keys()]).toEqual(['global', 'user'])
    expect(fields.get('global')).toMatchObject({ q: 10_000, w: 60 })
    const userFields = fields.get('user')
    expect(userFields).toMatchObject({ q: 60, w: 60, r: 58 })
    expect(userFields?.t).toBeGreaterThanOrEqual(1)
    expect(userFields?.t).toBeLessThanOrEqual(60)
    expect(rateLimitFields(first).get('user')?.r).toBe(59)
  })

  it('gives a Retry-After that is never earlier than the end of the window', async () => {
    const { server } = await startTestServer({ ...MEMORY, RATE_LIMIT_WINDOW_SECONDS: '2', RATE_LIMIT_PER_USER: '3' })
    const user = await registerUser(server)
    const me = () => server.inject({ method: 'GET', url: '/api/me', headers: bearer(user.token) })

    const first = await me()
    // The window opened while the first request was served, so it ends no later than 2 s after its answer.
    const windowEndsBy = Date.now() + 2_000
    expect(first.statusCode).toBe(200)
    await me()
    await me()
    const refused = await me()
    const refusedAt = Date.now()

    const body = problemOf(refused, 429, 'RATE_LIMITED')
    const retryAfter = Number(refused.headers['retry-after'])
    expect(Number.isInteger(retryAfter)).toBe(true)
    expect(refusedAt + retryAfter * 1000).toBeGreaterThanOrEqual(windowEndsBy - 2_000 + 2_000 - 50)
    expect(body).toMatchObject({ policies: ['user'], retryAfterSeconds: retryAfter })
    expect(Date.parse(String(body.retryAt))).toBeGreaterThanOrEqual(refusedAt + retryAfter * 1000 - 1_000)
    expect(rateLimitFields(refused).get('user')).toMatchObject({ q: 3, w: 2, r: 0, t: retryAfter })

    // Waiting exactly Retry-After is enough: the window has ended by then.
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000))
    expect((await me()).statusCode).toBe(200)
  })
})

describe('route policies and tiers', () => {
  const fire = async (
    server: Awaited<ReturnType<typeof startTestServer>>['server'],
    n: number,
    url: string,
    token: string,
  ) =>
    countStatuses(
      await Promise.all(
        Array.from({ length: n }, () =>
          server.inject({ method: url.startsWith('/test/') ? 'POST' : 'GET', url, headers: bearer(token) }),
        ),
      ),
    )

  it('trips the AI, upload and export policies at their own numbers, independently of the per-user policy', async () => {
    const { server } = await startTestServer(MEMORY, { routes: [limitedRoutes] })
    const user = await registerUser(server)

    expect(await fire(server, 12, '/test/ai', user.token)).toEqual({ 200: 10, 429: 2 })
    expect(await fire(server, 7, '/test/upload', user.token)).toEqual({ 200: 5, 429: 2 })
    expect(await fire(server, 11, '/test/export', user.token)).toEqual({ 200: 10, 429: 1 })

    const refused = await server.inject({ method: 'POST', url: '/test/ai', headers: bearer(user.token) })
    expect(problemOf(refused, 429, 'RATE_LIMITED').policies).toEqual(['ai'])
    const fields = rateLimitFields(refused)
    expect([...fields.keys()]).toEqual(['global', 'user', 'ai'])
    expect(fields.get('ai')).toMatchObject({ q: 10, w: 60, r: 0 })
    // 31 requests so far: the per-user policy still has room, so other routes keep working.
    expect(fields.get('user')).toMatchObject({ q: 60, r: 29 })
    const me = await server.inject({ method: 'GET', url: '/api/me', headers: bearer(user.token) })
    expect(me.statusCode).toBe(200)
    expect([...rateLimitFields(me).keys()]).toEqual(['global', 'user'])
  })

  it('puts suggestions, tailoring and the ATS report under the analysis policy, not AI, without an LLM', async () => {
    const { server } = await startTestServer({ ...MEMORY, RATE_LIMIT_ANALYSIS: '10', RATE_LIMIT_AI: '1' })
    const user = await registerUser(server)
    const post = (url: string, payload: Record<string, unknown>) =>
      server.inject({ method: 'POST', url, headers: bearer(user.token), payload })
    const resumeId = (await post('/api/resumes', { title: 'CV', content: { basics: { name: 'Ada' } } })).json().id
    const jobId = (await post('/api/jobs', { description: 'Required: TypeScript.' })).json().id
    const suggestions = await Promise.all(
      Array.from({ length: 8 }, () => post(`/api/resumes/${resumeId}/suggestions`, { jobId })),
    )
    const tailored = await Promise.all(
      Array.from({ length: 3 }, () => post(`/api/resumes/${resumeId}/tailor`, { jobId })),
    )
    expect(countStatuses([...suggestions, ...tailored])).toEqual({ 200: 8, 201: 2, 429: 1 })
    const refused = [...suggestions, ...tailored].find((r) => r.statusCode === 429)
    expect(problemOf(refused as never, 429, 'RATE_LIMITED').policies).toEqual(['analysis'])
    const report = await post(`/api/resumes/${resumeId}/ats-report`, { jobId })
    expect(problemOf(report, 429, 'RATE_LIMITED').policies).toEqual(['analysis'])
    expect([...rateLimitFields(report).keys()]).toEqual(['global', 'user', 'analysis'])
  })

  it('gives a pro user 3× and a premium user 10× the per-user limits', async () => {
    const { app, server } = await startTestServer(MEMORY, { routes: [limitedRoutes] })
    const pro = await registerUser(server)
    const premium = await registerUser(server)
    await setUser(app, pro.userId, { tier: 'pro' })
    await setUser(app, premium.userId, { tier: 'premium' })

    expect(await fire(server, 35, '/test/ai', pro.token)).toEqual({ 200: 30, 429: 5 })
    expect(await fire(server, 20, '/test/upload', pro.token)).toEqual({ 200: 15, 429: 5 })
    expect(await fire(server, 150, '/api/me', pro.token)).toEqual({ 200: 125, 429: 25 }) // 180 − 55 already used

    expect(await fire(server, 110, '/test/ai', premium.token)).toEqual({ 200: 100, 429: 10 })
    expect(await fire(server, 520, '/api/me', premium.token)).toEqual({ 200: 490, 429: 30 }) // 600 − 110

    const status = await server.inject({ method: 'GET', url: '/api/rate-limits', headers: bearer(premium.token) })
    expect(status.json()).toMatchObject({ caller: 'user', tier: 'premium' })
    const limits = Object.fromEntries(
      (status.json().policies as Array<{ name: string; limit: number; source: string }>).map((p) => [p.name, p.limit]),
    )
    expect(limits).toEqual({ global: 10_000, user: 600, analysis: 1200, ai: 100, upload: 50, export: 100 })
  })

  it('counts the global policy over all callers together', async () => {
    const { server } = await startTestServer({ ...MEMORY, RATE_LIMIT_GLOBAL: '100' })
    const [a, b] = [await registerUser(server), await registerUser(server)] // 2 requests of the 100
    const both = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        server.inject({ method: 'GET', url: '/api/me', headers: bearer((i % 2 ? a : b).token) }),
      ),
    )
    expect(countStatuses(both)).toEqual({ 200: 98, 429: 22 })
    const refused = both.find((r) => r.statusCode === 429)
    expect(refused && problemOf(refused, 429, 'RATE_LIMITED').policies).toEqual(['global'])
  })
})

describe('anonymous callers, exemptions and the status route', () => {
  it('keys anonymous callers by client address, trusting X-Forwarded-For only behind a configured proxy', async () => {
    const direct = await startTestServer({ ...MEMORY, RATE_LIMIT_PER_USER: '3' }, { routes: [limitedRoutes] })
    const open = (server: typeof direct.server, remoteAddress: string, forwardedFor?: string) =>
      server.inject({
        method: 'GET',
        url: '/test/open',
        remoteAddress,
        ...(forwardedFor && { headers: { 'x-forwarded-for': forwardedFor } }),
      })

    const fromA = [await open(direct.server, '10.0.0.1'), await open(direct.server, '10.0.0.1', '192.0.2.1')]
    fromA.push(await open(direct.server, '10.0.0.1', '192.0.2.2'), await open(direct.server, '10.0.0.1', '192.0.2.3'))
    // A forged X-Forwarded-For does not buy a fresh allowance when no proxy is trusted.
    expect(fromA.map((r) => r.statusCode)).toEqual([200, 200, 200, 429])
    expect((await open(direct.server, '10.0.0.2')).statusCode).toBe(200)

    const proxied = await startTestServer(
      { ...MEMORY, RATE_LIMIT_PER_USER: '3', TRUST_PROXY: 'true' },
      { routes: [limitedRoutes] },
    )
    const viaProxy = []
    for (let i = 0; i < 4; i++) viaProxy.push((await open(proxied.server, '127.0.0.1', '198.51.100.7')).statusCode)
    expect(viaProxy).toEqual([200, 200, 200, 429])
    // Another client behind the same proxy has its own allowance.
    expect((await open(proxied.server, '127.0.0.1', '198.51.100.8')).statusCode).toBe(200)
  })

  it('never limits health probes or the metrics scrape', async () => {
    const { server } = await startTestServer({ ...MEMORY, RATE_LIMIT_PER_USER: '2', RATE_LIMIT_GLOBAL: '2' })
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        server.inject({ method: 'GET', url: i % 2 ? '/api/health/live' : '/metrics' }),
      ),
    )
    for (const response of responses) {
      expect(response.statusCode).not.toBe(429)
      expect(response.headers.ratelimit).toBeUndefined()
    }
    expect(responses.filter((r) => r.statusCode === 200).length).toBeGreaterThanOrEqual(15)
  })

  it('reports limit, used, remaining and reset of every policy without counting anything', async () => {
    const { server } = await startTestServer({ ...MEMORY, RATE_LIMIT_PER_USER: '5' }, { routes: [limitedRoutes] })
    const user = await registerUser(server)
    await server.inject({ method: 'GET', url: '/api/me', headers: bearer(user.token) })
    await server.inject({ method: 'POST', url: '/test/ai', headers: bearer(user.token) })

    let status = await server.inject({ method: 'GET', url: '/api/rate-limits', headers: bearer(user.token) })
    for (let i = 0; i < 20; i++) {
      status = await server.inject({ method: 'GET', url: '/api/rate-limits', headers: bearer(user.token) })
      expect(status.statusCode).toBe(200)
    }
    expect(status.headers.ratelimit).toBeUndefined()
    const policies = status.json().policies as Array<Record<string, unknown>>
    const byName = Object.fromEntries(policies.map((p) => [p.name, p]))
    expect(byName.user).toMatchObject({ limit: 5, used: 2, remaining: 3, windowSeconds: 60, source: 'default' })
    expect(byName.ai).toMatchObject({ limit: 10, used: 1, remaining: 9 })
    expect(byName.upload).toMatchObject({ limit: 5, used: 0, remaining: 5, reset: 0 })
    expect(byName.global).toMatchObject({ limit: 10_000 })
    expect(byName.user?.reset).toBeGreaterThanOrEqual(1)
    expect(byName.user?.reset).toBeLessThanOrEqual(60)
    // Twenty-one status reads later the user still has the same three requests left.
    const me = await server.inject({ method: 'GET', url: '/api/me', headers: bearer(user.token) })
    expect(rateLimitFields(me).get('user')).toMatchObject({ r: 2 })

    const anonymous = await server.inject({ method: 'GET', url: '/api/rate-limits' })
    expect(anonymous.json()).toMatchObject({ caller: 'anonymous', tier: 'free' })
  })
})
