import { RateLimiterMemory } from 'rate-limiter-flexible'
import type { RateLimitCounterStore } from '../../domain/rate-limits/rate-limit.ports.js'
import type { PolicyName } from '../../domain/rate-limits/rate-limit.types.js'

export interface CounterStoreOptions {
  /** Length of every window, in seconds. */
  readonly windowSeconds: number
  readonly keyPrefix: string
}

/**
 * In-process fixed windows (rate-limiter-flexible's RateLimiterMemory), one limiter per policy. The limiter never
 * refuses on its own: the caller compares the count with each caller's limit, so a changed limit keeps the count.
 */
export function createMemoryCounterStore(options: CounterStoreOptions): RateLimitCounterStore {
  const limiters = new Map<PolicyName, RateLimiterMemory>()
  const limiterFor = (policy: PolicyName): RateLimiterMemory => {
    let limiter = limiters.get(policy)
    if (!limiter) {
      limiter = new RateLimiterMemory({
        keyPrefix: `${options.keyPrefix}rl:${policy}`,
        points: Number.MAX_SAFE_INTEGER,
        duration: options.windowSeconds,
      })
      limiters.set(policy, limiter)
    }
    return limiter
  }

  return {
    async consume(policy, key) {
      const res = await limiterFor(policy).consume(key)
      return { used: res.consumedPoints, msBeforeReset: res.msBeforeNext }
    },

    async peek(policy, key) {
      const res = await limiterFor(policy).get(key)
      return res && res.msBeforeNext > 0 ? { used: res.consumedPoints, msBeforeReset: res.msBeforeNext } : undefined
    },

    async forget(policy, key) {
      await limiters.get(policy)?.delete(key)
    },
  }
}
