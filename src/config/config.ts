/**
 * RoleReady configuration: the only module that reads `process.env`.
 * Every setting is declared once in settings.ts; here they are parsed together (all problems reported in one
 * message), checked against each other and assembled into the nested, frozen Config the rest of the code reads.
 */
import { availableParallelism } from 'node:os'
import path from 'node:path'
import type { CacheNamespace } from '../domain/cache/cache.types.js'
import { CACHE_TTL_DEFAULTS } from './cache.js'
import type { CdnConfig, Config } from './config.types.js'
import { DEFAULT_LLM_PRICES } from './llm-prices.js'
import { SETTING_LIST, type SettingKey, type SettingValues } from './settings.js'

export type { CdnConfig, Config, DatabaseConfig, LlmConfig, LogLevel } from './config.types.js'

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

const OPENAI_BASE_URL = 'https://api.openai.com/v1'

/** The IDs and credentials each CDN provider needs. */
const CDN_REQUIRED = {
  none: [],
  cloudflare: ['CLOUDFLARE_ZONE_ID', 'CLOUDFLARE_API_TOKEN'],
  fastly: ['FASTLY_SERVICE_ID', 'FASTLY_API_TOKEN'],
  cloudfront: ['CLOUDFRONT_DISTRIBUTION_ID', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
} as const satisfies Record<CdnConfig['provider'], readonly SettingKey[]>

/** Parses every declared setting; a blank value counts as unset, an invalid one adds a problem and its default. */
export function parseSettings(env: Env, problems: string[]): SettingValues {
  const values: Record<string, unknown> = {}
  for (const [key, setting] of SETTING_LIST) {
    const raw = env[key]?.trim()
    if (raw === undefined || raw === '') {
      values[key] = setting.default
      continue
    }
    const parsed = setting.parse(raw, key, setting.secret ? 'a secret value, not shown' : `"${raw}"`)
    if ('problem' in parsed) problems.push(parsed.problem)
    values[key] = 'problem' in parsed ? setting.default : parsed.value
  }
  for (const key of CDN_REQUIRED[values.CDN_PROVIDER as CdnConfig['provider']]) {
    if (values[key] === undefined) problems.push(`${key} is required with CDN_PROVIDER=${values.CDN_PROVIDER}`)
  }
  return values as SettingValues
}

/** Reads settings from an env-like record (default: process.env) and returns a frozen Config or throws ConfigError. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = []
  const v = parseSettings(env, problems)
  if (problems.length > 0) throw new ConfigError(problems)
  return deepFreeze(assemble(v))
}

/** The nested Config of parsed settings; defaults that depend on other settings or on the machine are set here. */
function assemble(v: SettingValues): Config {
  const ttlSeconds = Object.fromEntries(
    Object.keys(CACHE_TTL_DEFAULTS).map((namespace) => [namespace, v[`CACHE_TTL_${namespace as CacheNamespace}`]]),
  ) as Record<CacheNamespace, number>
  return {
    environment: v.APP_ENV,
    host: v.HOST,
    port: v.PORT,
    dataDir: v.DATA_DIR === 'memory://' ? v.DATA_DIR : path.resolve(v.DATA_DIR),
    backupDir: path.resolve(v.BACKUP_DIR),
    database: {
      url: v.DATABASE_URL,
      poolMax: v.DATABASE_POOL_MAX,
      connectionTimeoutMs: v.DATABASE_CONNECTION_TIMEOUT_MS,
      idleTimeoutMs: v.DATABASE_IDLE_TIMEOUT_MS,
      statementTimeoutMs: v.DATABASE_STATEMENT_TIMEOUT_MS,
    },
    redisUrl: v.REDIS_URL,
    redisKeyPrefix: v.REDIS_KEY_PREFIX,
    logLevel: v.LOG_LEVEL,
    observability: {
      logDir: v.LOG_DIR === undefined ? undefined : path.resolve(v.LOG_DIR),
      sentryDsn: v.SENTRY_DSN,
      tracesSampleRate: v.SENTRY_TRACES_SAMPLE_RATE,
      profilesSampleRate: v.SENTRY_PROFILES_SAMPLE_RATE,
      metricsToken: v.METRICS_TOKEN,
      metricsPort: v.METRICS_PORT,
      shutdownDelayMs: v.SHUTDOWN_DELAY_MS,
      // Off by default on embedded PGlite, whose queries run on the event loop and would trip it in bursts.
      maxEventLoopDelayMs: v.LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS ?? (v.DATABASE_URL ? 1000 : 0),
      maxHeapUsedBytes: v.LOAD_SHED_MAX_HEAP_USED_BYTES,
      loadShedRetryAfterSeconds: v.LOAD_SHED_RETRY_AFTER_SECONDS,
    },
    autoMigrate: v.AUTO_MIGRATE ?? v.DATABASE_URL === undefined,
    bodyLimitBytes: v.BODY_LIMIT_BYTES,
    trustProxy: v.TRUST_PROXY,
    corsOrigins: v.CORS_ORIGINS,
    auth: {
      sessionTtlSeconds: v.SESSION_TTL_SECONDS,
      sessionIdleSeconds: v.SESSION_IDLE_TIMEOUT_SECONDS,
      sessionCacheSeconds: v.CACHE_ENABLED ? v.SESSION_CACHE_SECONDS : 0,
      sessionCacheMaxItems: v.SESSION_CACHE_MAX_ITEMS,
      cookieName: v.SESSION_COOKIE_NAME,
      cookieSecure: v.COOKIE_SECURE,
      passwordHashCost: v.PASSWORD_HASH_COST,
      loginFailuresPerAccount: v.LOGIN_FAILURES_PER_ACCOUNT,
      loginBlockSeconds: v.LOGIN_BLOCK_SECONDS,
      loginFailuresPerIpPerDay: v.LOGIN_FAILURES_PER_IP_PER_DAY,
      registrationsPerIpPerHour: v.REGISTRATIONS_PER_IP_PER_HOUR,
      loginSlowdownMs: v.LOGIN_SLOWDOWN_MS,
    },
    resumes: {
      maxPerUser: v.RESUMES_PER_USER_MAX,
      maxContentBytes: v.RESUME_CONTENT_MAX_BYTES,
      trashRetentionDays: v.RESUME_TRASH_RETENTION_DAYS,
      purgeIntervalMs: v.RESUME_PURGE_INTERVAL_MS,
    },
    quotas: {
      storageBytes: v.QUOTA_STORAGE_BYTES,
      versionsPerResume: v.QUOTA_VERSIONS_PER_RESUME,
      jobs: v.QUOTA_JOBS,
      applications: v.QUOTA_APPLICATIONS,
    },
    inputLimits: {
      maxDepth: v.INPUT_MAX_DEPTH,
      maxStringLength: v.INPUT_MAX_STRING_LENGTH,
      maxArrayLength: v.INPUT_MAX_ARRAY_LENGTH,
    },
    workers: {
      // One core is left to the event loop, which must keep answering while workers compute.
      threads: v.WORKER_THREADS ?? Math.max(1, Math.min(4, availableParallelism() - 1)),
      maxQueue: v.WORKER_MAX_QUEUE,
      analysisBudgetMs: v.WORKER_ANALYSIS_BUDGET_MS,
      exportBudgetMs: v.WORKER_EXPORT_BUDGET_MS,
      maxHeapMb: v.WORKER_MAX_HEAP_MB,
    },
    documents: {
      importMaxBytes: v.IMPORT_MAX_BYTES,
      importTimeoutMs: v.IMPORT_TIMEOUT_MS,
      importMaxArchiveEntries: v.IMPORT_MAX_ARCHIVE_ENTRIES,
      importMaxUncompressedBytes: v.IMPORT_MAX_UNCOMPRESSED_BYTES,
      pdfFallbackFont: v.PDF_FALLBACK_FONT,
    },
    faultInjection5xxRate: v.FAULT_INJECTION_5XX_RATE,
    cdn: {
      provider: v.CDN_PROVIDER,
      apiBaseUrl: v.CDN_API_BASE_URL,
      purgeUrls: v.CDN_PURGE_URLS,
      purgeTags: v.CDN_PURGE_TAGS,
      cloudflare: { zoneId: v.CLOUDFLARE_ZONE_ID ?? '', apiToken: v.CLOUDFLARE_API_TOKEN ?? '' },
      fastly: { serviceId: v.FASTLY_SERVICE_ID ?? '', apiToken: v.FASTLY_API_TOKEN ?? '', soft: v.FASTLY_SOFT_PURGE },
      cloudfront: {
        distributionId: v.CLOUDFRONT_DISTRIBUTION_ID ?? '',
        accessKeyId: v.AWS_ACCESS_KEY_ID ?? '',
        secretAccessKey: v.AWS_SECRET_ACCESS_KEY ?? '',
        ...(v.AWS_SESSION_TOKEN && { sessionToken: v.AWS_SESSION_TOKEN }),
      },
    },
    tasks: {
      concurrency: v.TASK_CONCURRENCY,
      maxAttempts: v.TASK_MAX_ATTEMPTS,
      backoffMs: v.TASK_BACKOFF_MS,
      retentionSeconds: v.TASK_RETENTION_SECONDS,
    },
    rateLimits: {
      enabled: v.RATE_LIMIT_ENABLED,
      windowSeconds: v.RATE_LIMIT_WINDOW_SECONDS,
      limits: {
        global: v.RATE_LIMIT_GLOBAL,
        user: v.RATE_LIMIT_PER_USER,
        analysis: v.RATE_LIMIT_ANALYSIS,
        ai: v.RATE_LIMIT_AI,
        upload: v.RATE_LIMIT_UPLOADS,
        export: v.RATE_LIMIT_EXPORTS,
      },
      tierMultipliers: { free: v.RATE_LIMIT_TIER_FREE, pro: v.RATE_LIMIT_TIER_PRO, premium: v.RATE_LIMIT_TIER_PREMIUM },
      overrideCacheSeconds: v.RATE_LIMIT_OVERRIDE_CACHE_SECONDS,
    },
    llm: {
      enabled: v.AI_BASE_URL !== undefined || v.AI_API_KEY !== undefined,
      baseUrl: v.AI_BASE_URL ?? OPENAI_BASE_URL,
      apiKey: v.AI_API_KEY,
      model: v.AI_MODEL,
      timeoutMs: v.AI_TIMEOUT_MS,
      maxRetries: v.AI_MAX_RETRIES,
      retryBaseMs: v.AI_RETRY_BASE_MS,
      retryMaxDelayMs: v.AI_RETRY_MAX_DELAY_MS,
      breakerThreshold: v.AI_BREAKER_THRESHOLD,
      breakerCooldownMs: v.AI_BREAKER_COOLDOWN_MS,
      maxOutputTokens: v.AI_MAX_OUTPUT_TOKENS,
      prices: { ...DEFAULT_LLM_PRICES, ...v.AI_PRICES },
    },
    cache: {
      enabled: v.CACHE_ENABLED,
      ttlSeconds,
      graceSeconds: v.CACHE_GRACE_SECONDS,
      timeoutMs: v.CACHE_TIMEOUT_MS,
      memoryMaxItems: v.CACHE_MEMORY_MAX_ITEMS,
      redisUrl: v.CACHE_REDIS_URL ?? v.REDIS_URL,
      redisTimeoutMs: v.CACHE_REDIS_TIMEOUT_MS,
      circuitBreakerSeconds: v.CACHE_CIRCUIT_BREAKER_SECONDS,
      hitRateWindowSeconds: v.CACHE_HIT_RATE_WINDOW_SECONDS,
      hitRateMinLookups: v.CACHE_HIT_RATE_MIN_LOOKUPS,
      hitRateThreshold: v.CACHE_HIT_RATE_THRESHOLD_PERCENT / 100,
    },
  }
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object') deepFreeze(child)
  }
  return Object.freeze(value)
}
