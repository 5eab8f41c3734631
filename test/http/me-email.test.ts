import { describe, expect, it } from 'vitest'
import type { DomainEvent } from '../../src/domain/events.js'
import { anEmail, bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

describe('PATCH /api/me changing the email', () => {
  it('refuses an email change without the current password, and leaves the email alone', async () => {
    const { server } = await startTestServer()
    const { token, email } = await registerUser(server)
    const problem = problemOf(
      await server.inject({ method: 'PATCH', url: '/api/me', headers: bearer(token), payload: { email: anEmail() } }),
      400,
      'VALIDATION_FAILED',
    )
    expect(problem.errors).toEqual([{ pointer: '/body/currentPassword', message: 'is required to change the email' }])
    expect((await server.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).json().email).toBe(email)
  })

  it('refuses a wrong current password with 403 CURRENT_PASSWORD_INCORRECT', async () => {
    const { server } = await startTestServer()
    const { token, email } = await registerUser(server)
    const problem = problemOf(
      await server.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: bearer(token),
        payload: { email: anEmail(), currentPassword: 'not my password' },
      }),
      403,
      'CURRENT_PASSWORD_INCORRECT',
    )
    expect(problem.errors).toEqual([{ pointer: '/body/currentPassword', message: 'is incorrect' }])
    expect((await server.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).json().email).toBe(email)
  })

  it('counts wrong current passwords against the sign-in lockout', async () => {
    const { server } = await startTestServer({ LOGIN_FAILURES_PER_ACCOUNT: '3', LOGIN_SLOWDOWN_MS: '0' })
    const { token, email, password } = await registerUser(server)
    const change = (currentPassword: string) =>
      server.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: bearer(token),
        payload: { email: anEmail(), currentPassword },
      })
    for (let i = 0; i < 3; i++) problemOf(await change(`guess ${i}!`), 403, 'CURRENT_PASSWORD_INCORRECT')
    const blocked = await change(password)
    expect(problemOf(blocked, 429, 'RATE_LIMITED').policies).toEqual(['login-account'])
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0)
    problemOf(
      await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } }),
      429,
      'RATE_LIMITED',
    )
  })

  it('counts a change to an address already registered, so probing addresses is bounded too', async () => {
    const { server } = await startTestServer({ LOGIN_FAILURES_PER_ACCOUNT: '2', LOGIN_SLOWDOWN_MS: '0' })
    const { token, password } = await registerUser(server)
    const taken = [(await registerUser(server)).email, (await registerUser(server)).email]
    for (const email of taken) {
      problemOf(
        await server.inject({
          method: 'PATCH',
          url: '/api/me',
          headers: bearer(token),
          payload: { email, currentPassword: password },
        }),
        409,
        'EMAIL_TAKEN',
      )
    }
    problemOf(
      await server.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: bearer(token),
        payload: { email: anEmail(), currentPassword: password },
      }),
      429,
      'RATE_LIMITED',
    )
  })

  it('ends every other session of the user, keeps the current one, and announces the change to caches', async () => {
    const { app, server } = await startTestServer()
    const laptop = await registerUser(server)
    const phoneLogin = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: laptop.email, password: laptop.password },
    })
    const phone = phoneLogin.json().token as string
    expect((await server.inject({ method: 'GET', url: '/api/me', headers: bearer(phone) })).statusCode).toBe(200)
    const events: DomainEvent[] = []
    app.services.events.on((event) => {
      events.push(event)
    })

    const newEmail = anEmail('moved')
    const changed = await server.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(laptop.token),
      payload: { email: newEmail, currentPassword: laptop.password },
    })
    expect(changed.statusCode).toBe(200)
    expect(changed.json().email).toBe(newEmail)

    problemOf(await server.inject({ method: 'GET', url: '/api/me', headers: bearer(phone) }), 401, 'UNAUTHENTICATED')
    const me = await server.inject({ method: 'GET', url: '/api/me', headers: bearer(laptop.token) })
    expect(me.statusCode).toBe(200)
    expect(me.json().email).toBe(newEmail)
    // USER_UPDATED is what drops the user's cached profile and settings.
    expect(events).toContainEqual({ name: 'USER_UPDATED', userId: laptop.userId })
    const relogin = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: newEmail, password: laptop.password },
    })
    expect(relogin.statusCode).toBe(200)
  })

  it('changes only the display name without a password, ending no session', async () => {
    const { server } = await startTestServer()
    const first = await registerUser(server)
    const other = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: first.email, password: first.password },
    })
    const renamed = await server.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(first.token),
      payload: { displayName: 'Ada' },
    })
    expect(renamed.json().displayName).toBe('Ada')
    expect(
      (await server.inject({ method: 'GET', url: '/api/me', headers: bearer(other.json().token) })).statusCode,
    ).toBe(200)
  })
})
