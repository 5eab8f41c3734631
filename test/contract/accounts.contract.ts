import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { SessionStore, UserRepository } from '../../src/domain/accounts/account.ports.js'
import { findSessionWithUser } from '../../src/domain/accounts/account.service.js'
import type { NewUser } from '../../src/domain/accounts/account.types.js'
import { DomainError } from '../../src/domain/errors.js'

export interface AccountStores {
  users: UserRepository
  sessions: SessionStore
  /** Moves the stores' notion of "now" forward (for expiry). */
  advance(ms: number): void
}

let n = 0
export function aUser(overrides: Partial<NewUser> = {}): NewUser {
  n += 1
  const at = new Date('2026-11-01T10:00:00.000Z')
  return {
    id: randomUUID(),
    email: `Person.${n}.${randomUUID().slice(0, 8)}@Example.com`,
    displayName: `Person ${n}`,
    tier: 'free',
    role: 'user',
    createdAt: at,
    updatedAt: at,
    passwordHash: 'scrypt$10$8$1$c2FsdA==$a2V5',
    ...overrides,
  }
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
    return undefined
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error)
  }
}

/** One contract for every account storage adapter: memory fake, PGlite, Postgres (and Redis for sessions). */
export function accountStoreContract(name: string, open: () => Promise<AccountStores>): void {
  describe(`account storage contract: ${name}`, () => {
    it('stores a user and finds it by id and by case-insensitive email', async () => {
      const { users } = await open()
      const user = aUser()
      const { passwordHash, ...expected } = user
      expect(await users.create(user)).toEqual(expected)
      expect(await users.findById(user.id)).toEqual(expected)
      expect(await users.findCredentialsByEmail(user.email.toLowerCase())).toEqual({ user: expected, passwordHash })
      expect(await users.findById(randomUUID())).toBeUndefined()
      expect(await users.findCredentialsByEmail('nobody@example.com')).toBeUndefined()
    })

    it('refuses a second user with the same email in another case', async () => {
      const { users } = await open()
      const user = aUser()
      await users.create(user)
      expect(await codeOf(users.create(aUser({ email: user.email.toUpperCase() })))).toBe('EMAIL_TAKEN')
    })

    it('updates display name and email, keeping emails unique', async () => {
      const { users } = await open()
      const a = await users.create(aUser())
      const b = await users.create(aUser())
      const at = new Date('2026-11-02T10:00:00.000Z')
      const renamed = await users.update(a.id, { displayName: 'Renamed', updatedAt: at })
      expect(renamed).toMatchObject({ displayName: 'Renamed', email: a.email, updatedAt: at })
      expect(await codeOf(users.update(a.id, { email: b.email.toLowerCase(), updatedAt: at }))).toBe('EMAIL_TAKEN')
      expect(await codeOf(users.update(randomUUID(), { displayName: 'x', updatedAt: at }))).toBe('USER_NOT_FOUND')
    })

    it('saves and replaces settings per user', async () => {
      const { users } = await open()
      const a = await users.create(aUser())
      expect(await users.findSettings(a.id)).toBeUndefined()
      const settings = {
        locale: 'fr-FR',
        timezone: 'Europe/Paris',
        defaultTemplateId: 'modern',
        pageSize: 'a4' as const,
        theme: 'dark' as const,
        emailNotifications: false,
      }
      await users.saveSettings(a.id, settings, new Date())
      expect(await users.findSettings(a.id)).toEqual(settings)
      await users.saveSettings(a.id, { ...settings, theme: 'light' }, new Date())
      expect(await users.findSettings(a.id)).toEqual({ ...settings, theme: 'light' })
    })

    it('finds live sessions, forgets revoked and expired ones, and revokes all of a user', async () => {
      const { users, sessions, advance } = await open()
      const a = await users.create(aUser())
      const b = await users.create(aUser())
      const now = Date.now()
      const session = (userId: string, ttlMs: number) => ({
        tokenHash: randomUUID(),
        userId,
        createdAt: new Date(now),
        expiresAt: new Date(now + ttlMs),
        lastSeenAt: new Date(now),
      })
      const long = session(a.id, 3_600_000)
      const other = session(a.id, 3_600_000)
      const short = session(a.id, 60_000)
      const bs = session(b.id, 3_600_000)
      for (const s of [long, other, short, bs]) await sessions.create(s)
      expect(await sessions.find(long.tokenHash)).toEqual(long)

      const seen = new Date(now + 30_000)
      await sessions.touch(long.tokenHash, seen)
      await sessions.touch('unknown', seen)
      expect(await sessions.find(long.tokenHash)).toEqual({ ...long, lastSeenAt: seen })

      await sessions.revoke(other.tokenHash)
      expect(await sessions.find(other.tokenHash)).toBeUndefined()
      await sessions.revoke('unknown')

      advance(120_000)
      expect(await sessions.find(short.tokenHash)).toBeUndefined()
      expect(await sessions.find(long.tokenHash)).toEqual({ ...long, lastSeenAt: seen })

      await sessions.revokeAllForUser(a.id)
      expect(await sessions.find(long.tokenHash)).toBeUndefined()
      expect(await sessions.find(bs.tokenHash)).toEqual(bs)
    })

    it('reads a live session with its user (in one call where the store can), with the same answers as find', async () => {
      const { users, sessions, advance } = await open()
      const withUser = (tokenHash: string) => findSessionWithUser(sessions, users, tokenHash)
      const a = await users.create(aUser())
      const now = Date.now()
      const live = {
        tokenHash: randomUUID(),
        userId: a.id,
        createdAt: new Date(now),
        expiresAt: new Date(now + 3_600_000),
        lastSeenAt: new Date(now),
      }
      const short = { ...live, tokenHash: randomUUID(), expiresAt: new Date(now + 60_000) }
      const revoked = { ...live, tokenHash: randomUUID() }
      for (const s of [live, short, revoked]) await sessions.create(s)
      await sessions.revoke(revoked.tokenHash)
      expect(await withUser(live.tokenHash)).toEqual({ session: live, user: await users.findById(a.id) })
      expect(await withUser(revoked.tokenHash)).toBeUndefined()
      expect(await withUser('unknown')).toBeUndefined()
      advance(120_000)
      expect(await withUser(short.tokenHash)).toBeUndefined()
      expect((await withUser(live.tokenHash))?.user.id).toBe(a.id)
    })
  })
}
