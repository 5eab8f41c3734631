import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

const promtool = spawnSync('promtool', ['--version'], { encoding: 'utf8' })
const hasPromtool = promtool.status === 0
if (!hasPromtool)
  console.warn('promtool not found (apt-get install prometheus): the promtool check of /metrics is skipped')

describe('GET /metrics', () => {
  it('exposes request durations by route template, database query durations and process metrics', async () => {
    const { server } = await startTestServer()
    const { token } = await registerUser(server)
    await server.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })
    await server.inject({ method: 'GET', url: '/api/health/live' })
    await server.inject({ method: 'GET', url: '/api/no/such/path/12345' })

    const response = await server.inject({ method: 'GET', url: '/metrics' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
    const text = response.body
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/me",status_code="200"\}/,
    )
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="POST",route="\/api\/auth\/register",status_code="201"\} 1/,
    )
    // Unmatched paths share one label value: raw paths never become label values.
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} 1/)
    expect(text).not.toContain('/api/no/such/path')
    expect(text).toMatch(/db_query_duration_seconds_count\{operation="(select|insert)",outcome="ok"\} [1-9]/)
    expect(text).toContain('process_cpu_seconds_total')
    expect(text).toContain('nodejs_eventloop_lag_seconds')
    expect(text).not.toMatch(/^nodejs_active_handles_total/m)
  }, 90_000)

  it.skipIf(!hasPromtool)('passes promtool check metrics', async () => {
    const { app, server } = await startTestServer()
    await registerUser(server)
    // Label every family the features write, so promtool sees each one with samples.
    const { metrics } = app.observability
    metrics.cacheRequests.inc({ namespace: 'RESUME_DATA', result: 'hit' })
    metrics.rateLimitRejections.inc({ policy: 'user' })
    metrics.loadShed.inc({ reason: 'eventLoopDelay' })
    app.observability.logAIOperation('ats_report', 800, 0.002, { prompt: 500, completion: 80 })
    const response = await server.inject({ method: 'GET', url: '/metrics' })
    const check = spawnSync('promtool', ['check', 'metrics'], { input: response.body, encoding: 'utf8' })
    expect(`${check.stdout}${check.stderr}`.trim()).toBe('')
    expect(check.status).toBe(0)
    for (const name of [
      'http_request_duration_seconds',
      'db_query_duration_seconds',
      'ai_operation_duration_seconds',
      'ai_cost_usd_total',
      'ai_tokens_total',
      'cache_requests_total',
      'rate_limit_rejections_total',
    ]) {
      expect(response.body).toContain(`# TYPE ${name.replace(/_total$/, '')}`)
    }
  })

  it('requires the bearer token when METRICS_TOKEN is set', async () => {
    const { server } = await startTestServer({ METRICS_TOKEN: 'scrape-token-0123456789' })
    problemOf(await server.inject({ method: 'GET', url: '/metrics' }), 401, 'UNAUTHENTICATED')
    problemOf(
      await server.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: 'Bearer wrong-token-000000000' },
      }),
      401,
      'UNAUTHENTICATED',
    )
    const allowed = await server.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer scrape-token-0123456789' },
    })
    expect(allowed.statusCode).toBe(200)
    expect(allowed.body).toContain('# TYPE http_request_duration_seconds histogram')
  })
})
