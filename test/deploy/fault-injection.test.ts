import { describe, expect, it } from 'vitest'
import { startTestServer } from '../helpers/server.js'

describe('FAULT_INJECTION_5XX_RATE (canary drills)', () => {
  it('answers about that share of API requests with a 503 problem and never touches health probes', async () => {
    const { server } = await startTestServer({ FAULT_INJECTION_5XX_RATE: '0.2', RATE_LIMIT_ENABLED: 'false' })
    let injected = 0
    for (let i = 0; i < 500; i += 1) {
      const response = await server.inject({ method: 'GET', url: '/api/templates' })
      if (response.statusCode === 503) {
        expect(response.headers['content-type']).toContain('application/problem+json')
        expect(response.headers['x-fault-injected']).toBe('1')
        expect(response.json()).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' })
        injected += 1
      } else {
        expect(response.statusCode).toBe(200)
      }
    }
    // 500 draws at p = 0.2: mean 100, standard deviation about 9.
    expect(injected).toBeGreaterThan(60)
    expect(injected).toBeLessThan(140)
    for (let i = 0; i < 100; i += 1) {
      const live = await server.inject({ method: 'GET', url: '/api/health/live' })
      expect(live.statusCode).toBe(200)
    }
  })

  it('is off by default', async () => {
    const { server } = await startTestServer({ RATE_LIMIT_ENABLED: 'false' })
    for (let i = 0; i < 200; i += 1) {
      expect((await server.inject({ method: 'GET', url: '/api/templates' })).statusCode).toBe(200)
    }
  })

  it('refuses a rate outside 0..1', async () => {
    await expect(startTestServer({ FAULT_INJECTION_5XX_RATE: '1.5' })).rejects.toThrow(/FAULT_INJECTION_5XX_RATE/)
  })
})
