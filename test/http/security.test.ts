import { describe, expect, it } from 'vitest'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

describe('browser safety', () => {
  it('sends security headers on every response, errors included', async () => {
    const { server } = await startTestServer()
    // '/api/resumes/%ZZ' cannot be decoded: Fastify answers it before routing, without the onRequest hooks.
    const statuses = { '/api/health/live': 200, '/api/me': 401, '/api/nowhere': 404, '/api/resumes/%ZZ': 400 }
    for (const [url, status] of Object.entries(statuses)) {
      const response = await server.inject({ method: 'GET', url })
      expect(response.statusCode).toBe(status)
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['x-frame-options']).toBe('DENY')
      expect(response.headers['referrer-policy']).toBe('no-referrer')
      expect(response.headers['content-security-policy']).toContain("default-src 'none'")
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(response.headers['strict-transport-security']).toBeUndefined()
    }
  })

  it('sends HSTS only when the request came over TLS through a trusted proxy', async () => {
    const { server } = await startTestServer({ TRUST_PROXY: 'true' })
    const tls = await server.inject({
      method: 'GET',
      url: '/api/health/live',
      headers: { 'x-forwarded-proto': 'https' },
    })
    expect(tls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
    const plain = await server.inject({ method: 'GET', url: '/api/health/live' })
    expect(plain.headers['strict-transport-security']).toBeUndefined()
  })

  it('allows no cross-origin callers by default and only the listed ones when configured', async () => {
    const closed = await startTestServer()
    const denied = await closed.server.inject({
      method: 'OPTIONS',
      url: '/api/me',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' },
    })
    expect(denied.headers['access-control-allow-origin']).toBeUndefined()

    const open = await startTestServer({ CORS_ORIGINS: 'https://app.example.com' })
    const allowed = await open.server.inject({
      method: 'OPTIONS',
      url: '/api/me',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'PATCH' },
    })
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com')
    expect(allowed.headers['access-control-allow-credentials']).toBe('true')
    const other = await open.server.inject({
      method: 'OPTIONS',
      url: '/api/me',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'PATCH' },
    })
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('rejects cookie-authenticated writes from foreign or missing origins, and accepts same-origin ones', async () => {
    const { server } = await startTestServer({ CORS_ORIGINS: 'https://app.example.com' })
    const { token } = await registerUser(server)
    const patch = (headers: Record<string, string>) =>
      server.inject({
        method: 'PATCH',
        url: '/api/me',
        cookies: { rr_session: token },
        headers,
        payload: { displayName: 'Changed' },
      })
    problemOf(await patch({}), 403, 'CSRF_REJECTED')
    problemOf(await patch({ origin: 'https://evil.example' }), 403, 'CSRF_REJECTED')
    problemOf(await patch({ origin: 'http://localhost', 'sec-fetch-site': 'cross-site' }), 403, 'CSRF_REJECTED')
    problemOf(await patch({ referer: 'https://evil.example/page' }), 403, 'CSRF_REJECTED')
    expect(
      (await server.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).json().displayName,
    ).not.toBe('Changed')

    expect((await patch({ origin: 'http://localhost' })).statusCode).toBe(200)
    expect((await patch({ origin: 'https://app.example.com' })).statusCode).toBe(200)
    expect((await patch({ referer: 'http://localhost/app/settings' })).statusCode).toBe(200)
    // Bearer tokens are never attached by a browser on its own: no origin needed.
    const viaBearer = await server.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(token),
      payload: { displayName: 'Bearer' },
    })
    expect(viaBearer.statusCode).toBe(200)
  })
})

describe('sessions', () => {
  it('logs out everywhere', async () => {
    const { server } = await startTestServer()
    const { token, email, password } = await registerUser(server)
    const other = (await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })).json()
      .token as string
    expect(
      (await server.inject({ method: 'POST', url: '/api/auth/logout-all', headers: bearer(token) })).statusCode,
    ).toBe(204)
    for (const t of [token, other]) {
      problemOf(await server.inject({ method: 'GET', url: '/api/me', headers: bearer(t) }), 401, 'UNAUTHENTICATED')
    }
  })

  it('rotates the session cookie on login: the old session ends', async () => {
    const { server } = await startTestServer()
    const { token, email, password } = await registerUser(server)
    const login = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      cookies: { rr_session: token },
      payload: { email, password },
    })
    expect(login.statusCode).toBe(200)
    expect(login.json().token).not.toBe(token)
    problemOf(await server.inject({ method: 'GET', url: '/api/me', headers: bearer(token) }), 401, 'UNAUTHENTICATED')
  })

  it('changes the password with the current one and revokes the other sessions', async () => {
    const { server } = await startTestServer()
    const { token, email, password } = await registerUser(server)
    const other = (await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })).json()
      .token as string
    problemOf(
      await server.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: bearer(token),
        payload: { currentPassword: 'not it at all', newPassword: 'a fresh passphrase' },
      }),
      403,
      'CURRENT_PASSWORD_INCORRECT',
    )
    problemOf(
      await server.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: bearer(token),
        payload: { currentPassword: password, newPassword: 'qwertyuiop' },
      }),
      400,
      'WEAK_PASSWORD',
    )
    const changed = await server.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: bearer(token),
      payload: { currentPassword: password, newPassword: 'a fresh passphrase' },
    })
    expect(changed.statusCode).toBe(200)
    const fresh = changed.json().token as string
    for (const t of [token, other]) {
      problemOf(await server.inject({ method: 'GET', url: '/api/me', headers: bearer(t) }), 401, 'UNAUTHENTICATED')
    }
    expect((await server.inject({ method: 'GET', url: '/api/me', headers: bearer(fresh) })).statusCode).toBe(200)
    const relogin = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'a fresh passphrase' },
    })
    expect(relogin.statusCode).toBe(200)
  })

  it('refuses registration with a common password', async () => {
    const { server } = await startTestServer()
    const problem = problemOf(
      await server.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email: 'common@example.com', password: 'password123' },
      }),
      400,
      'WEAK_PASSWORD',
    )
    expect(problem.errors).toEqual([
      { pointer: '/body/password', message: 'is one of the most commonly used passwords' },
    ])
  })
})
