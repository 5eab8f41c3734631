/**
 * Composition root: builds adapters and services from Config. Fastify receives the finished services.
 */
import type { NodeOptions } from '@sentry/node'
import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import { createBentoCache } from './adapters/cache/bentocache.adapter.js'
import { commonPasswords } from './adapters/crypto/common-passwords.js'
import { createScryptHasher } from './adapters/crypto/scrypt-hasher.js'
import { sessionTokens } from './adapters/crypto/session-tokens.js'
import { htmlRenderer } from './adapters/documents/html.renderer.js'
import { loadThemeCatalog } from './adapters/documents/theme-catalog.js'
import { createOpenAiProvider } from './adapters/llm/openai.provider.js'
import { type Database, openDatabase } from './adapters/postgres/database.js'
import { createPostgresJobRepository } from './adapters/postgres/job.repository.js'
import { migrateToLatest } from './adapters/postgres/migrator.js'
import { createPostgresResumeRepository } from './adapters/postgres/resume.repository.js'
import { createPostgresSessionStore } from './adapters/postgres/session.store.js'
import { createPostgresUserRepository } from './adapters/postgres/user.repository.js'
import { createBullmqTaskQueue } from './adapters/queue/bullmq.queue.js'
import { createMemoryTaskQueue } from './adapters/queue/memory.queue.js'
import { createRateLimitAdapters } from './adapters/rate-limit/rate-limit.adapters.js'
import { connectRedis } from './adapters/redis/redis.js'
import { createRedisSessionStore } from './adapters/redis/session.store.js'
import { createLoginGuard } from './adapters/security/login-guard.js'
import { randomIds, systemClock } from './adapters/system/system.js'
import type { HeavyTaskSettings } from './adapters/workers/heavy-tasks.js'
import { WorkerPool } from './adapters/workers/worker-pool.js'
import type { Config } from './config/config.js'
import { type AccountService, createAccountService } from './domain/accounts/account.service.js'
import { type AiService, createAiService } from './domain/ai/ai.service.js'
import { createIntelligenceService, type IntelligenceService } from './domain/ats/intelligence.service.js'
import { type CacheService, createCacheService, warmCache, withCachedReads } from './domain/cache/cache.service.js'
import type { DocumentService, ExportRequest } from './domain/documents/document.service.js'
import type { JsonResumeDocument } from './domain/documents/document.types.js'
import { IMPORT_TASK, importTaskHandler } from './domain/documents/import-task.js'
import {
  createResumeDocumentsService,
  type ResumeDocumentsService,
} from './domain/documents/resume-documents.service.js'
import { createEventBus, type EventBus } from './domain/events.js'
import { createJobService, type JobService } from './domain/jobs/job.service.js'
import type { Clock } from './domain/ports.js'
import { createRateLimitService, type RateLimitService } from './domain/rate-limits/rate-limit.service.js'
import { createDraftService, type DraftService } from './domain/resumes/draft.service.js'
import { createResumeService, type ResumeService } from './domain/resumes/resume.service.js'
import { createVersionService, type VersionService } from './domain/resumes/version.service.js'
import { createTaskService, type TaskService } from './domain/tasks/task.service.js'
import { createTemplateService, type TemplateService } from './domain/templates/template.service.js'
import { createUsageService, type UsageService } from './domain/usage/usage.service.js'
import { createInlineWork, type HeavyWork } from './domain/work/heavy-work.js'
import { startCacheMonitor } from './observability/cache-monitor.js'
import { initializeSentry } from './observability/error-tracking.js'
import { createHealth, type Dependency, type Health } from './observability/health.js'
import { closeLogger, createLogger } from './observability/logger.js'
import { createMetrics, type Metrics, queryOperation } from './observability/metrics.js'
import { createObservability, type Observability } from './observability/observability.js'
import { SERVICE_VERSION } from './observability/version.js'
import { createWorkerPoolObserver } from './observability/worker-metrics.js'

export interface Services {
  readonly accounts: AccountService
  readonly resumes: ResumeService
  readonly drafts: DraftService
  readonly versions: VersionService
  readonly jobs: JobService
  /** Its `suggestions` is the AI service's, which adds rewritten bullets when asked (`ai: true`). */
  readonly intelligence: IntelligenceService
  /** AI drafts: the LLM when AI_BASE_URL or AI_API_KEY is set, else (and on failure) the deterministic engine. */
  readonly ai: AiService
  readonly templates: TemplateService
  /** Reads and draws documents in the heavy-work pool. */
  readonly documents: Pick<DocumentService, 'importFile' | 'exportResume'>
  readonly tasks: TaskService
  readonly resumeDocuments: ResumeDocumentsService
  readonly events: EventBus
  readonly rateLimits: RateLimitService
  /** How much of each storage quota a user uses. */
  readonly usage: UsageService
  /** Undefined when CACHE_ENABLED=false. */
  readonly cache: CacheService | undefined
}

