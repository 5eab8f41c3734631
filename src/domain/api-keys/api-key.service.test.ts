import { describe, expect, it } from 'vitest'
import { codeOf, movableClock, recordingBus, testLoginGuard } from '../../../test/helpers/domain.js'
import { apiKeySecrets } from '../../adapters/crypto/api-key-secrets.js'
import { commonPasswords } from '../../adapters/crypto/common-passwords.js'
import { createScryptHasher } from '../../adapters/crypto/scrypt-hasher.js'
import { sessionTokens } from '../../adapters/crypto/session-tokens.js'
import { createMemoryApiKeyRepository } from '../../adapters/memory/api-key.repository.js'
import { createMemorySessionStore } from '../../adapters/memory/session.store.js'
import { createMemoryUserRepository } from '../../adapters/memory/user.repository.js'
import { createAccountService } from '../accounts/account.service.js'
import type { DomainError } from '../errors.js'
import { API_KEY_TOUCH_INTERVAL_MS, createApiKeyService } from './api-key.service.js'
import { API_KEY_SECRET_PATTERN, API_KEYS_PER_USER, missingScopes } from './api-key.types.js'

function setup() {
  let now = new Date('2026-12-07T10:00:00.000Z')
  let n = 0
  const clock = { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) }
  const users = createMemoryUserRepository()
  const keys = createMemoryApiKeyRepository()
  const service = createApiKeyService({
    keys,
    users,
    secrets: apiKeySecrets,
    clock,
    ids: { uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` },
  })
  async function aUser() {
    const id = `10000000-0000-4000-8000-${String(++n).padStart(12, '0')}`
    const at = clock.now()
    await users.create({
      id,
      email: `u${n}@example.com`,
      displayName: 'U',
      tier: 'pro',
      role: 'user',
      createdAt: at,
      updatedAt: at,
      passwordHash: 'x',
    })
    return id
  }
  return { service, keys, clock, aUser }
}

describe('API key service', () => {
  it('creates a key whose secret is shown once and stored only as a hash', async () => {
    const { service, keys, aUser } = setup()
    const userId = await aUser()
    const { key, secret } = await service.create(userId, { name: '  Claude  ', scopes: ['jobs', 'resumes:read'] })
    expect(secret).toMatch(API_KEY_SECRET_PATTERN)
    expect(key).toMatchObject({ userId, name: 'Claude', scopes: ['resumes:read', 'jobs'], hint: secret.slice(0, 12) })
    expect(JSON.stringify(await keys.listForUser(userId))).not.toContain(secret.slice(12))
    expect((await service.authenticate(secret)).key.id).toBe(key.id)
  })

  it('refuses unknown scopes, empty names and expiries in the past or too far ahead', async () => {
    const { service, clock, aUser } = setup()
    const userId = await aUser()
    const pointers = async (input: Parameters<typeof service.create>[1]) => {
      try {
        await service.create(userId, input)
        return []
      } catch (error) {
        return (error as DomainError).errors?.map((e) => e.pointer)
      }
    }
    expect(await pointers({ name: ' ', scopes: ['admin'] })).toEqual(['/body/name', '/body/scopes'])
    expect(await pointers({ name: 'a', scopes: [] })).toEqual(['/body/scopes'])
    expect(await pointers({ name: 'a', scopes: ['jobs'], expiresAt: clock.now() })).toEqual(['/body/expiresAt'])
    const farAhead = new Date(clock.now().getTime() + 3 * 366 * 86_400_000)
    expect(await pointers({ name: 'a', scopes: ['jobs'], expiresAt: farAhead })).toEqual(['/body/expiresAt'])
  })

  it('caps the keys a user may hold', async () => {
    const { service, aUser } = setup()
    const userId = await aUser()
    for (let i = 0; i < API_KEYS_PER_USER; i++) await service.create(userId, { name: `k${i}`, scopes: ['jobs'] })
    expect(await codeOf(service.create(userId, { name: 'one more', scopes: ['jobs'] }))).toBe('API_KEY_LIMIT_REACHED')
  })

  it('stops authenticating a key once it expires', async () => {
    const { service, clock, aUser } = setup()
    const userId = await aUser()
    const expiresAt = new Date(clock.now().getTime() + 3_600_000)
    const { secret } = await service.create(userId, { name: 'short', scopes: ['jobs'], expiresAt })
    expect((await service.authenticate(secret)).user.id).toBe(userId)
    clock.advance(3_600_000)
    expect(await codeOf(service.authenticate(secret))).toBe('UNAUTHENTICATED')
  })

  it('refuses malformed and unknown secrets alike', async () => {
    const { service } = setup()
    expect(await codeOf(service.authenticate('rr_live_short'))).toBe('UNAUTHENTICATED')
    expect(await codeOf(service.authenticate(apiKeySecrets.generate()))).toBe('UNAUTHENTICATED')
  })

  it('writes the last use at most once a minute', async () => {
    const { service, keys, clock, aUser } = setup()
    const userId = await aUser()
    const { key, secret } = await service.create(userId, { name: 'k', scopes: ['jobs'] })
    const first = clock.now()
    await service.authenticate(secret)
    clock.advance(API_KEY_TOUCH_INTERVAL_MS - 1)
    await service.authenticate(secret)
    expect((await keys.findBySecretHash(apiKeySecrets.hash(secret)))?.lastUsedAt).toEqual(first)
    clock.advance(1)
    await service.authenticate(secret)
    expect((await service.list(userId)).find((k) => k.id === key.id)?.lastUsedAt).toEqual(clock.now())
  })

  it('revokes a key for its owner only, and every key at once', async () => {
    const { service, aUser } = setup()
    const owner = await aUser()
    const other = await aUser()
    const a = await service.create(owner, { name: 'a', scopes: ['jobs'] })
    const b = await service.create(owner, { name: 'b', scopes: ['jobs'] })
    expect(await codeOf(service.revoke(other, a.key.id))).toBe('API_KEY_NOT_FOUND')
    await service.revoke(owner, a.key.id)
    expect(await codeOf(service.authenticate(a.secret))).toBe('UNAUTHENTICATED')
    expect(await service.revokeAllForUser(owner)).toBe(1)
    expect(await codeOf(service.authenticate(b.secret))).toBe('UNAUTHENTICATED')
  })

  it('names the scopes a grant lacks', () => {
    expect(missingScopes({ id: 'k', scopes: ['jobs'] }, ['resumes:read', 'jobs'])).toEqual(['resumes:read'])
  })

  it('ends every key of the user when the account service changes the password', async () => {
    const { clock } = movableClock()
    const users = createMemoryUserRepository()
    const keys = createMemoryApiKeyRepository()
    let n = 0
    const ids = { uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` }
    const accounts = createAccountService({
      users,
      sessions: createMemorySessionStore(clock),
      hasher: createScryptHasher(10),
      tokens: sessionTokens,
      passwords: commonPasswords,
      guard: testLoginGuard(),
      clock,
      ids,
      events: recordingBus().bus,
      sessionTtlSeconds: 3600,
      sessionIdleSeconds: 1800,
      apiKeys: keys,
    })
    const service = createApiKeyService({ keys, users, secrets: apiKeySecrets, clock, ids })
    const client = { ip: '192.0.2.1' }
    const signedIn = await accounts.register({ email: 'kay@example.com', password: 'long enough' }, client)
    const { secret } = await service.create(signedIn.user.id, { name: 'k', scopes: ['jobs'] })
    const auth = await accounts.authenticate(signedIn.token)
    await accounts.changePassword(auth, { currentPassword: 'long enough', newPassword: 'brand new secret' }, client)
    expect(await codeOf(service.authenticate(secret))).toBe('UNAUTHENTICATED')
    expect(await service.list(signedIn.user.id)).toEqual([])
  })
})
