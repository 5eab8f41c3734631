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

/**
 * Whether every connection answers, for deciding how to shut down. Connections still making their first
 * connection (a shutdown right after start) get up to `waitMs` to finish it: dropping them mid-handshake would
 * reject commands their owners already sent (a subscribe, a blocking pop) where nobody listens. A connection that
 * has failed and is reconnecting counts as unreachable at once.
 */
export async function connectionsReachable(connections: readonly Redis[], waitMs = 2_000): Promise<boolean> {
  const settled = await Promise.all(
    connections.map(async (connection) => {
      if (connection.status === 'connecting' || connection.status === 'connect' || connection.status === 'wait') {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer)
            connection.off('ready', done).off('error', done).off('end', done)
            resolve()
          }
          const timer = setTimeout(done, waitMs)
          timer.unref()
          connection.once('ready', done).once('error', done).once('end', done)
        })
      }
      return connection.status === 'ready'
    }),
  )
  return settled.every(Boolean)
}
