import { describe, expect, it } from 'vitest'
import { anEmail, bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

describe('accounts over HTTP', () => {
  it('registers, reads /api/me, logs out, and refuses the revoked token', async () => {
    const { server } = await startTestServer()
    const email = anEmail('Ada')
    const registered = await server.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email, password: 'analytical engine', displayName: 'Ada Lovelace' },
    })
    expect(registered.statusCode).toBe(201)
    const { user, token } = registered.json()
    expect(user).toMatchObject({ email, displayName: 'Ada Lovelace', tier: 'free', role: 'user' })
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(registered.json()).not.toHaveProperty('user.passwordHash')
    expect(String(registered.headers['set-cookie'])).toMatch(/rr_session=.*HttpOnly.*SameSite=Lax/i)

    const me = await server.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toEqual(user)

    const logout = await server.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) })
    expect(logout.statusCode).toBe(204)
    problemOf(await server.inject({ method: 'GET', url: '/api/me', headers: bearer(token) }), 401, 'UNAUTHENTICATED')
  })

  it('logs in with the right password and rejects a wrong one or an unknown email alike', async () => {
    const { server } = await startTestServer()
    const { email, password } = await registerUser(server)
    const login = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: email.toUpperCase(), password },
    })
    expect(login.statusCode).toBe(200)
    expect(login.json().user.email).toBe(email)

    const wrong = problemOf(
      await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'not the password' } }),
      401,
      'INVALID_CREDENTIALS',
    )
    const unknown = problemOf(
      await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: anEmail('nobody'), password: 'not the password' },
      }),
      401,
      'INVALID_CREDENTIALS',
    )
    expect(unknown.detail).toBe(wrong.detail)
  })

  it('refuses a duplicate email in any letter case', async () => {
    const { server } = await startTestServer()
    const { email } = await registerUser(server)
    const response = await server.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: `  ${email.toUpperCase()}`.trim(), password: 'another password' },
    })
    const problem = problemOf(response, 409, 'EMAIL_TAKEN')
    expect(problem.errors).toEqual([{ pointer: '/body/email', message: 'is already registered' }])
  })

  it('answers malformed bodies with 400 problems naming each bad field', async () => {
    const { server } = await startTestServer()
    const invalid = problemOf(
      await server.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email: 'not-an-email', password: 'short', admin: true },
      }),
      400,
      'VALIDATION_FAILED',
    )
    const pointers = (invalid.errors as Array<{ pointer: string }>).map((e) => e.pointer).sort()
    expect(pointers).toEqual(['/body/admin', '/body/email', '/body/password'])

    const missing = problemOf(
      await server.inject({ method: 'POST', url: '/api/auth/login', payload: {} }),
      400,
      'VALIDATION_FAILED',
    )
    expect((missing.errors as Array<{ pointer: string }>).map((e) => e.pointer).sort()).toEqual([
      '/body/email',
      '/body/password',
    ])

    problemOf(
      await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"email": ',
      }),
      400,
      'MALFORMED_BODY',
    )
    problemOf(
      await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'text/plain' },
        payload: 'email=a',
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    )
    problemOf(
      await server.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email: anEmail(), password: 'x'.repeat(257) },
      }),
      400,
      'VALIDATION_FAILED',
    )
  })

  it('rejects missing, malformed and unknown tokens with 401', async () => {
    const { server } = await startTestServer()
    problemOf(await server.inject({ method: 'GET', url: '/api/me' }), 401, 'UNAUTHENTICATED')
    problemOf(
      await server.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Basic abc' } }),
      401,
      'UNAUTHENTICATED',
    )
    problemOf(
      await server.inject({ method: 'GET', url: '/api/me', headers: bearer('A'.repeat(43)) }),
      401,
      'UNAUTHENTICATED',
    )
  })

  it('accepts the HttpOnly session cookie in place of the bearer header', async () => {
    const { server } = await startTestServer()
    const { token } = await registerUser(server)
    const me = await server.inject({ method: 'GET', url: '/api/me', cookies: { rr_session: token } })
    expect(me.statusCode).toBe(200)
  })

  it('updates the profile and keeps emails unique', async () => {
    const { server } = await startTestServer()
    const first = await registerUser(server)
    const second = await registerUser(server)
    const renamed = await server.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(first.token),
      payload: { displayName: '  Grace Hopper ' },
    })
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json().displayName).toBe('Grace Hopper')

    problemOf(
      await server.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: bearer(first.token),
        payload: { email: second.email.toUpperCase(), currentPassword: first.password },
      }),
      409,
      'EMAIL_TAKEN',
    )
    problemOf(
      await server.inject({ method: 'PATCH', url: '/api/me', headers: bearer(first.token), payload: {} }),
      400,
      'VALIDATION_FAILED',
    )
  })

  it('returns default settings, replaces them, and validates them', async () => {
    const { server } = await startTestServer()
    const { token } = await registerUser(server)
    const defaults = await server.inject({ method: 'GET', url: '/api/me/settings', headers: bearer(token) })
    expect(defaults.json()).toMatchObject({ locale: 'en-US', pageSize: 'letter', theme: 'system' })

    const next = { ...defaults.json(), pageSize: 'a4', theme: 'dark', locale: 'de-DE' }
    const saved = await server.inject({ method: 'PUT', url: '/api/me/settings', headers: bearer(token), payload: next })
    expect(saved.statusCode).toBe(200)
    const read = await server.inject({ method: 'GET', url: '/api/me/settings', headers: bearer(token) })
    expect(read.json()).toEqual(next)

    const bad = problemOf(
      await server.inject({
        method: 'PUT',
        url: '/api/me/settings',
        headers: bearer(token),
        payload: { ...next, pageSize: 'tabloid' },
      }),
      400,
      'VALIDATION_FAILED',
    )
    expect((bad.errors as Array<{ pointer: string }>)[0]?.pointer).toBe('/body/pageSize')
  })

  it('accepts a session made on one instance on a second instance sharing the same storage', async () => {
    const first = await startTestServer()
    const second = await startTestServer(first.env)
    if (first.app.database.kind === 'pglite') {
      // Two PGlite instances cannot share memory; this case is proven against Postgres (+ Redis) in CI.
      expect(first.env.DATA_DIR).toBe('memory://')
      return
    }
    const { token } = await registerUser(first.server)
    const me = await second.server.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })
    expect(me.statusCode).toBe(200)
    await second.server.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) })
    problemOf(
      await first.server.inject({ method: 'GET', url: '/api/me', headers: bearer(token) }),
      401,
      'UNAUTHENTICATED',
    )
  })
})
