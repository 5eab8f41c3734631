import type { RateLimitOverrideRepository } from '../../domain/rate-limits/rate-limit.ports.js'
import type { StoredOverrides } from '../../domain/rate-limits/rate-limit.types.js'

/** In-memory custom limits for unit tests; same contract as the Postgres repository. */
export function createMemoryRateLimitOverrideRepository(): RateLimitOverrideRepository {
  const stored = new Map<string, StoredOverrides>()
  return {
    async find(userId) {
      return stored.get(userId)
    },
    async replace(userId, limits, at, by) {
      const entry: StoredOverrides = { limits: { ...limits }, updatedAt: at, updatedBy: by }
      if (Object.keys(limits).length === 0) stored.delete(userId)
      else stored.set(userId, entry)
      return entry
    },
    async deleteAll(userId) {
      stored.delete(userId)
    },
  }
}
