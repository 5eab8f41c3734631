import { describe, expect, it } from 'vitest'
import { startTestServer } from '../helpers/server.js'

describe('FAULT_INJECTION_5XX_RATE (canary drills)', () => {
  it('answers about that share of API requests with a 503 problem and never touches health probes', async () => {
    const { server } = await startTestServer({ FAULT_INJECTION_5XX_RATE: '0.2', RATE_LIMIT_ENABLED: 'false' })
    let injected = 0
    // A cheap route: signed out, /api/me answers 401 unless the fault comes first.
    const responses = await Promise.all(
      Array.from({ length: 300 }, () => server.inject({ method: 'GET', url: '/api/me' })),
    )
    for (const response of responses) {
      if (response.statusCode === 503) {
        expect(response.headers['content-type']).toContain('application/problem+json')
        expect(response.headers['x-fault-injected']).toBe('1')
        expect(response.json()).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' })
        injected += 1
      } else {
        expect(response.statusCode).toBe(401)
      }
    }
    // 300 draws at p = 0.2: mean 60, standard deviation about 7.
    expect(injected).toBeGreaterThan(35)
    expect(injected).toBeLessThan(85)
    const probes = await Promise.all(
      Array.from({ length: 50 }, () => server.inject({ method: 'GET', url: '/api/health/live' })),
    )
    expect(probes.map((probe) => probe.statusCode)).toEqual(Array(50).fill(200))
  }, 90_000)

  it('is off by default', async () => {
    const { server } = await startTestServer({ RATE_LIMIT_ENABLED: 'false' })
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => server.inject({ method: 'GET', url: '/api/me' })),
    )
    expect(responses.map((response) => response.statusCode)).toEqual(Array(100).fill(401))
  }, 60_000)

  it('refuses a rate outside 0..1', async () => {
    await expect(startTestServer({ FAULT_INJECTION_5XX_RATE: '1.5' })).rejects.toThrow(/FAULT_INJECTION_5XX_RATE/)
  })
})
