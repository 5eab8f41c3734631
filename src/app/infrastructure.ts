/**
 * Opens what RoleReady runs on (logger, metrics, error tracking, database, Redis, heavy-work pool, cache, task
 * queue) and registers each one's close step on the closer as it opens, so a failure part way closes the rest.
 */
import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import { createBentoCache } from '../adapters/cache/bentocache.adapter.js'
import { BentoSessionCache } from '../adapters/cache/session-cache.js'
import { loadThemeCatalog } from '../adapters/documents/theme-catalog.js'
import { type Database, openDatabase } from '../adapters/postgres/database.js'
import { migrateToLatest } from '../adapters/postgres/migrator.js'
import { createMemoryTaskQueue } from '../adapters/queue/memory.queue.js'
import { connectionsReachable, connectRedis } from '../adapters/redis/redis.js'
import { randomIds, systemClock } from '../adapters/system/system.js'
import type { HeavyTaskSettings } from '../adapters/workers/heavy-tasks.js'
import { WorkerPool } from '../adapters/workers/worker-pool.js'
import type { AppOptions } from '../app.js'
import type { Config } from '../config/config.js'
import type { SessionCache } from '../domain/accounts/account.ports.js'
import type { CachePort } from '../domain/cache/cache.ports.js'
import type { Clock } from '../domain/ports.js'
import type { TaskQueue } from '../domain/tasks/task.ports.js'
import type { ThemeCatalog } from '../domain/templates/template.ports.js'
import { createInlineWork, type HeavyWork } from '../domain/work/heavy-work.js'
import { startCacheMonitoring } from '../observability/cache-monitor.js'
import { initializeSentry } from '../observability/error-tracking.js'
import { createHealth, type Dependency, type Health } from '../observability/health.js'
import { closeLogger, createLogger } from '../observability/logger.js'
import { createMetrics, type Metrics, queryOperation } from '../observability/metrics.js'
import { createObservability, type Observability } from '../observability/observability.js'
import { SERVICE_VERSION } from '../observability/version.js'
import { createWorkerPoolObserver } from '../observability/worker-metrics.js'
import type { Closer } from './closer.js'

export interface Infrastructure {
  readonly logger: Logger
  readonly metrics: Metrics
  /** Logger, metrics and error tracking as one object. */
  readonly observability: Observability
  readonly clock: Clock
  readonly database: Database
  /** Undefined without REDIS_URL. */
  readonly redis: Redis | undefined
  /** The worker-thread pool, or the same tasks run inline when WORKER_THREADS=0. */
  readonly work: HeavyWork
  /** Undefined when CACHE_ENABLED=false. */
  readonly cache: CachePort | undefined
  /** Sessions with their users kept briefly in memory; undefined when SESSION_CACHE_SECONDS or the cache is off. */
  readonly sessionCache: SessionCache | undefined
  readonly taskQueue: TaskQueue
  readonly themes: ThemeCatalog
  readonly health: Health
}

/**
 * Opens everything in dependency order. Each resource's close step goes on `closer` as soon as it is open; the
 * caller closes them on shutdown, or (through openOrClose) when a later step throws.
 */
export async function openInfrastructure(config: Config, options: AppOptions, closer: Closer): Promise<Infrastructure> {
  const logger = options.logger ?? createLogger(config, { logDir: config.observability.logDir })
  closer.defer('logger', () => closeLogger(logger))
  const metrics = options.metrics ?? createMetrics()
  const errors = await initializeSentry(
    {
      dsn: config.observability.sentryDsn,
      environment: config.environment,
      release: SERVICE_VERSION,
      tracesSampleRate: config.observability.tracesSampleRate,
      profilesSampleRate: config.observability.profilesSampleRate,
    },
    { ...(options.sentryTransport && { transport: options.sentryTransport }) },
  )
  closer.defer('error tracking', () => errors.close())
  const observability = createObservability({ logger, metrics, errors })
  const clock = options.clock ?? systemClock

  const database = options.database ?? (await openDatabase(config))
  closer.defer('database', () => database.close())
  if (config.autoMigrate) {
    const applied = await migrateToLatest(database.db)
    if (applied.length > 0) logger.info({ applied }, 'database migrated')
  }
  database.observeQueries(({ kind, durationMs, failed }) =>
    metrics.dbQueryDuration.observe(
      { operation: queryOperation(kind), outcome: failed ? 'error' : 'ok' },
      durationMs / 1000,
    ),
  )

  const redis = config.redisUrl ? connectRedis(config.redisUrl) : undefined
  if (redis) {
    // A reachable Redis gets QUIT (pending replies arrive first); one that is down is dropped at once.
    closer.defer('redis', async () => ((await connectionsReachable([redis])) ? redis.quit() : redis.disconnect()))
  }

  const { pool, work } = await openHeavyWork(config, logger, metrics, closer)
  const themes = await loadThemeCatalog(undefined, (theme, error) =>
    logger.warn({ err: error, theme }, 'JSON Resume theme skipped'),
  )
  const cache = openCache(config, logger, metrics, closer)
  const sessionCache = openSessionCache(config, logger, closer)

  const taskSettings = { ...config.tasks, retentionMs: config.tasks.retentionSeconds * 1000 }
  // BullMQ is loaded only when Redis is configured (it is ~30 MB of modules an embedded instance never uses).
  const taskQueue = config.redisUrl
    ? (await import('../adapters/queue/bullmq.queue.js')).createBullmqTaskQueue(
        { ...taskSettings, redisUrl: config.redisUrl, prefix: `${config.redisKeyPrefix}bull` },
        randomIds,
      )
    : createMemoryTaskQueue(taskSettings, clock, randomIds)
  // Closed before the pool, cache and database its running handlers use.
  closer.defer('task queue', () => taskQueue.close())

  const dependencies: Dependency[] = [
    { name: 'database', componentId: database.kind, required: true, ping: () => database.ping() },
  ]
  if (redis) dependencies.push({ name: 'redis', componentId: 'redis', required: true, ping: () => redis.ping() })
  const health = createHealth({
    version: SERVICE_VERSION,
    dependencies,
    ...(pool && { workers: () => ({ ...pool.stats(), maxQueue: config.workers.maxQueue }) }),
  })

  return {
    logger,
    metrics,
    observability,
    clock,
    database,
    redis,
    work,
    cache,
    sessionCache,
    taskQueue,
    themes,
    health,
  }
}

