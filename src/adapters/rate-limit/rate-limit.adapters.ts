import type { Redis } from 'ioredis'
import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { Registry } from 'prom-client'
import type { Config } from '../../config/config.js'
import type {
  RateLimitCounterStore,
  RateLimitMonitor,
  RateLimitOverrideRepository,
} from '../../domain/rate-limits/rate-limit.ports.js'
import { createPostgresRateLimitOverrideRepository } from '../postgres/rate-limit-override.repository.js'
import type { Tables } from '../postgres/tables.js'
import { createMemoryCounterStore } from './memory-counter.store.js'
import { createCachedOverrideRepository } from './override-cache.js'
import { createRateLimitMetrics } from './rate-limit.metrics.js'
import { createRedisCounterStore } from './redis-counter.store.js'

export interface RateLimitAdapterDeps {
  readonly config: Config
  readonly db: Kysely<Tables>
  readonly redis: Redis | undefined
  readonly logger: Logger
  /** The app's metrics registry, where the rate-limit counters are registered. */
  readonly registry: Registry
}

/** Counters (Redis when configured, else in process), cached durable custom limits, and metrics. */
export function createRateLimitAdapters(deps: RateLimitAdapterDeps): {
  counters: RateLimitCounterStore
  overrides: RateLimitOverrideRepository
  monitor: RateLimitMonitor
} {
  const { config, redis, logger } = deps
  const metrics = createRateLimitMetrics(deps.registry)
  const storeOptions = { windowSeconds: config.rateLimits.windowSeconds, keyPrefix: config.redisKeyPrefix }
  const counters = redis
    ? createRedisCounterStore({
        ...storeOptions,
        redis,
        onFallback: metrics.fellBack,
        onDegradedChange(degraded) {
          if (degraded) {
            logger.error('rate limits: Redis failed; the in-memory insurance limiter answers (limits are per instance)')
          } else {
            logger.info('rate limits: Redis answers again; limits are shared across instances')
          }
        },
      })
    : createMemoryCounterStore(storeOptions)
  const overrides = createCachedOverrideRepository(createPostgresRateLimitOverrideRepository(deps.db), {
    ttlSeconds: config.rateLimits.overrideCacheSeconds,
    keyPrefix: config.redisKeyPrefix,
    ...(redis && { redis }),
    onCacheError(error) {
      logger.warn({ err: error }, 'rate limits: the custom-limit cache in Redis failed; the database answered')
    },
  })
  return { counters, overrides, monitor: metrics }
}
