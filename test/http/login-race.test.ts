import { describe, expect, it, vi } from 'vitest'
import { anEmail, bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

// Every password check the servers in this file make, counted at the hasher: the limits must bound the checks
// themselves, not only the answers.
const checks = vi.hoisted(() => ({ count: 0 }))
vi.mock('../../src/adapters/crypto/scrypt-hasher.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/adapters/crypto/scrypt-hasher.js')>()
  return {
    ...original,
    createScryptHasher(log2Cost: number) {
      const hasher = original.createScryptHasher(log2Cost)
      return {
        ...hasher,
        verify(password: string, hash: string) {
          checks.count += 1
          return hasher.verify(password, hash)
        },
      }
    },
  }
})

/** The password checks made while `work` runs. */
async function countChecks<T>(work: () => Promise<T>): Promise<{ result: T; checked: number }> {
  const before = checks.count
  const result = await work()
  return { result, checked: checks.count - before }
}

describe('sign-in limits under concurrency', () => {
  it('checks no more than the per-account allowance in a burst, and refuses the right password past it', async () => {
    // The default allowance (10 per 15 minutes); no slowdown so the burst settles quickly.
    const first = await startTestServer({ LOGIN_SLOWDOWN_MS: '0' })
    const { server } = first
    // On Postgres and Redis the burst is split over two instances sharing the counters; embedded mode has one.
    const shared = first.app.database.kind === 'postgres' && first.app.redis !== undefined
    const second = shared ? (await startTestServer(first.env)).server : server
    const { email, password } = await registerUser(server)
    const attempts = [...Array.from({ length: 30 }, (_, i) => `wrong guess ${i}`), password]
    const { result: responses, checked } = await countChecks(() =>
      Promise.all(
        attempts.map((guess, i) =>
          (i % 2 === 0 ? server : second).inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { email, password: guess },
          }),
        ),
      ),
    )
    expect(checked).toBe(10)
    const statuses = responses.map((response) => response.statusCode)
    expect(statuses.filter((status) => status === 401)).toHaveLength(10)
    expect(statuses.filter((status) => status === 429)).toHaveLength(21)
    const last = responses.at(-1)
    if (!last) throw new Error('no responses')
    expect(problemOf(last, 429, 'RATE_LIMITED').policies).toEqual(['login-account'])
    expect(Number(last.headers['retry-after'])).toBeGreaterThanOrEqual(890)

    const { result: later, checked: checkedLater } = await countChecks(() =>
      server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } }),
    )
    problemOf(later, 429, 'RATE_LIMITED')
    expect(checkedLater).toBe(0)
  }, 60_000)

  it('checks no more than the per-address allowance in a burst over many accounts', async () => {
    const { server } = await startTestServer({ LOGIN_FAILURES_PER_IP_PER_DAY: '5', LOGIN_SLOWDOWN_MS: '0' })
    const { email, password } = await registerUser(server)
    const { result: responses, checked } = await countChecks(() =>
      Promise.all(
        Array.from({ length: 20 }, () =>
          server.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { email: anEmail('unknown'), password: 'not a real password' },
          }),
        ),
      ),
    )
    // Unknown emails are checked against the dummy hash, so they count as checks too.
    expect(checked).toBe(5)
    expect(responses.filter((response) => response.statusCode === 429)).toHaveLength(15)
    const blocked = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
    expect(problemOf(blocked, 429, 'RATE_LIMITED').policies).toEqual(['login-ip'])
    const elsewhere = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress: '198.51.100.8',
    })
    expect(elsewhere.statusCode).toBe(200)
  }, 60_000)

  it('gives a successful sign-in its point back, so signing in often never locks the account', async () => {
    const { server } = await startTestServer({ LOGIN_FAILURES_PER_ACCOUNT: '3', LOGIN_SLOWDOWN_MS: '0' })
    const { email, password } = await registerUser(server)
    for (let i = 0; i < 6; i++) {
      const response = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
      expect(response.statusCode).toBe(200)
    }
  }, 60_000)

  it('checks no more current passwords than the sign-in allowance in a burst of email changes', async () => {
    const { server } = await startTestServer({ LOGIN_FAILURES_PER_ACCOUNT: '4', LOGIN_SLOWDOWN_MS: '0' })
    const { token, email, password } = await registerUser(server)
    const { result: responses, checked } = await countChecks(() =>
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          server.inject({
            method: 'PATCH',
            url: '/api/me',
            headers: bearer(token),
            payload: { email: anEmail('taken-over'), currentPassword: `wrong guess ${i}` },
          }),
        ),
      ),
    )
    expect(checked).toBe(4)
    const statuses = responses.map((response) => response.statusCode)
    expect(statuses.filter((status) => status === 403)).toHaveLength(4)
    expect(statuses.filter((status) => status === 429)).toHaveLength(16)
    // The lockout is the sign-in one: the owner's right password is refused too until it ends.
    problemOf(
      await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } }),
      429,
      'RATE_LIMITED',
    )
  }, 60_000)
})
