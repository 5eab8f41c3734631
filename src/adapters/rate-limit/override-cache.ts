import type { Redis } from 'ioredis'
import type { RateLimitOverrideRepository } from '../../domain/rate-limits/rate-limit.ports.js'
import type { StoredOverrides } from '../../domain/rate-limits/rate-limit.types.js'

export interface OverrideCacheOptions {
  /** How long a read is kept; 0 reads the database on every request. */
  readonly ttlSeconds: number
  /** Shared cache for every instance; without it each instance keeps its own copy. */
  readonly redis?: Redis
  readonly keyPrefix: string
  /** Called when the shared cache failed and the database answered instead. */
  onCacheError(error: unknown): void
}

type Entry = StoredOverrides | null

const MAX_LOCAL_ENTRIES = 10_000

const encode = (entry: Entry) =>
  JSON.stringify(
    entry && { limits: entry.limits, updatedAt: entry.updatedAt.toISOString(), updatedBy: entry.updatedBy },
  )

function decode(text: string): Entry {
  const raw = JSON.parse(text) as { limits: StoredOverrides['limits']; updatedAt: string; updatedBy?: string } | null
  return raw && { limits: raw.limits, updatedAt: new Date(raw.updatedAt), updatedBy: raw.updatedBy }
}

/**
 * Read-through, write-through cache in front of the durable custom limits, so a request does not query the database.
 * With Redis the copy is shared: a change is written to Redis before `replace` returns, so every instance applies it
 * on its next request; a refill after a miss uses SET NX so it cannot overwrite a newer write. Without Redis the
 * copy is per instance: the instance that made the change applies it at once, others within `ttlSeconds`.
 */
export function createCachedOverrideRepository(
  inner: RateLimitOverrideRepository,
  options: OverrideCacheOptions,
): RateLimitOverrideRepository {
  if (options.ttlSeconds === 0) return inner
  const { redis, ttlSeconds } = options
  if (redis) {
    const keyOf = (userId: string) => `${options.keyPrefix}rl:override:${userId}`
    return {
      async find(userId) {
        // While Redis is down its connection queues commands for reconnection attempts (seconds each): every
        // request would wait that long for this lookup. The database answers at once instead.
        if (redis.status !== 'ready') return inner.find(userId)
        try {
          const cached = await redis.get(keyOf(userId))
          if (cached !== null) return decode(cached) ?? undefined
        } catch (error) {
          options.onCacheError(error)
          return inner.find(userId)
        }
        const stored = await inner.find(userId)
        await redis.set(keyOf(userId), encode(stored ?? null), 'EX', ttlSeconds, 'NX').catch(options.onCacheError)
        return stored
      },

      async replace(userId, limits, at, by) {
        const stored = await inner.replace(userId, limits, at, by)
        const entry = Object.keys(stored.limits).length > 0 ? stored : null
        await redis.set(keyOf(userId), encode(entry), 'EX', ttlSeconds).catch(async (error: unknown) => {
          options.onCacheError(error)
          await redis.del(keyOf(userId)).catch(() => {})
        })
        return stored
      },

      async deleteAll(userId) {
        await inner.deleteAll(userId)
        await redis.del(keyOf(userId))
      },
    }
  }

  const local = new Map<string, { entry: Entry; expiresAt: number }>()
  // A read that overlapped a write must not cache what it read: it may predate the write.
  let writes = 0
  return {
    async find(userId) {
      const hit = local.get(userId)
      if (hit && hit.expiresAt > Date.now()) return hit.entry ?? undefined
      const writesBefore = writes
      const stored = await inner.find(userId)
      if (writes !== writesBefore) return stored
      if (local.size >= MAX_LOCAL_ENTRIES) local.delete(local.keys().next().value as string)
      local.set(userId, { entry: stored ?? null, expiresAt: Date.now() + ttlSeconds * 1000 })
      return stored
    },

    async replace(userId, limits, at, by) {
      writes += 1
      const stored = await inner.replace(userId, limits, at, by)
      writes += 1
      local.set(userId, {
        entry: Object.keys(stored.limits).length > 0 ? stored : null,
        expiresAt: Date.now() + ttlSeconds * 1000,
      })
      return stored
    },

    async deleteAll(userId) {
      writes += 1
      await inner.deleteAll(userId)
      writes += 1
      local.delete(userId)
    },
  }
}
