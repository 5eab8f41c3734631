import type { AddressInfo } from 'node:net'
import { describe, expect, it, onTestFinished } from 'vitest'
import { buildMetricsServer } from '../../src/http/routes/metrics/metrics.server.js'
import { problemOf, registerUser, startTestServer, type TestServer } from '../helpers/server.js'

/** The scrape server of a test app, listening on a free port of 127.0.0.1; closed when the test ends. */
async function listenMetrics({ app }: TestServer): Promise<string> {
  const metrics = await buildMetricsServer(app)
  onTestFinished(() => metrics.close())
  await metrics.listen({ port: app.config.observability.metricsPort ?? 0, host: '127.0.0.1' })
  return `http://127.0.0.1:${(metrics.server.address() as AddressInfo).port}`
}

describe('METRICS_PORT', () => {
  it('serves /metrics on its own port only: the main port answers 404', async () => {
    const test = await startTestServer({ METRICS_PORT: '0' })
    const { server } = test
    await registerUser(server)
    problemOf(await server.inject({ method: 'GET', url: '/metrics' }), 404, 'ROUTE_NOT_FOUND')

    const base = await listenMetrics(test)
    const response = await fetch(`${base}/metrics`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(response.headers.get('cache-control')).toBe('no-store')
    // The app's registry: the request served on the main port is counted there.
    expect(await response.text()).toMatch(
      /http_request_duration_seconds_count\{method="POST",route="\/api\/auth\/register",status_code="201"\} 1/,
    )
    // Nothing else is served on the scrape port.
    for (const path of ['/api/health/live', '/api/me', '/']) {
      const other = await fetch(`${base}${path}`)
      expect(other.status).toBe(404)
      expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    }
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404)
  })

  it('keeps the METRICS_TOKEN check on the scrape port', async () => {
    const test = await startTestServer({ METRICS_PORT: '0', METRICS_TOKEN: 'scrape-secret-0123456789' })
    const base = await listenMetrics(test)
    const refused = await fetch(`${base}/metrics`)
    expect(refused.status).toBe(401)
    expect(((await refused.json()) as { code: string }).code).toBe('UNAUTHENTICATED')
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401)
    const scraped = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer scrape-secret-0123456789' } })
    expect(scraped.status).toBe(200)
    expect(await scraped.text()).toContain('process_cpu_seconds_total')
  })

  it('still serves /metrics on the main port when METRICS_PORT is not set', async () => {
    const { server } = await startTestServer()
    expect((await server.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200)
  })
})
