import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { ApiKeyRepository } from '../../src/domain/api-keys/api-key.ports.js'
import type { NewApiKey } from '../../src/domain/api-keys/api-key.types.js'

export interface ApiKeyStores {
  keys: ApiKeyRepository
  /** A user id that may own keys (a stored user where the adapter needs one). */
  newOwner(): Promise<string>
  /** Deletes the user, where the adapter stores users (undefined for the memory fake). */
  deleteOwner?(userId: string): Promise<void>
}

function aKey(userId: string, overrides: Partial<NewApiKey> = {}): NewApiKey {
  return {
    id: randomUUID(),
    userId,
    name: 'Assistant',
    scopes: ['resumes:read', 'jobs'],
    hint: 'rr_live_AbCd',
    createdAt: new Date('2026-12-01T10:00:00.000Z'),
    expiresAt: undefined,
    lastUsedAt: undefined,
    secretHash: randomUUID().replaceAll('-', '').repeat(2),
    ...overrides,
  }
}

const { secretHash: _, ...publicPart } = aKey('x')
type PublicKey = typeof publicPart
const withoutHash = ({ secretHash: _hash, ...key }: NewApiKey): PublicKey => key

/** One contract for every API key storage adapter: memory fake, PGlite, Postgres. */
export function apiKeyStoreContract(name: string, open: () => Promise<ApiKeyStores>): void {
  describe(`API key storage contract: ${name}`, () => {
    it('stores a key without its hash and finds it by the hash of its secret', async () => {
      const { keys, newOwner } = await open()
      const owner = await newOwner()
      const key = aKey(owner, { expiresAt: new Date('2027-01-01T00:00:00.000Z') })
      const stored = await keys.create(key)
      expect(stored).toEqual(withoutHash(key))
      expect(stored).not.toHaveProperty('secretHash')
      expect(await keys.findBySecretHash(key.secretHash)).toEqual(withoutHash(key))
      expect(await keys.findBySecretHash('0'.repeat(64))).toBeUndefined()
    })

    it('lists and counts a user’s keys newest first, never another user’s', async () => {
      const { keys, newOwner } = await open()
      const owner = await newOwner()
      const other = await newOwner()
      const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute))
      const older = aKey(owner, { createdAt: at(1) })
      const newer = aKey(owner, { createdAt: at(2) })
      await keys.create(older)
      await keys.create(newer)
      await keys.create(aKey(other))
      expect((await keys.listForUser(owner)).map((key) => key.id)).toEqual([newer.id, older.id])
      expect(await keys.countForUser(owner)).toBe(2)
      expect(await keys.countForUser(await newOwner())).toBe(0)
    })

    it('records the last use', async () => {
      const { keys, newOwner } = await open()
      const key = aKey(await newOwner())
      await keys.create(key)
      const at = new Date('2026-12-02T08:30:00.000Z')
      await keys.touch(key.id, at)
      await keys.touch(randomUUID(), at)
      expect((await keys.findBySecretHash(key.secretHash))?.lastUsedAt).toEqual(at)
    })

    it('deletes a key only for its owner', async () => {
      const { keys, newOwner } = await open()
      const owner = await newOwner()
      const other = await newOwner()
      const key = aKey(owner)
      await keys.create(key)
      expect(await keys.delete(other, key.id)).toBe(false)
      expect(await keys.findBySecretHash(key.secretHash)).toBeDefined()
      expect(await keys.delete(owner, key.id)).toBe(true)
      expect(await keys.delete(owner, key.id)).toBe(false)
      expect(await keys.findBySecretHash(key.secretHash)).toBeUndefined()
    })

    it('deletes every key of one user and leaves the others', async () => {
      const { keys, newOwner } = await open()
      const owner = await newOwner()
      const other = await newOwner()
      const kept = aKey(other)
      await keys.create(aKey(owner))
      await keys.create(aKey(owner))
      await keys.create(kept)
      expect(await keys.deleteAllForUser(owner)).toBe(2)
      expect(await keys.listForUser(owner)).toEqual([])
      expect(await keys.findBySecretHash(kept.secretHash)).toBeDefined()
    })

    it('loses the keys of a deleted account', async (context) => {
      const { keys, newOwner, deleteOwner } = await open()
      if (!deleteOwner) return context.skip()
      const owner = await newOwner()
      const key = aKey(owner)
      await keys.create(key)
      await deleteOwner(owner)
      expect(await keys.findBySecretHash(key.secretHash)).toBeUndefined()
    })
  })
}
