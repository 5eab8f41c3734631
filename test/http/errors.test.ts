import { describe, expect, it } from 'vitest'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

describe('problem+json errors', () => {
  it('answers unknown routes with 404 ROUTE_NOT_FOUND', async () => {
    const { server } = await startTestServer()
    const problem = problemOf(
      await server.inject({ method: 'GET', url: '/api/nothing-here?x=1' }),
      404,
      'ROUTE_NOT_FOUND',
    )
    expect(problem).toMatchObject({ type: 'urn:roleready:problem:route-not-found', title: 'Not Found', status: 404 })
  })

  it('answers bodies over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const { server } = await startTestServer({ BODY_LIMIT_BYTES: '2048' })
    problemOf(
      await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'a@example.com', password: 'x'.repeat(4000) },
      }),
      413,
      'PAYLOAD_TOO_LARGE',
    )
  })

  it('never shows internals in a 5xx and keeps serving afterwards', async () => {
    const { app, server } = await startTestServer()
    const { token } = await registerUser(server)
    const original = app.services.accounts.getSettings
    app.services.accounts.getSettings = async () => {
      throw new Error('connection to 10.0.0.7 failed: password authentication failed for user "admin"')
    }
    const response = await server.inject({ method: 'GET', url: '/api/me/settings', headers: bearer(token) })
    const problem = problemOf(response, 500, 'INTERNAL_ERROR')
    expect(problem.detail).toBe('An unexpected error occurred.')
    expect(response.body).not.toMatch(/10\.0\.0\.7|password authentication|admin|stack|at /)
    app.services.accounts.getSettings = original
    expect((await server.inject({ method: 'GET', url: '/api/me/settings', headers: bearer(token) })).statusCode).toBe(
      200,
    )
  })

  it('echoes a sane incoming x-request-id in the header and the problem body, and replaces an unsafe one', async () => {
    const { server } = await startTestServer()
    const sane = await server.inject({ method: 'GET', url: '/api/me', headers: { 'x-request-id': 'client-req-0001' } })
    expect(sane.headers['x-request-id']).toBe('client-req-0001')
    expect(problemOf(sane, 401, 'UNAUTHENTICATED').requestId).toBe('client-req-0001')

    const unsafe = await server.inject({
      method: 'GET',
      url: '/api/health/live',
      headers: { 'x-request-id': '<script>alert(1)</script>' },
    })
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('rejects NUL characters anywhere in the input with 400 instead of failing in the database', async () => {
    const { server } = await startTestServer()
    const login = problemOf(
      await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'a\u0000@x.io', password: 'pw' },
      }),
      400,
      'VALIDATION_FAILED',
    )
    expect(login.errors).toEqual([{ pointer: '/body/email', message: 'must not contain NUL characters' }])
    const { token } = await registerUser(server)
    problemOf(
      await server.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: bearer(token),
        payload: { displayName: 'Ada\u0000' },
      }),
      400,
      'VALIDATION_FAILED',
    )
  })
})
