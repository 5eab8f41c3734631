import { describe, expect, it } from 'vitest'
import { fillPath, operationsOf } from '../helpers/openapi.js'
import { problemOf, startTestServer } from '../helpers/server.js'

/** Routes anyone may call. Every other route in the OpenAPI document must refuse a request without a session. */
const PUBLIC = new Set([
  // Guarded by METRICS_TOKEN when one is configured (test/http/metrics tests), open to the scraper otherwise.
  'GET /metrics',
  // Optional session: anonymous callers see the limits kept for their address.
  'GET /api/rate-limits',
  'GET /api/health/live',
  'GET /api/health/ready',
  'GET /api/health',
  'GET /api/health/detailed',
  'POST /api/auth/register',
  'POST /api/auth/login',
  'GET /api/templates',
  'GET /api/templates/{id}',
  'GET /api/templates/{id}/preview',
])

describe('access control over the whole route table', () => {
  it('every operation is either public or marked as needing a session in the OpenAPI document', async () => {
    const { server } = await startTestServer()
    const operations = await operationsOf(server)
    expect(operations.length).toBeGreaterThan(5)
    const unmarked = operations
      .filter((op) => !op.secured && !PUBLIC.has(`${op.method} ${op.path}`))
      .map((op) => `${op.method} ${op.path}`)
    expect(unmarked).toEqual([])
  })

  it('every secured operation answers 401 UNAUTHENTICATED without a session, and with a bogus one', async () => {
    const { server } = await startTestServer({ RATE_LIMIT_PER_USER: '100000' })
    const secured = (await operationsOf(server)).filter((op) => op.secured)
    const fakeIds = { id: '6a1f3c52-93a4-4c55-9d37-2b8f7e7c1d00', n: '1' }
    for (const op of secured) {
      const url = fillPath(op.path, fakeIds)
      for (const headers of [
        {},
        { authorization: `Bearer ${'A'.repeat(43)}` },
        { cookie: 'rr_session=forged-session-token-value' },
      ]) {
        const response = await server.inject({
          method: op.method as 'GET',
          url,
          headers: { ...headers, 'content-type': 'application/json', origin: 'http://localhost' },
          ...(op.hasBody && { payload: '{}' }),
        })
        try {
          problemOf(response, 401, 'UNAUTHENTICATED')
        } catch (error) {
          throw new Error(`${op.method} ${op.path}: ${(error as Error).message}`)
        }
      }
    }
  })
})
