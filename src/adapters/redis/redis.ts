import { Redis } from 'ioredis'

/** One Redis connection for request-path work; commands fail fast instead of queueing while Redis is down. */
export function connectRedis(url: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: false,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    connectTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  })
  // Connection errors are reported by health checks and failing commands; an unhandled 'error' would crash.
  redis.on('error', () => {})
  return redis
}