export interface App {
  readonly config: Config
  readonly logger: Logger
  readonly database: Database
  readonly redis: Redis | undefined
  readonly services: Services
  /** Logger, metrics registry (features add their counters to it) and error tracking. */
  readonly observability: Observability
  readonly health: Health
  /** Closes every connection the app opened; safe to call twice. */
  close(): Promise<void>
}

export interface AppOptions {
  /** A logger to use instead of one built from config (tests pass a silent or capturing one). */
  logger?: Logger
  clock?: Clock
  /** An already opened database to use instead of opening one from config (the app closes it). */
  database?: Database
  /** A metrics registry to use instead of a new one. */
  metrics?: Metrics
  /** Replaces Sentry's network transport (offline tests capture envelopes). */
  sentryTransport?: NodeOptions['transport']
}

export async function buildApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config, { logDir: config.observability.logDir })
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
  const observability = createObservability({ logger, metrics, errors })
  const clock = options.clock ?? systemClock

  const database = options.database ?? (await openDatabase(config))
  let redis: Redis | undefined
  try {
    if (config.autoMigrate) {
      const applied = await migrateToLatest(database.db)
      if (applied.length > 0) logger.info({ applied }, 'database migrated')
    }
    redis = config.redisUrl ? connectRedis(config.redisUrl) : undefined
  } catch (error) {
    await database.close()
    throw error
  }

  database.observeQueries(({ kind, durationMs, failed }) =>
    metrics.dbQueryDuration.observe(
      { operation: queryOperation(kind), outcome: failed ? 'error' : 'ok' },
      durationMs / 1000,
    ),
  )
  // Every CPU-heavy task on untrusted input runs here, under a budget; the event loop only routes and waits.
  const heavyTaskSettings: HeavyTaskSettings = {
    importLimits: {
      maxBytes: config.documents.importMaxBytes,
      timeoutMs: config.documents.importTimeoutMs,
      maxEntries: config.documents.importMaxArchiveEntries,
      maxUncompressedBytes: config.documents.importMaxUncompressedBytes,
      input: config.inputLimits,
    },
    pdfFallbackFont: config.documents.pdfFallbackFont,
  }
  const workerObserver = createWorkerPoolObserver(metrics.registry, logger)
  const pool =
    config.workers.threads > 0
      ? new WorkerPool(
          {
            threads: config.workers.threads,
            maxQueue: config.workers.maxQueue,
            maxHeapMb: config.workers.maxHeapMb,
            budgetsMs: {
              analysis: config.workers.analysisBudgetMs,
              import: config.documents.importTimeoutMs,
              export: config.workers.exportBudgetMs,
            },
            tasks: heavyTaskSettings,
          },
          workerObserver,
        )
      : undefined
  // Without a pool the document libraries load here; with one, only the workers load them (pdf.js's legacy build
  // replaces globals such as JSON.stringify with slower polyfills, which the main thread should never pay for).
  const work: HeavyWork =
    pool ??
    createInlineWork(await (await import('./adapters/workers/heavy-tasks.js')).createHeavyTasks(heavyTaskSettings))
  if (pool) workerObserver.watch(() => pool.stats())
  const dependencies: Dependency[] = [
    { name: 'database', componentId: database.kind, required: true, ping: () => database.ping() },
  ]
  const pingRedis = redis
  if (pingRedis)
    dependencies.push({ name: 'redis', componentId: 'redis', required: true, ping: () => pingRedis.ping() })
  const health = createHealth({
    version: SERVICE_VERSION,
    dependencies,
    ...(pool && { workers: () => ({ ...pool.stats(), maxQueue: config.workers.maxQueue }) }),
  })

  const events = createEventBus((error, event) =>
    logger.error({ err: error, event: event.name }, 'domain event listener failed'),
  )
  const accountService = createAccountService({
    users: createPostgresUserRepository(database.db),
    sessions: redis
      ? createRedisSessionStore(redis, clock, config.redisKeyPrefix)
      : createPostgresSessionStore(database.db, clock),
    hasher: createScryptHasher(config.auth.passwordHashCost),
    tokens: sessionTokens,
    passwords: commonPasswords,
    guard: createLoginGuard({
      accountFailures: config.auth.loginFailuresPerAccount,
      accountBlockSeconds: config.auth.loginBlockSeconds,
      ipFailuresPerDay: config.auth.loginFailuresPerIpPerDay,
      registrationsPerHour: config.auth.registrationsPerIpPerHour,
      slowdownMs: config.auth.loginSlowdownMs,
      keyPrefix: config.redisKeyPrefix,
      ...(redis && { redis }),
    }),
    clock,
    ids: randomIds,
    events,
    sessionTtlSeconds: config.auth.sessionTtlSeconds,
    sessionIdleSeconds: config.auth.sessionIdleSeconds,
  })

  const templates = createTemplateService({
    themes: await loadThemeCatalog(undefined, (theme, error) =>
      logger.warn({ err: error, theme }, 'JSON Resume theme skipped'),
    ),
    html: htmlRenderer,
  })
  const documents = {
    importFile: (bytes: Uint8Array) => work.run('importFile', bytes),
    exportResume: (content: JsonResumeDocument, request: ExportRequest) =>
      work.run('exportResume', { content, request }),
  }
  const taskSettings = { ...config.tasks, retentionMs: config.tasks.retentionSeconds * 1000 }
  const taskQueue = config.redisUrl
    ? createBullmqTaskQueue(
        { ...taskSettings, redisUrl: config.redisUrl, prefix: `${config.redisKeyPrefix}bull` },
        randomIds,
      )
    : createMemoryTaskQueue(taskSettings, clock, randomIds)
  const tasks = createTaskService({ queue: taskQueue })

  const resumeRepository = createPostgresResumeRepository(database.db)
  const jobRepository = createPostgresJobRepository(database.db)
  const quotas = { ...config.quotas, resumes: config.resumes.maxPerUser }
  const resumeDeps = {
    resumes: resumeRepository,
    jobs: jobRepository,
    clock,
    ids: randomIds,
    events,
    limits: config.resumes,
    quotas,
  }
  const cachePort = config.cache.enabled
    ? createBentoCache({
        settings: config.cache,
        keyPrefix: config.redisKeyPrefix,
        logger,
        onLookup: (namespace, result) => metrics.cacheRequests.inc({ namespace, result }),
        ...(config.cache.redisUrl && { redisUrl: config.cache.redisUrl }),
      })
    : undefined
  const cache = cachePort && createCacheService({ cache: cachePort })
  cache?.listen(events)
  const cacheMonitor =
    cache &&
    startCacheMonitor({
      stats: cache.stats,
      registry: metrics.registry,
      logger,
      windowSeconds: config.cache.hitRateWindowSeconds,
      minLookups: config.cache.hitRateMinLookups,
      threshold: config.cache.hitRateThreshold,
    })
  const uncached = {
    resumes: createResumeService(resumeDeps),
    drafts: createDraftService(resumeDeps),
    accounts: accountService,
    jobs: createJobService({ jobs: jobRepository, clock, ids: randomIds, events, work, quotas }),
  }
  const { resumes, drafts, accounts, jobs } = cache
    ? withCachedReads(cache, uncached, (error, reason) => logger.warn({ err: error, reason }, 'cache warming failed'))
    : uncached
  if (cache) warmCache({ resumes, drafts, accounts, jobs }, 'STARTUP')
  const versions = createVersionService({ ...resumeDeps, work })
  const intelligence = createIntelligenceService({
    jobs,
    resumes,
    drafts,
    versions,
    clock,
    work,
    ...(cache && { cache }),
  })
  // Nothing is contacted here: the first AI request makes the first call.
  const llm = config.llm.enabled ? createOpenAiProvider(config.llm, { observability }) : undefined
  if (llm) logger.info({ model: llm.model, host: new URL(config.llm.baseUrl).host }, 'LLM drafts enabled')
  const ai = createAiService({ jobs, drafts, suggestions: intelligence.suggestions, clock, llm, cache, work })
  // Expired trash is purged in process; unref'd so it never keeps the process alive.
  const purgeTimer =
    config.resumes.purgeIntervalMs > 0
      ? setInterval(() => {
          resumes
            .purgeExpired()
            .then((purged) => purged > 0 && logger.info({ purged }, 'purged expired resumes from the trash'))
            .catch((error: unknown) => logger.warn({ err: error }, 'purging the resume trash failed'))
        }, config.resumes.purgeIntervalMs).unref()
      : undefined

  const rateLimits = createRateLimitService({
    ...createRateLimitAdapters({ config, db: database.db, redis, logger, registry: metrics.registry }),
    users: createPostgresUserRepository(database.db),
    settings: config.rateLimits,
    clock,
  })

  const resumeDocuments = createResumeDocumentsService({
    documents,
    templates,
    resumes,
    drafts,
    versions,
    limits: config.resumes,
  })
  tasks.register(IMPORT_TASK, importTaskHandler(resumeDocuments))

  let closing: Promise<void> | undefined
  return {
    config,
    logger,
    database,
    redis,
    observability,
    health,
    services: {
      accounts,
      resumes,
      drafts,
      versions,
      jobs,
      intelligence: { ...intelligence, suggestions: ai.suggestions },
      ai,
      templates,
      documents,
      resumeDocuments,
      tasks,
      events,
      rateLimits,
      usage: createUsageService({ resumes: resumeRepository, jobs: jobRepository, quotas }),
      cache,
    },
    close() {
      closing ??= (async () => {
        clearInterval(purgeTimer)
        await pool?.close()
        cacheMonitor?.stop()
        await cachePort?.close()
        await taskQueue.close()
        if (redis) await redis.quit().catch(() => redis?.disconnect())
        await database.close()
        await errors.close()
        await closeLogger(logger)
      })()
      return closing
    },
  }
}
