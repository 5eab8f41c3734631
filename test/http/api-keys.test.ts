import { describe, expect, it } from 'vitest'
import { API_KEY_ROUTE_SCOPES } from '../../src/http/plugins/api-key-scopes.js'
import { operationsOf } from '../helpers/openapi.js'
import { clientOf, createResume } from '../helpers/resumes.js'
import { bearer, problemOf, registerUser, startTestServer, type TestServer } from '../helpers/server.js'

type Server = TestServer['server']

async function createKey(
  server: Server,
  token: string,
  body: { name?: string; scopes: string[]; expiresAt?: string },
): Promise<{ id: string; secret: string; hint: string }> {
  const response = await clientOf(server, token).post('/api/api-keys', { name: 'Assistant', ...body })
  if (response.statusCode !== 201) throw new Error(`create key failed: ${response.statusCode} ${response.body}`)
  return response.json()
}

describe('personal API keys', () => {
  it('create → use → scope refused → revoke → 401', async () => {
    const { server } = await startTestServer()
    const { token } = await registerUser(server)
    const session = clientOf(server, token)
    const resumeId = await createResume(session)

    const created = await session.post('/api/api-keys', { name: 'Reader', scopes: ['resumes:read'] })
    expect(created.statusCode).toBe(201)
    expect(created.headers['cache-control']).toBe('no-store')
    const key = created.json()
    expect(key.secret).toMatch(/^rr_live_[A-Za-z0-9_-]{43}$/)
    expect(key).toMatchObject({ name: 'Reader', scopes: ['resumes:read'], hint: key.secret.slice(0, 12) })
    expect(created.headers.location).toBe(`/api/api-keys/${key.id}`)

    const program = clientOf(server, key.secret)
    const read = await program.get(`/api/resumes/${resumeId}`)
    expect(read.statusCode).toBe(200)
    expect(read.json().id).toBe(resumeId)

    const write = await program.post('/api/resumes', { title: 'Not allowed', content: { basics: { name: 'X' } } })
    expect(problemOf(write, 403, 'API_KEY_SCOPE_MISSING').requiredScopes).toEqual(['resumes:write'])

    // A key never manages keys or the account, whatever its scopes.
    problemOf(await program.get('/api/api-keys'), 403, 'API_KEY_NOT_ALLOWED')
    problemOf(await program.put('/api/me/settings', {}), 403, 'API_KEY_NOT_ALLOWED')

    const listed = (await session.get('/api/api-keys')).json()
    expect(listed.items).toHaveLength(1)
    expect(listed.items[0].id).toBe(key.id)
    expect(listed.items[0].lastUsedAt).toEqual(expect.any(String))

    expect((await session.delete(`/api/api-keys/${key.id}`)).statusCode).toBe(204)
    problemOf(await program.get(`/api/resumes/${resumeId}`), 401, 'UNAUTHENTICATED')
    expect((await session.get('/api/api-keys')).json().items).toEqual([])
  })

  it('stops working when it expires', async () => {
    let offset = 0
    const clock = { now: () => new Date(Date.now() + offset) }
    const { server } = await startTestServer({}, { app: { clock } })
    const { token } = await registerUser(server)
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString()
    const key = await createKey(server, token, { scopes: ['jobs'], expiresAt })
    const listed = (await clientOf(server, token).get('/api/api-keys')).json()
    expect(listed.items[0].expiresAt).toBe(expiresAt)

    expect((await clientOf(server, key.secret).get('/api/jobs')).statusCode).toBe(200)
    offset = 3_600_000
    problemOf(await clientOf(server, key.secret).get('/api/jobs'), 401, 'UNAUTHENTICATED')
  })

  it('refuses bad names, scopes and expiries with field errors', async () => {
    const { server } = await startTestServer()
    const { token } = await registerUser(server)
    const session = clientOf(server, token)
    const bad = [
      { name: '', scopes: ['jobs'] },
      { name: 'x'.repeat(101), scopes: ['jobs'] },
      { name: 'a', scopes: ['admin'] },
      { name: 'a', scopes: [] },
      { name: 'a', scopes: ['jobs', 'jobs'] },
      { name: 'a', scopes: ['jobs'], expiresAt: 'tomorrow' },
      { name: 'a', scopes: ['jobs'], extra: true },
    ]
    for (const body of bad) problemOf(await session.post('/api/api-keys', body), 400, 'VALIDATION_FAILED')
    const past = await session.post('/api/api-keys', { name: 'a', scopes: ['jobs'], expiresAt: '2020-01-01T00:00:00Z' })
    expect(problemOf(past, 400, 'VALIDATION_FAILED').errors).toEqual([
      { pointer: '/body/expiresAt', message: 'must be in the future' },
    ])
  })

  it('answers 404 for another user’s key id and leaves that key working', async () => {
    const { server } = await startTestServer()
    const alice = await registerUser(server)
    const bob = await registerUser(server)
    const key = await createKey(server, alice.token, { scopes: ['jobs'] })
    problemOf(await clientOf(server, bob.token).delete(`/api/api-keys/${key.id}`), 404, 'API_KEY_NOT_FOUND')
    expect((await clientOf(server, bob.token).get('/api/api-keys')).json().items).toEqual([])
    expect((await clientOf(server, key.secret).get('/api/jobs')).statusCode).toBe(200)
  })

  it('is revoked when the password changes', async () => {
    const { server } = await startTestServer()
    const user = await registerUser(server)
    const key = await createKey(server, user.token, { scopes: ['jobs'] })
    expect((await clientOf(server, key.secret).get('/api/jobs')).statusCode).toBe(200)
    const changed = await clientOf(server, user.token).post('/api/auth/password', {
      currentPassword: user.password,
      newPassword: 'a brand new passphrase',
    })
    expect(changed.statusCode).toBe(200)
    problemOf(await clientOf(server, key.secret).get('/api/jobs'), 401, 'UNAUTHENTICATED')
    expect((await clientOf(server, changed.json().token).get('/api/api-keys')).json().items).toEqual([])
  })

  it('never takes the cookie path: a key in the session cookie is no session', async () => {
    const { server } = await startTestServer()
    const { token } = await registerUser(server)
    const key = await createKey(server, token, { scopes: ['jobs'] })
    const cookieName = server.config.auth.cookieName
    const response = await server.inject({
      method: 'GET',
      url: '/api/jobs',
      headers: { cookie: `${cookieName}=${key.secret}` },
    })
    problemOf(response, 401, 'UNAUTHENTICATED')
    // With the key as a bearer, a cross-site write is not a CSRF case (browsers do not send the header by themselves).
    const write = await server.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: { ...bearer(key.secret), origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      payload: { description: 'Backend engineer, TypeScript.' },
    })
    expect(write.statusCode).toBe(201)
  })

  it('gives each key its own allowance on its user’s tier', async () => {
    const { server } = await startTestServer({ RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_PER_USER: '4' })
    const { token } = await registerUser(server)
    const first = await createKey(server, token, { scopes: ['jobs'] })
    const second = await createKey(server, token, { scopes: ['jobs'] })
    for (let i = 0; i < 4; i++) expect((await clientOf(server, first.secret).get('/api/jobs')).statusCode).toBe(200)
    const refused = await clientOf(server, first.secret).get('/api/jobs')
    expect(problemOf(refused, 429, 'RATE_LIMITED').policies).toEqual(['user'])
    // The other key and the user's own session still have their allowance.
    expect((await clientOf(server, second.secret).get('/api/jobs')).statusCode).toBe(200)
    expect((await clientOf(server, token).get('/api/jobs')).statusCode).toBe(200)
  })

  it('never shows the secret again: not in logs, metrics or later answers', async () => {
    const { server, logs } = await startTestServer({}, { captureLogs: true })
    const { token } = await registerUser(server)
    const key = await createKey(server, token, { scopes: ['resumes:read'] })
    const secretPart = key.secret.slice('rr_live_'.length)
    const program = clientOf(server, key.secret)
    await program.get('/api/resumes')
    await program.post('/api/resumes', { title: 'refused', content: {} })
    await program.get('/api/api-keys')
    await program.get(`/api/resumes?cursor=${key.secret}`)
    await server.inject({ method: 'GET', url: '/api/resumes', headers: { authorization: `Bearer ${key.secret}x` } })
    await server.inject({ method: 'POST', url: '/mcp', headers: bearer(key.secret), payload: { not: 'json-rpc' } })
    const later = [
      await clientOf(server, token).get('/api/api-keys'),
      await clientOf(server, token).get('/api/me'),
      await server.inject({ method: 'GET', url: '/metrics' }),
    ]
    for (const response of later) expect(response.body).not.toContain(secretPart)
    expect(logs.lines.length).toBeGreaterThan(5)
    expect(logs.text).not.toContain(secretPart)
    // The key's requests are attributed to it by id.
    expect(logs.records().some((line) => line.apiKeyId === key.id)).toBe(true)
  })

  it('states the scopes of every signed-in route a key may use, and keeps the account’s own routes to sessions', async () => {
    const { server } = await startTestServer()
    const secured = (await operationsOf(server))
      .filter((op) => op.secured)
      .map((op) => `${op.method} ${op.path.replaceAll(/\{(\w+)\}/g, ':$1')}`)
    // Every entry names a route that exists.
    for (const route of Object.keys(API_KEY_ROUTE_SCOPES)) expect(secured, route).toContain(route)
    // The routes keys cannot use; a new signed-in route lands here until someone states its scopes.
    expect(secured.filter((route) => API_KEY_ROUTE_SCOPES[route] === undefined).sort()).toEqual(
      [
        'DELETE /api/api-keys/:id',
        // Deleting the account and downloading all of its data need the person, signed in.
        'DELETE /api/me',
        'GET /api/me/export',
        'GET /api/admin/cache/stats',
        'GET /api/admin/users/:id/rate-limits',
        'GET /api/api-keys',
        'GET /api/me/settings',
        'PATCH /api/me',
        'POST /api/admin/cache/invalidate',
        'POST /api/api-keys',
        'POST /api/auth/logout',
        'POST /api/auth/logout-all',
        'POST /api/auth/password',
        'PUT /api/admin/users/:id/rate-limits',
        'PUT /api/me/settings',
      ].sort(),
    )
  })
})
