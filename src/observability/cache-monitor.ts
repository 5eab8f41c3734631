import type { Logger } from 'pino'
import { Gauge, type Registry } from 'prom-client'
import type { CacheStats } from '../domain/cache/cache.types.js'

export interface CacheMonitoringOptions {
  getCacheStats: () => CacheStats
  registry: Registry
  logger: Logger
  windowSeconds: number
  minLookups: number
  threshold: number
}

/**
 * Starts checking the cache's hit rate. Every window: the hit rate of the lookups made in that window goes to
 * `cache_hit_rate_window`; below the threshold (with at least `minLookups` lookups) it logs a warning and sets
 * `cache_hit_rate_low` to 1. `stop` ends the checks; the timer never keeps the process alive.
 */
export function startCacheMonitoring(options: CacheMonitoringOptions) {
  const rate = new Gauge({
    name: 'cache_hit_rate_window',
    help: 'Cache hit rate (hits and graced hits over lookups) in the last check window.',
    registers: [options.registry],
  })
  const low = new Gauge({
    name: 'cache_hit_rate_low',
    help: '1 when the cache hit rate in the last window was below the threshold with enough lookups.',
    registers: [options.registry],
  })
  let previous = options.getCacheStats().total
  const check = () => {
    const now = options.getCacheStats().total
    const hits = now.hits + now.graced - (previous.hits + previous.graced)
    const lookups = hits + now.misses - previous.misses
    previous = now
    if (lookups < options.minLookups) {
      low.set(0)
      return undefined
    }
    const hitRate = hits / lookups
    rate.set(hitRate)
    const isLow = hitRate < options.threshold
    low.set(isLow ? 1 : 0)
    if (isLow) options.logger.warn({ hitRate, lookups, threshold: options.threshold }, 'cache hit rate is low')
    return hitRate
  }
  const timer = setInterval(check, options.windowSeconds * 1000).unref()
  return { check, stop: () => clearInterval(timer) }
}