/** Every CPU-heavy task on untrusted input runs in the pool, under a budget; the event loop only routes and waits. */
async function openHeavyWork(
  config: Config,
  logger: Logger,
  metrics: Metrics,
  closer: Closer,
): Promise<{ pool: WorkerPool | undefined; work: HeavyWork }> {
  const settings: HeavyTaskSettings = {
    importLimits: {
      maxBytes: config.documents.importMaxBytes,
      timeoutMs: config.documents.importTimeoutMs,
      maxEntries: config.documents.importMaxArchiveEntries,
      maxUncompressedBytes: config.documents.importMaxUncompressedBytes,
      input: config.inputLimits,
    },
    pdfFallbackFont: config.documents.pdfFallbackFont,
  }
  const observer = createWorkerPoolObserver(metrics.registry, logger)
  if (config.workers.threads === 0) {
    // Without a pool the document libraries load here; with one, only the workers load them (pdf.js's legacy
    // build replaces globals such as JSON.stringify with slower polyfills, which the main thread should never pay).
    const { createHeavyTasks } = await import('../adapters/workers/heavy-tasks.js')
    return { pool: undefined, work: createInlineWork(await createHeavyTasks(settings)) }
  }
  const pool = new WorkerPool(
    {
      threads: config.workers.threads,
      maxQueue: config.workers.maxQueue,
      maxHeapMb: config.workers.maxHeapMb,
      budgetsMs: {
        analysis: config.workers.analysisBudgetMs,
        import: config.documents.importTimeoutMs,
        export: config.workers.exportBudgetMs,
      },
      // In a worker the pool's termination is the budget; the readers' own timer stays only as a backstop past it,
      // so an import over budget is always stopped (and counted) the same way.
      tasks: {
        ...settings,
        importLimits: { ...settings.importLimits, timeoutMs: 2 * config.documents.importTimeoutMs + 1000 },
      },
    },
    observer,
  )
  closer.defer('worker pool', () => pool.close())
  observer.watch(() => pool.stats())
  return { pool, work: pool }
}

/** The cache port (L1, plus Redis L2 and bus when CACHE_REDIS_URL is set) and its hit-rate monitoring. */
function openCache(config: Config, logger: Logger, metrics: Metrics, closer: Closer): CachePort | undefined {
  if (!config.cache.enabled) return undefined
  const cache = createBentoCache({
    settings: config.cache,
    keyPrefix: config.redisKeyPrefix,
    logger,
    onLookup: (namespace, result) => metrics.cacheRequests.inc({ namespace, result }),
    ...(config.cache.redisUrl && { redisUrl: config.cache.redisUrl }),
  })
  closer.defer('cache', () => cache.close())
  const monitoring = startCacheMonitoring({
    getCacheStats: () => cache.stats(),
    registry: metrics.registry,
    logger,
    windowSeconds: config.cache.hitRateWindowSeconds,
    minLookups: config.cache.hitRateMinLookups,
    threshold: config.cache.hitRateThreshold,
  })
  closer.defer('cache monitoring', monitoring.stop)
  return cache
}

/** The session cache, on the cache's Redis bus when there is one, so drops reach every instance. */
function openSessionCache(config: Config, logger: Logger, closer: Closer): SessionCache | undefined {
  if (config.auth.sessionCacheSeconds === 0) return undefined
  const sessionCache = new BentoSessionCache({
    settings: { ttlMs: config.auth.sessionCacheSeconds * 1000, maxItems: config.auth.sessionCacheMaxItems },
    redisUrl: config.cache.redisUrl,
    keyPrefix: config.redisKeyPrefix,
    logger,
  })
  closer.defer('session cache', () => sessionCache.close())
  return sessionCache
}
