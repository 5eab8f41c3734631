import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { runWithRequestContext } from '../../src/observability/request-context.js'
import { bearer, registerUser, startTestServer } from '../helpers/server.js'

const secret = (label: string) => `${label}${randomBytes(9).toString('hex')}`

describe('structured logs', () => {
  it('writes JSON lines with service, environment, time, level, requestId, correlationId and userId', async () => {
    const { server, logs } = await startTestServer(
      { APP_ENV: 'staging-7', LOGIN_SLOWDOWN_MS: '0' },
      { captureLogs: true },
    )
    const { token, userId } = await registerUser(server)
    const response = await server.inject({
      method: 'GET',
      url: '/api/me',
      headers: { ...bearer(token), 'x-request-id': 'client-req-abc-0001', 'x-correlation-id': 'corr-0001-xyz' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['x-request-id']).toBe('client-req-abc-0001')
    expect(response.headers['x-correlation-id']).toBe('corr-0001-xyz')

    const line = logs.records().find((r) => r.msg === 'request completed' && r.requestId === 'client-req-abc-0001')
    expect(line).toMatchObject({
      level: 'info',
      service: 'roleready-api',
      environment: 'staging-7',
      requestId: 'client-req-abc-0001',
      correlationId: 'corr-0001-xyz',
      userId,
      method: 'GET',
      route: '/api/me',
      status: 200,
    })
    expect(typeof line?.durationMs).toBe('number')
    expect(new Date(String(line?.time)).toISOString()).toBe(line?.time)
    // Each key once: the request binding and the context mixin never both write it.
    const raw = logs.lines.find((l) => l.includes('client-req-abc-0001') && l.includes('request completed')) ?? ''
    expect(raw.match(/"requestId"/g)).toHaveLength(1)
    expect(raw.match(/"userId"/g)).toHaveLength(1)
  }, 90_000)

  it('honours LOG_LEVEL: at warn the info completion lines are not written', async () => {
    const { server, logs } = await startTestServer({ LOG_LEVEL: 'warn' }, { captureLogs: true })
    await server.inject({ method: 'GET', url: '/api/health/live' })
    expect(logs.records().filter((r) => r.msg === 'request completed')).toHaveLength(0)
  })

  it('logs AI operations with duration, cost and tokens, in the request context, and counts them in metrics', async () => {
    const { app, logs } = await startTestServer({}, { captureLogs: true })
    runWithRequestContext({ requestId: 'ai-req-000001', correlationId: undefined, userId: 'user-42' }, () =>
      app.observability.logAIOperation(
        'job_analysis',
        1234.5,
        0.0031,
        { prompt: 900, completion: 120 },
        {
          model: 'gpt-4o-mini',
        },
      ),
    )
    expect(logs.records().find((r) => r.msg === 'ai operation')).toMatchObject({
      requestId: 'ai-req-000001',
      userId: 'user-42',
      operation: 'job_analysis',
      durationMs: 1234.5,
      costUsd: 0.0031,
      tokens: { prompt: 900, completion: 120, total: 1020 },
      model: 'gpt-4o-mini',
    })
    const text = await app.observability.metrics.render()
    expect(text).toContain('ai_operation_duration_seconds_count{operation="job_analysis"} 1')
    expect(text).toContain('ai_tokens_total{operation="job_analysis",kind="prompt"} 900')
    expect(text).toContain('ai_cost_usd_total{operation="job_analysis"} 0.0031')
  })

  it('never writes planted secrets or resume PII in 1,000 mixed requests, errors included', async () => {
    const { app, server, logs } = await startTestServer(
      {
        LOGIN_SLOWDOWN_MS: '0',
        LOGIN_FAILURES_PER_ACCOUNT: '1000',
        LOGIN_FAILURES_PER_IP_PER_DAY: '100000',
        RATE_LIMIT_ENABLED: 'false',
      },
      { captureLogs: true },
    )
    const plantedEmail = `${secret('planted.')}@example.com`
    const plantedPassword = secret('pw-')
    const { token, userId } = await registerUser(server, { email: plantedEmail, password: plantedPassword })
    const fakeBearer = secret('sk_live_')
    const apiKey = secret('apikey-')
    const cookieSecret = secret('cookie-')
    const queryToken = secret('qtoken-')
    const bodySecret = secret('body-')
    const resumeEmail = `${secret('resume.')}@mail.example.org`
    const resumePhone = `+1 555 ${Math.floor(1000000 + Math.random() * 8999999)}`
    const resume = {
      basics: { name: 'Ada Planted', email: resumeEmail, phone: resumePhone, location: { city: 'Paris' } },
      work: [{ name: 'Acme', summary: `Reach me at ${resumeEmail}` }],
    }
    const secrets = [plantedEmail, plantedPassword, token, fakeBearer, apiKey, cookieSecret, queryToken, bodySecret]
    secrets.push(resumeEmail, resumePhone)

    // A service that logs carelessly and fails with the resume and the request headers attached to the error.
    const original = app.services.accounts.getSettings
    let calls = 0
    app.services.accounts.getSettings = async (...args) => {
      calls += 1
      app.logger.info({ resume, apiKey, user: { email: plantedEmail } }, 'loading settings with resume')
      if (calls % 2 === 0) return original(...args)
      const error = new Error(`settings of ${plantedEmail} failed (Bearer ${token})`) as Error & Record<string, unknown>
      error.resume = resume
      error.headers = { authorization: `Bearer ${token}`, cookie: `rr_session=${cookieSecret}` }
      throw error
    }

    const requestIds: string[] = []
    const statuses = new Map<number, number>()
    for (let i = 0; i < 1000; i++) {
      let response: Awaited<ReturnType<typeof server.inject>>
      switch (i % 8) {
        case 0:
          response = await server.inject({ method: 'GET', url: '/api/health/live', headers: { 'x-api-key': apiKey } })
          break
        case 1:
          response = await server.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { email: plantedEmail, password: `${plantedPassword}-wrong` },
          })
          break
        case 2:
          response = await server.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })
          break
        case 3:
          response = await server.inject({
            method: 'GET',
            url: '/api/me',
            headers: { authorization: `Bearer ${fakeBearer}` },
          })
          break
        case 4:
          response = await server.inject({ method: 'GET', url: '/api/me/settings', headers: bearer(token) })
          break
        case 5:
          response = await server.inject({
            method: 'POST',
            url: '/api/auth/login',
            headers: { 'content-type': 'application/json' },
            payload: `{"email":"${plantedEmail}","password":"${bodySecret}"`,
          })
          break
        case 6:
          response = await server.inject({
            method: 'GET',
            url: `/api/nothing?token=${queryToken}&email=${plantedEmail}`,
          })
          break
        default:
          response = await server.inject({
            method: 'GET',
            url: '/api/me',
            headers: { cookie: `rr_session=${token}; theme=${cookieSecret}` },
          })
      }
      requestIds.push(String(response.headers['x-request-id']))
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1)
    }
    app.services.accounts.getSettings = original

    // A real mix: successes, client errors and server errors.
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 401, 404, 500]))
    const records = logs.records()
    for (const value of secrets) {
      const hit = logs.lines.find((line) => line.includes(value))
      expect(hit, `secret ${value} leaked`).toBeUndefined()
    }

    // Every request has exactly one completion line, carrying the id the client got back.
    const completed = records.filter((r) => r.msg === 'request completed').map((r) => String(r.requestId))
    expect(completed.filter((id) => requestIds.includes(id))).toHaveLength(1000)
    expect(new Set(requestIds).size).toBe(1000)

    // Each 500 is logged once, with stack, request id, user id and route; the careless lines carry the request id.
    const failures = records.filter((r) => r.msg === 'request failed')
    expect(failures).toHaveLength(statuses.get(500) ?? 0)
    for (const failure of failures) {
      expect(failure).toMatchObject({ level: 'error', userId, route: '/api/me/settings', component: 'http' })
      expect(requestIds).toContain(failure.requestId)
      expect(String((failure.err as { stack?: string }).stack)).toContain('observability-logs.test.ts')
      expect((failure.err as { resume: { basics: { name: string; email: string } } }).resume.basics).toMatchObject({
        name: 'Ada Planted',
        email: '[REDACTED]',
      })
    }
    const careless = records.filter((r) => r.msg === 'loading settings with resume')
    expect(careless.length).toBeGreaterThan(100)
    for (const line of careless) expect(requestIds).toContain(line.requestId)

    // The metrics carry route templates, never the raw paths, queries or headers of those requests.
    const scrape = await server.inject({ method: 'GET', url: '/metrics' })
    expect(scrape.statusCode).toBe(200)
    for (const value of secrets) expect(scrape.body.includes(value), `secret ${value} in /metrics`).toBe(false)
    expect(scrape.body).toContain('route="unmatched"')
  }, 120_000)
})
