import { describe, expect, it } from 'vitest'
import { anEmail, problemOf, registerUser, startTestServer } from '../helpers/server.js'

describe('brute-force protection', () => {
  it('blocks an account after consecutive failures across two instances; even the right password gets 429', async () => {
    const first = await startTestServer({ LOGIN_FAILURES_PER_ACCOUNT: '4', LOGIN_SLOWDOWN_MS: '1' })
    const shared = first.app.database.kind === 'postgres' && first.app.redis !== undefined
    // Embedded mode has one process-local limiter: the second "instance" is the same server.
    const second = shared ? await startTestServer(first.env) : first
    const { email, password } = await registerUser(first.server)
    for (let i = 0; i < 4; i++) {
      const server = i % 2 === 0 ? first.server : second.server
      problemOf(
        await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: `wrong ${i}!` } }),
        401,
        'INVALID_CREDENTIALS',
      )
    }
    const blocked = await second.server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
    const problem = problemOf(blocked, 429, 'RATE_LIMITED')
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(890)
    expect(problem.policies).toEqual(['login-account'])
    problemOf(
      await first.server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } }),
      429,
      'RATE_LIMITED',
    )
    // Another account from the same address is unaffected.
    const other = await registerUser(first.server)
    expect(
      (
        await second.server.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: other.email, password: other.password },
        })
      ).statusCode,
    ).toBe(200)
  })

  it('slows failed sign-ins down from the third consecutive failure on, doubling each time', async () => {
    const { server } = await startTestServer({ LOGIN_FAILURES_PER_ACCOUNT: '5', LOGIN_SLOWDOWN_MS: '400' })
    const { email } = await registerUser(server)
    const took: number[] = []
    for (let i = 0; i < 4; i++) {
      const started = performance.now()
      const response = await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: `wrong ${i}!` },
      })
      took.push(performance.now() - started)
      problemOf(response, 401, 'INVALID_CREDENTIALS')
    }
    // Failures 1 and 2 pay only the password check; 3 adds 400 ms and 4 adds 800 ms (margins for a loaded machine).
    const baseline = Math.min(took[0] ?? 0, took[1] ?? 0)
    expect(took[2] ?? 0).toBeGreaterThanOrEqual(baseline + 300)
    expect(took[3] ?? 0).toBeGreaterThanOrEqual(baseline + 700)
  })

  it('blocks an address after too many failures per day, for any account', async () => {
    const { server } = await startTestServer({ LOGIN_FAILURES_PER_IP_PER_DAY: '3', LOGIN_SLOWDOWN_MS: '0' })
    const { email, password } = await registerUser(server)
    for (let i = 0; i < 3; i++) {
      await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: anEmail(), password: 'x'.repeat(9) },
      })
    }
    const response = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
    expect(problemOf(response, 429, 'RATE_LIMITED').policies).toEqual(['login-ip'])
    const elsewhere = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress: '198.51.100.7',
    })
    expect(elsewhere.statusCode).toBe(200)
  })

  it('limits registrations per address', async () => {
    const { server } = await startTestServer({ REGISTRATIONS_PER_IP_PER_HOUR: '2' })
    await registerUser(server)
    await registerUser(server)
    const third = await server.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: anEmail(), password: 'a fine passphrase' },
    })
    expect(problemOf(third, 429, 'RATE_LIMITED').policies).toEqual(['register-ip'])
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(3500)
  })
})
