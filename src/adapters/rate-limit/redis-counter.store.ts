import type { Redis } from 'ioredis'
import { type IRateLimiterOptions, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import type { RateLimitCounterStore, WindowCount } from '../../domain/rate-limits/rate-limit.ports.js'
import type { PolicyName } from '../../domain/rate-limits/rate-limit.types.js'
import type { CounterStoreOptions } from './memory-counter.store.js'

export interface RedisCounterStoreOptions extends CounterStoreOptions {
  readonly redis: Redis
  /** Called each time the in-memory insurance limiter answers because Redis failed or was not ready. */
  onFallback(): void
  /** Called when the first fallback of an outage happens (`true`) and when Redis answers again (`false`). */
  onDegradedChange(degraded: boolean): void
}

/** The in-memory limiter rate-limiter-flexible falls back to; it reports each use. */
class InsuranceLimiter extends RateLimiterMemory {
  readonly #onUse: () => void

  constructor(options: IRateLimiterOptions, onUse: () => void) {
    super(options)
    this.#onUse = onUse
  }

  override consume(key: string | number, points?: number, options?: Record<string, unknown>) {
    this.#onUse()
    return super.consume(key, points, options)
  }

  override get(key: string | number, options?: Record<string, unknown>) {
    this.#onUse()
    return super.get(key, options)
  }
}

// Distinct limits in use are few (tiers × policies plus custom limits); the bound only guards against growth.
const MAX_LIMITERS = 1_000

/**
 * Fixed windows shared by every instance through Redis (rate-limiter-flexible's RateLimiterRedis: one atomic Lua
 * INCR + PEXPIRE per request). One limiter per policy and limit, all of a policy's limiters on the same Redis keys,
 * so a changed limit keeps the count. Keys that reached their limit are refused from memory, without a Redis round
 * trip, until their window ends. When Redis fails or is not ready, an in-memory insurance limiter with the same
 * limit answers instead (per instance, so each instance then allows up to the limit on its own).
 */
export function createRedisCounterStore(options: RedisCounterStoreOptions): RateLimitCounterStore {
  const limiters = new Map<string, RateLimiterRedis>()
  let degraded = false
  let fallbacks = 0

  const fellBack = () => {
    fallbacks += 1
    options.onFallback()
    if (!degraded) {
      degraded = true
      options.onDegradedChange(true)
    }
  }

  const limiterFor = (policy: PolicyName, limit: number): RateLimiterRedis => {
    const id = `${policy}:${limit}`
    let limiter = limiters.get(id)
    if (limiter) return limiter
    if (limiters.size >= MAX_LIMITERS) limiters.delete(limiters.keys().next().value as string)
    const common = { keyPrefix: `${options.keyPrefix}rl:${policy}`, points: limit, duration: options.windowSeconds }
    limiter = new RateLimiterRedis({
      ...common,
      storeClient: options.redis,
      rejectIfRedisNotReady: true,
      inMemoryBlockOnConsumed: Math.max(limit, 1),
      insuranceLimiter: new InsuranceLimiter(common, fellBack),
    })
    limiters.set(id, limiter)
    return limiter
  }

  /** Runs one limiter call; notes Redis being back when the call was answered without the insurance limiter. */
  async function answered<T>(call: () => Promise<T>): Promise<T> {
    const before = fallbacks
    const result = await call()
    if (degraded && fallbacks === before) {
      degraded = false
      options.onDegradedChange(false)
    }
    return result
  }

  const toCount = (res: RateLimiterRes, limit: number): WindowCount => ({
    // A key refused from the in-memory block carries no count: it is over its limit.
    used: res.consumedPoints > 0 ? res.consumedPoints : limit + 1,
    msBeforeReset: res.msBeforeNext,
  })

  return {
    async consume(policy, key, limit) {
      const limiter = limiterFor(policy, limit)
      try {
        return toCount(await answered(() => limiter.consume(key)), limit)
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return toCount(rejection, limit)
        throw rejection
      }
    },

    async peek(policy, key, limit) {
      const res = await answered(() => limiterFor(policy, limit).get(key))
      return res && res.msBeforeNext > 0 ? { used: res.consumedPoints, msBeforeReset: res.msBeforeNext } : undefined
    },

    async forget(policy, key) {
      // Every limiter of the policy drops its in-memory block of the key; all share the one Redis key, which a
      // limiter made for the purpose deletes when this instance holds none.
      const own = [...limiters].filter(([id]) => id.startsWith(`${policy}:`)).map(([, limiter]) => limiter)
      const deleters = own.length > 0 ? own : [limiterFor(policy, 1)]
      await Promise.all(deleters.map((limiter) => limiter.delete(key)))
    },
  }
}
