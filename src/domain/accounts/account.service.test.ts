import { describe, expect, it } from 'vitest'
import { codeOf, movableClock, recordingBus, testLoginGuard } from '../../../test/helpers/domain.js'
import { commonPasswords } from '../../adapters/crypto/common-passwords.js'
import { createScryptHasher } from '../../adapters/crypto/scrypt-hasher.js'
import { sessionTokens } from '../../adapters/crypto/session-tokens.js'
import { createMemorySessionStore } from '../../adapters/memory/session.store.js'
import { createMemoryUserRepository } from '../../adapters/memory/user.repository.js'
import { DomainError } from '../errors.js'
import { createAccountService } from './account.service.js'

const client = { ip: '192.0.2.10' }

function setup() {
  const { clock, advance } = movableClock()
  const { bus, events } = recordingBus()
  let id = 0
  // Counts password checks: the brute-force limits bound how many happen, not only how many answers say so.
  const scrypt = createScryptHasher(10)
  let verified = 0
  const hasher = {
    ...scrypt,
    verify: (password: string, hash: string) => {
      verified += 1
      return scrypt.verify(password, hash)
    },
  }
  const accounts = createAccountService({
    users: createMemoryUserRepository(),
    sessions: createMemorySessionStore(clock),
    hasher,
    tokens: sessionTokens,
    passwords: commonPasswords,
    guard: testLoginGuard(),
    clock,
    ids: { uuid: () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}` },
    events: bus,
    sessionTtlSeconds: 3600,
    sessionIdleSeconds: 1800,
  })
  return {
    accounts,
    events,
    verified: () => verified,
    advance,
  }
}

describe('account service', () => {
  it('registers with a default display name and the free tier, then authenticates the token', async () => {
    const { accounts } = setup()
    const signedIn = await accounts.register({ email: ' Lin@Example.com ', password: 'long enough' }, client)
    expect(signedIn.user).toMatchObject({ email: 'Lin@Example.com', displayName: 'Lin', tier: 'free', role: 'user' })
    expect(signedIn.expiresAt.toISOString()).toBe('2026-11-01T10:00:00.000Z')
    expect((await accounts.authenticate(signedIn.token)).user.id).toBe(signedIn.user.id)
  })

  it('refuses common passwords and the email as password', async () => {
    const { accounts } = setup()
    expect(await codeOf(accounts.register({ email: 'a@b.co', password: 'Password1' }, client))).toBe('WEAK_PASSWORD')
    expect(await codeOf(accounts.register({ email: 'a@b.co', password: 'iloveyou' }, client))).toBe('WEAK_PASSWORD')
    expect(await codeOf(accounts.register({ email: 'sam.smith@b.co', password: 'sam.smith' }, client))).toBe(
      'WEAK_PASSWORD',
    )
  })

  it('ends a session left unused past the idle timeout, and keeps an active one alive', async () => {
    const { accounts, advance } = setup()
    const active = await accounts.register({ email: 'lin@example.com', password: 'long enough' }, client)
    const idle = await accounts.login({ email: 'lin@example.com', password: 'long enough' }, client)
    for (let i = 0; i < 3; i++) {
      advance(15 * 60_000)
      await accounts.authenticate(active.token)
    }
    expect(await codeOf(accounts.authenticate(active.token))).toBeUndefined()
    expect(await codeOf(accounts.authenticate(idle.token))).toBe('UNAUTHENTICATED')
  })

  it('rotates the token on sign-in: the token held before is revoked', async () => {
    const { accounts } = setup()
    const first = await accounts.register({ email: 'lin@example.com', password: 'long enough' }, client)
    const second = await accounts.login(
      { email: 'lin@example.com', password: 'long enough' },
      { ...client, previousToken: first.token },
    )
    expect(await codeOf(accounts.authenticate(first.token))).toBe('UNAUTHENTICATED')
    expect(await codeOf(accounts.authenticate(second.token))).toBeUndefined()
  })

  it('changes the password only with the current one, ending every session but a fresh one', async () => {
    const { accounts } = setup()
    const phone = await accounts.register({ email: 'lin@example.com', password: 'long enough' }, client)
    const laptop = await accounts.login({ email: 'lin@example.com', password: 'long enough' }, client)
    const auth = await accounts.authenticate(laptop.token)
    expect(
      await codeOf(
        accounts.changePassword(auth, { currentPassword: 'wrong guess', newPassword: 'brand new secret' }, client),
      ),
    ).toBe('CURRENT_PASSWORD_INCORRECT')
    expect(
      await codeOf(accounts.changePassword(auth, { currentPassword: 'long enough', newPassword: 'password' }, client)),
    ).toBe('WEAK_PASSWORD')
    const fresh = await accounts.changePassword(
      auth,
      { currentPassword: 'long enough', newPassword: 'brand new secret' },
      client,
    )
    expect(await codeOf(accounts.authenticate(phone.token))).toBe('UNAUTHENTICATED')
    expect(await codeOf(accounts.authenticate(laptop.token))).toBe('UNAUTHENTICATED')
    expect(await codeOf(accounts.authenticate(fresh.token))).toBeUndefined()
    expect(await codeOf(accounts.login({ email: 'lin@example.com', password: 'long enough' }, client))).toBe(
      'INVALID_CREDENTIALS',
    )
    expect((await accounts.login({ email: 'lin@example.com', password: 'brand new secret' }, client)).user.id).toBe(
      auth.user.id,
    )
  })

  it('blocks an account after repeated failures, even for the right password, and says when to retry', async () => {
    const { accounts } = setup()
    await accounts.register({ email: 'lin@example.com', password: 'long enough' }, client)
    for (let i = 0; i < 5; i++) {
      expect(await codeOf(accounts.login({ email: 'lin@example.com', password: `guess ${i}!` }, client))).toBe(
        'INVALID_CREDENTIALS',
      )
    }
    const error = await accounts.login({ email: 'lin@example.com', password: 'long enough' }, client).catch((e) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect(error.code).toBe('RATE_LIMITED')
    expect(error.extra.retryAfterSeconds).toBeGreaterThan(590)
    expect(error.extra.policies).toEqual(['login-account'])
  })

  it('does not count successful sign-ins against the allowance, and does not forget failures on one', async () => {
    const { accounts } = setup()
    await accounts.register({ email: 'lin@example.com', password: 'long enough' }, client)
    const right = () => codeOf(accounts.login({ email: 'lin@example.com', password: 'long enough' }, client))
    const wrong = () => codeOf(accounts.login({ email: 'lin@example.com', password: 'nope nope' }, client))
    for (let i = 0; i < 4; i++) expect(await wrong()).toBe('INVALID_CREDENTIALS')
    for (let i = 0; i < 6; i++) expect(await right()).toBeUndefined()
    // A success gives back its own point only: the fifth failure is the last password checked.
    expect(await wrong()).toBe('INVALID_CREDENTIALS')
    expect(await right()).toBe('RATE_LIMITED')
  })

  it('checks at most the allowance of passwords in a burst of concurrent sign-ins', async () => {
    const { accounts, verified } = setup()
    await accounts.register({ email: 'lin@example.com', password: 'long enough' }, client)
    const burst = Array.from({ length: 30 }, (_, i) => `guess number ${i}`)
    const codes = await Promise.all(
      [...burst, 'long enough'].map((password) =>
        codeOf(accounts.login({ email: 'lin@example.com', password }, client)),
      ),
    )
    expect(verified()).toBe(5)
    expect(codes.filter((code) => code === 'INVALID_CREDENTIALS')).toHaveLength(5)
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(26)
    expect(codes.at(-1)).toBe('RATE_LIMITED')
  })

  it('changes the email only with the current password, counted like a sign-in', async () => {
    const { accounts } = setup()
    const signedIn = await accounts.register({ email: 'lin@example.com', password: 'long enough' }, client)
    const auth = await accounts.authenticate(signedIn.token)
    const error = await accounts.updateProfile(auth, { email: 'new@example.com' }, client).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/body/currentPassword' }] })
    for (let i = 0; i < 5; i++) {
      expect(
        await codeOf(
          accounts.updateProfile(auth, { email: 'new@example.com', currentPassword: `guess ${i}!` }, client),
        ),
      ).toBe('CURRENT_PASSWORD_INCORRECT')
    }
    expect(
      await codeOf(accounts.updateProfile(auth, { email: 'new@example.com', currentPassword: 'long enough' }, client)),
    ).toBe('RATE_LIMITED')
    expect(await codeOf(accounts.login({ email: 'lin@example.com', password: 'long enough' }, client))).toBe(
      'RATE_LIMITED',
    )
    expect((await accounts.authenticate(signedIn.token)).user.email).toBe('lin@example.com')
  })

  it('ends every other session when the email changes, keeping the caller signed in', async () => {
    const { accounts, events } = setup()
    const laptop = await accounts.register({ email: 'lin@example.com', password: 'long enough' }, client)
    const phone = await accounts.login({ email: 'lin@example.com', password: 'long enough' }, client)
    const auth = await accounts.authenticate(laptop.token)
    const changed = await accounts.updateProfile(
      auth,
      { email: 'lin.new@example.com', currentPassword: 'long enough' },
      client,
    )
    expect(changed.email).toBe('lin.new@example.com')
    expect(await codeOf(accounts.authenticate(phone.token))).toBe('UNAUTHENTICATED')
    expect((await accounts.authenticate(laptop.token)).user.email).toBe('lin.new@example.com')
    expect(events.at(-1)).toEqual({ name: 'USER_UPDATED', userId: auth.user.id })
    // A display-name change alone needs no password and ends no session.
    const again = await accounts.login({ email: 'lin.new@example.com', password: 'long enough' }, client)
    await accounts.updateProfile(auth, { displayName: 'Lin N.' }, client)
    expect(await codeOf(accounts.authenticate(again.token))).toBeUndefined()
  })

  it('refuses passwords outside the length bounds', async () => {
    const { accounts } = setup()
    expect(await codeOf(accounts.register({ email: 'a@b.co', password: 'short' }, client))).toBe('WEAK_PASSWORD')
    expect(await codeOf(accounts.register({ email: 'a@b.co', password: 'x'.repeat(257) }, client))).toBe(
      'WEAK_PASSWORD',
    )
  })

  it('gives the same error for an unknown email and a wrong password', async () => {
    const { accounts } = setup()
    await accounts.register({ email: 'lin@example.com', password: 'long enough' }, client)
    expect(await codeOf(accounts.login({ email: 'LIN@example.com', password: 'wrong one!' }, client))).toBe(
      'INVALID_CREDENTIALS',
    )
    expect(await codeOf(accounts.login({ email: 'who@example.com', password: 'long enough' }, client))).toBe(
      'INVALID_CREDENTIALS',
    )
    expect((await accounts.login({ email: 'LIN@example.com', password: 'long enough' }, client)).user.email).toBe(
      'lin@example.com',
    )
  })

  it('stops accepting a session once it expires or is logged out', async () => {
    const { accounts, advance } = setup()
    const first = await accounts.register({ email: 'lin@example.com', password: 'long enough' }, client)
    const second = await accounts.login({ email: 'lin@example.com', password: 'long enough' }, client)
    await accounts.logout(second.token)
    expect(await codeOf(accounts.authenticate(second.token))).toBe('UNAUTHENTICATED')
    expect(await codeOf(accounts.authenticate(first.token))).toBeUndefined()
    advance(3600_000)
    expect(await codeOf(accounts.authenticate(first.token))).toBe('UNAUTHENTICATED')
  })

  it('emits USER_UPDATED when the profile or settings change', async () => {
    const { accounts, events } = setup()
    const signedIn = await accounts.register({ email: 'lin@example.com', password: 'long enough' }, client)
    const { user } = signedIn
    await accounts.updateProfile(await accounts.authenticate(signedIn.token), { displayName: 'Lin' }, client)
    await accounts.saveSettings(user.id, { ...(await accounts.getSettings(user.id)), theme: 'dark' })
    expect(events).toEqual([
      { name: 'USER_UPDATED', userId: user.id },
      { name: 'USER_UPDATED', userId: user.id },
    ])
    expect((await accounts.getSettings(user.id)).theme).toBe('dark')
  })
})
