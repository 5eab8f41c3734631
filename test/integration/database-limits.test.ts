import pg from 'pg'
import { describe, expect, it, onTestFinished } from 'vitest'
import { POSTGRES_URL } from '../helpers/postgres.js'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

describe.skipIf(!POSTGRES_URL)('database pool limits on PostgreSQL', () => {
  it('fails the 11th checkout after the connection timeout with a 503 instead of hanging', async () => {
    const { app, server } = await startTestServer({ DATABASE_CONNECTION_TIMEOUT_MS: '500' })
    const { token } = await registerUser(server)
    const pool = app.database.pool as pg.Pool
    expect(pool.options.max).toBe(10)
    const held = await Promise.all(Array.from({ length: 10 }, () => pool.connect()))
    onTestFinished(() => {
      for (const client of held) client.release()
    })

    const started = performance.now()
    const response = await server.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })
    const elapsed = performance.now() - started
    problemOf(response, 503, 'DATABASE_UNAVAILABLE')
    expect(response.headers['retry-after']).toBe('1')
    expect(response.body).not.toMatch(/timeout exceeded|pg|stack/i)
    expect(elapsed).toBeGreaterThanOrEqual(450)
    expect(elapsed).toBeLessThan(5_000)

    for (const client of held.splice(0)) client.release()
    expect((await server.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).statusCode).toBe(200)
  })

  it('cancels a statement past the statement timeout and answers 503 DATABASE_TIMEOUT', async () => {
    const { server, env } = await startTestServer({ DATABASE_STATEMENT_TIMEOUT_MS: '300' })
    const { token, userId } = await registerUser(server)
    // Another session holds the user's row lock, so the profile update waits until the timeout cancels it.
    const locker = new pg.Client({ connectionString: env.DATABASE_URL })
    await locker.connect()
    onTestFinished(() => locker.end())
    await locker.query('begin')
    await locker.query('select id from users where id = $1 for update', [userId])

    const started = performance.now()
    const response = await server.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(token),
      payload: { displayName: 'Blocked' },
    })
    problemOf(response, 503, 'DATABASE_TIMEOUT')
    expect(performance.now() - started).toBeLessThan(5_000)
    await locker.query('rollback')

    const me = await server.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })
    expect(me.json().displayName).not.toBe('Blocked')
  })
})
