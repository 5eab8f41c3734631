import type { ApiKeyRepository } from '../../domain/api-keys/api-key.ports.js'
import type { ApiKey, NewApiKey } from '../../domain/api-keys/api-key.types.js'

/** Newest first, ties by id descending: the order every adapter lists in. */
function byNewest(a: ApiKey, b: ApiKey): number {
  const at = b.createdAt.getTime() - a.createdAt.getTime()
  return at !== 0 ? at : a.id < b.id ? 1 : a.id > b.id ? -1 : 0
}

const withoutHash = ({ secretHash: _hash, ...key }: NewApiKey): ApiKey => key

/** In-memory personal API keys for unit tests; same contract as the Postgres repository. */
export function createMemoryApiKeyRepository(): ApiKeyRepository {
  const keys = new Map<string, NewApiKey>()
  const ofUser = (userId: string) => [...keys.values()].filter((key) => key.userId === userId)
  return {
    async create(key) {
      if ([...keys.values()].some((stored) => stored.secretHash === key.secretHash)) {
        throw new Error('api_keys.secret_hash must be unique')
      }
      keys.set(key.id, key)
      return withoutHash(key)
    },
    async listForUser(userId) {
      return ofUser(userId).map(withoutHash).sort(byNewest)
    },
    async countForUser(userId) {
      return ofUser(userId).length
    },
    async findBySecretHash(secretHash) {
      const key = [...keys.values()].find((stored) => stored.secretHash === secretHash)
      return key && withoutHash(key)
    },
    async touch(id, at) {
      const key = keys.get(id)
      if (key) keys.set(id, { ...key, lastUsedAt: at })
    },
    async delete(userId, id) {
      if (keys.get(id)?.userId !== userId) return false
      return keys.delete(id)
    },
    async deleteAllForUser(userId) {
      const owned = ofUser(userId)
      for (const key of owned) keys.delete(key.id)
      return owned.length
    },
  }
}
