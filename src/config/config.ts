/**
 * RoleReady configuration: the only module that reads `process.env`.
 * Every setting is parsed here once; all problems are reported together; the result is frozen.
 */
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { CACHE_TTL_DEFAULTS } from './cache.js'
import { DEFAULT_LLM_PRICES, type LlmPrice, parseLlmPrices } from './llm-prices.js'

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export interface DatabaseConfig {
  /** Postgres connection string; absent → embedded PGlite. */
  readonly url: string | undefined
  readonly poolMax: number
  readonly connectionTimeoutMs: number
  readonly idleTimeoutMs: number
  readonly statementTimeoutMs: number
}

export interface Config {
  readonly environment: string
  readonly host: string
  readonly port: number
  /** Where PGlite keeps its files; `memory://` keeps everything in memory (tests). */
  readonly dataDir: string
  readonly backupDir: string
  readonly database: DatabaseConfig
  readonly redisUrl: string | undefined
  /** Prefix of every Redis key this deployment writes (separates deployments sharing one Redis). */
  readonly redisKeyPrefix: string
  readonly logLevel: LogLevel
  readonly observability: {
    /** Directory of rotating combined and error log files; undefined writes stdout only. */
    readonly logDir: string | undefined
    /** Sentry DSN; undefined turns error tracking off (nothing is loaded). */
    readonly sentryDsn: string | undefined
    /** Share of requests traced, and of traced sessions profiled, by Sentry (0 to 1). */
    readonly tracesSampleRate: number
    readonly profilesSampleRate: number
    /** Bearer token that GET /metrics requires; undefined leaves it open (keep it on an internal port then). */
    readonly metricsToken: string | undefined
    /** Serve GET /metrics on this port only (on HOST), never on the public one; undefined serves it on PORT. */
    readonly metricsPort: number | undefined
    /** Readiness fails at once on SIGTERM; the server keeps serving this long before it stops accepting. */
    readonly shutdownDelayMs: number
    /** Load shedding: 503 when the event-loop delay or heap use passes these (0 turns a check off). */
    readonly maxEventLoopDelayMs: number
    readonly maxHeapUsedBytes: number
    readonly loadShedRetryAfterSeconds: number
  }
  /** Apply pending migrations when the service starts (default: only for the embedded database). */
  readonly autoMigrate: boolean
  readonly bodyLimitBytes: number
  readonly trustProxy: boolean
  /** Browser origins allowed to call the API with credentials (CORS) besides the service's own. */
  readonly corsOrigins: readonly string[]
  readonly auth: {
    readonly sessionTtlSeconds: number
    readonly sessionIdleSeconds: number
    readonly cookieName: string
    readonly cookieSecure: boolean
    /** log2 of scrypt's cost parameter N. */
    readonly passwordHashCost: number
    readonly loginFailuresPerAccount: number
    readonly loginBlockSeconds: number
    readonly loginFailuresPerIpPerDay: number
    readonly registrationsPerIpPerHour: number
    readonly loginSlowdownMs: number
  }
  readonly resumes: {
    /** Resumes one user may keep, the trash included. */
    readonly maxPerUser: number
    /** Largest resume or draft content, in bytes of JSON. */
    readonly maxContentBytes: number
    /** Days a deleted resume stays restorable in the trash before it is purged. */
    readonly trashRetentionDays: number
    /** How often the in-process purge of expired trash runs; 0 turns it off (run it from a scheduler). */
    readonly purgeIntervalMs: number
  }
  /** What one account may store; over a quota a write answers 409/413 QUOTA_EXCEEDED naming it. */
  readonly quotas: {
    /** UTF-8 bytes of every stored version, draft and saved job of one user together. */
    readonly storageBytes: number
    /** Committed versions one resume may hold. */
    readonly versionsPerResume: number
    /** Saved job postings one user may keep. */
    readonly jobs: number
  }
  /** Shape limits applied to every JSON input (request bodies, drafts, imported files, job texts). */
  readonly inputLimits: {
    /** Deepest nesting of objects and arrays. */
    readonly maxDepth: number
    /** Longest single string, in characters. */
    readonly maxStringLength: number
    /** Most items in one array, and most keys in one object. */
    readonly maxArrayLength: number
  }
  /** The worker-thread pool that runs every CPU-heavy task on untrusted input. */
  readonly workers: {
    /** Worker threads; 0 runs tasks in process with no budget (tests of the domain only). */
    readonly threads: number
    /** Tasks waiting for a worker before new ones are refused with 503 WORKERS_BUSY. */
    readonly maxQueue: number
    /** Time budgets, in ms, after which a task's worker is terminated and the request answers 422 (imports: IMPORT_TIMEOUT_MS). */
    readonly analysisBudgetMs: number
    readonly exportBudgetMs: number
    /** Heap limit of one worker thread, in MB; a task past it is killed like one over its time budget. */
    readonly maxHeapMb: number
  }
  readonly documents: {
    /** Largest file accepted for import, in bytes. */
    readonly importMaxBytes: number
    /** Longest one import may take in its worker before the worker is terminated (422 IMPORT_TIMEOUT). */
    readonly importTimeoutMs: number
    /** DOCX (ZIP) limits against zip bombs: most entries, most bytes once unpacked. */
    readonly importMaxArchiveEntries: number
    readonly importMaxUncompressedBytes: number
    /** A TTF/OTF file (absolute path) for characters the templates' fonts lack, e.g. CJK; none by default. */
    readonly pdfFallbackFont: string | undefined
  }
  /** Test/ops only: the share (0 to 1) of non-health requests answered with a 503 on purpose (canary drills). */
  readonly faultInjection5xxRate: number
  /** CDN in front of the service: which purge API a deploy calls, and what it purges. */
  readonly cdn: CdnConfig
  readonly tasks: {
    /** Tasks one instance runs at the same time. */
    readonly concurrency: number
    readonly maxAttempts: number
    /** Delay before the first retry; each later retry waits twice as long. */
    readonly backoffMs: number
    /** How long a finished task stays readable at GET /api/tasks/:id. */
    readonly retentionSeconds: number
  }
  readonly rateLimits: {
    /** Off only for benchmarks and trusted deployments: no policy is counted or enforced. */
    readonly enabled: boolean
    /** Length of every policy's fixed window, in seconds. */
    readonly windowSeconds: number
    /** Requests per window: `global` for all traffic, the others per caller on the free tier. */
    readonly limits: {
      readonly global: number
      readonly user: number
      readonly ai: number
      readonly upload: number
      readonly export: number
    }
    /** Factor each tier applies to the per-caller limits. */
    readonly tierMultipliers: { readonly free: number; readonly pro: number; readonly premium: number }
    /** How long custom per-user limits are cached (written through on change); 0 reads the database each request. */
    readonly overrideCacheSeconds: number
  }
  readonly llm: LlmConfig
  readonly cache: {
    /** Off: every read goes to the database (benchmarks compare both). */
    readonly enabled: boolean
    /** TTL per namespace in seconds (defaults in src/config/cache.ts). */
    readonly ttlSeconds: Readonly<Record<keyof typeof CACHE_TTL_DEFAULTS, number>>
    /** How long an expired value may still be served when its source fails. */
    readonly graceSeconds: number
    /** Soft timeout of a reload that has a graced fallback; 0 = none (a read after a change never sees the old value). */
    readonly timeoutMs: number
    readonly memoryMaxItems: number
    /** Redis of the shared tier and its bus: CACHE_REDIS_URL, else REDIS_URL; none → memory only. */
    readonly redisUrl: string | undefined
    /** Redis command timeout for the shared tier. */
    readonly redisTimeoutMs: number
    /** How long the shared tier is skipped after a Redis failure. */
    readonly circuitBreakerSeconds: number
    /** Hit-rate check: window length, minimum lookups in it, and the rate below which it warns. */
    readonly hitRateWindowSeconds: number
    readonly hitRateMinLookups: number
    readonly hitRateThreshold: number
  }
}

/** An OpenAI-compatible chat-completions endpoint; without one the deterministic engine answers alone. */
export interface LlmConfig {
  /** True when AI_BASE_URL or AI_API_KEY is set. */
  readonly enabled: boolean
  /** The API root (…/v1); OpenAI's when only a key is given. */
  readonly baseUrl: string
  readonly apiKey: string | undefined
  readonly model: string
  /** Longest one request may take before it counts as a timeout. */
  readonly timeoutMs: number
  /** Retries after a 429, a 5xx, a timeout or a lost connection, waiting retryBaseMs × 2^n (Retry-After wins). */
  readonly maxRetries: number
  readonly retryBaseMs: number
  /** The longest wait between attempts; a Retry-After longer than this ends the call at once. */
  readonly retryMaxDelayMs: number
  /** Consecutive failed calls that open the circuit, and how long it stays open before one trial call. */
  readonly breakerThreshold: number
  readonly breakerCooldownMs: number
  /** Most tokens one answer may use. */
  readonly maxOutputTokens: number
  /** USD per 1K input and output tokens by model (defaults in src/config/llm-prices.ts, AI_PRICES overrides). */
  readonly prices: Readonly<Record<string, LlmPrice>>
}

export interface CdnConfig {
  readonly provider: 'none' | 'cloudflare' | 'fastly' | 'cloudfront'
  /** Replaces the provider's API origin (a proxy, or a fake in tests). */
  readonly apiBaseUrl: string | undefined
  readonly purgeUrls: readonly string[]
  readonly purgeTags: readonly string[]
  readonly cloudflare: { readonly zoneId: string; readonly apiToken: string }
  readonly fastly: { readonly serviceId: string; readonly apiToken: string; readonly soft: boolean }
  readonly cloudfront: {
    readonly distributionId: string
    readonly accessKeyId: string
    readonly secretAccessKey: string
    readonly sessionToken?: string
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

/** Reads settings from an env-like record (default: process.env) and returns a frozen Config or throws ConfigError. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = []
  const read = (key: string): string | undefined => {
    const value = env[key]
    return value === undefined || value.trim() === '' ? undefined : value.trim()
  }
  const int = (key: string, fallback: number, min: number, max: number): number => {
    const raw = read(key)
    if (raw === undefined) return fallback
    const value = Number(raw)
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${key} must be an integer from ${min} to ${max} (got "${raw}")`)
      return fallback
    }
    return value
  }
  const bool = (key: string, fallback: boolean): boolean => {
    const raw = read(key)?.toLowerCase()
    if (raw === undefined) return fallback
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true
    if (['0', 'false', 'no', 'off'].includes(raw)) return false
    problems.push(`${key} must be true or false (got "${raw}")`)
    return fallback
  }
  const url = (key: string, protocols: readonly string[]): string | undefined => {
    const raw = read(key)
    if (raw === undefined) return undefined
    try {
      const parsed = new URL(raw)
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${key} must use ${protocols.join(' or ')} (got "${parsed.protocol}")`)
      }
    } catch {
      problems.push(`${key} is not a valid URL`)
    }
    return raw
  }

  const origins = (key: string): string[] => {
    const list = (read(key) ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean)
    for (const origin of list) {
      let valid = false
      try {
        const parsed = new URL(origin)
        valid = ['http:', 'https:'].includes(parsed.protocol) && parsed.origin === origin
      } catch {}
      if (!valid) problems.push(`${key} must list origins like https://app.example.com (got "${origin}")`)
    }
    return list
  }

  const fontFile = (key: string, file: string | undefined): string | undefined => {
    if (file !== undefined && (!path.isAbsolute(file) || !/\.(ttf|otf)$/i.test(file)))
      problems.push(`${key} must be an absolute path to a .ttf or .otf file`)
    return file
  }

  const rate = (key: string, fallback: number): number => {
    const raw = read(key)
    if (raw === undefined) return fallback
    const value = Number(raw)
    if (!Number.isFinite(value) || value < 0 || value > 1) {
      problems.push(`${key} must be a number from 0 to 1 (got "${raw}")`)
      return fallback
    }
    return value
  }

  const cdnConfig = (): CdnConfig => {
    const provider = (read('CDN_PROVIDER') ?? 'none').toLowerCase() as CdnConfig['provider']
    if (!['none', 'cloudflare', 'fastly', 'cloudfront'].includes(provider))
      problems.push('CDN_PROVIDER must be none, cloudflare, fastly or cloudfront')
    const needed = (when: CdnConfig['provider'], key: string, value: string | undefined): string => {
      if (provider === when && value === undefined) problems.push(`${key} is required with CDN_PROVIDER=${when}`)
      return value ?? ''
    }
    const list = (value: string | undefined) =>
      (value ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    const sessionToken = read('AWS_SESSION_TOKEN')
    return {
      provider,
      apiBaseUrl: url('CDN_API_BASE_URL', ['http:', 'https:']),
      purgeUrls: list(read('CDN_PURGE_URLS')),
      purgeTags: list(read('CDN_PURGE_TAGS')),
      cloudflare: {
        zoneId: needed('cloudflare', 'CLOUDFLARE_ZONE_ID', read('CLOUDFLARE_ZONE_ID')),
        apiToken: needed('cloudflare', 'CLOUDFLARE_API_TOKEN', read('CLOUDFLARE_API_TOKEN')),
      },
      fastly: {
        serviceId: needed('fastly', 'FASTLY_SERVICE_ID', read('FASTLY_SERVICE_ID')),
        apiToken: needed('fastly', 'FASTLY_API_TOKEN', read('FASTLY_API_TOKEN')),
        soft: bool('FASTLY_SOFT_PURGE', false),
      },
      cloudfront: {
        distributionId: needed('cloudfront', 'CLOUDFRONT_DISTRIBUTION_ID', read('CLOUDFRONT_DISTRIBUTION_ID')),
        accessKeyId: needed('cloudfront', 'AWS_ACCESS_KEY_ID', read('AWS_ACCESS_KEY_ID')),
        secretAccessKey: needed('cloudfront', 'AWS_SECRET_ACCESS_KEY', read('AWS_SECRET_ACCESS_KEY')),
        ...(sessionToken && { sessionToken }),
      },
    }
  }

  const llmConfig = (): LlmConfig => {
    const baseUrl = url('AI_BASE_URL', ['http:', 'https:'])
    const apiKey = read('AI_API_KEY')
    const parsed = parseLlmPrices(read('AI_PRICES') ?? '')
    if ('problem' in parsed) problems.push(`AI_PRICES: ${parsed.problem}`)
    return {
      enabled: baseUrl !== undefined || apiKey !== undefined,
      baseUrl: baseUrl ?? 'https://api.openai.com/v1',
      apiKey,
      model: read('AI_MODEL') ?? 'gpt-4o-mini',
      timeoutMs: int('AI_TIMEOUT_MS', 30_000, 10, 600_000),
      maxRetries: int('AI_MAX_RETRIES', 2, 0, 10),
      retryBaseMs: int('AI_RETRY_BASE_MS', 500, 1, 60_000),
      retryMaxDelayMs: int('AI_RETRY_MAX_DELAY_MS', 10_000, 1, 600_000),
      breakerThreshold: int('AI_BREAKER_THRESHOLD', 5, 1, 1000),
      breakerCooldownMs: int('AI_BREAKER_COOLDOWN_MS', 30_000, 1, 3_600_000),
      maxOutputTokens: int('AI_MAX_OUTPUT_TOKENS', 2000, 16, 100_000),
      prices: { ...DEFAULT_LLM_PRICES, ...('prices' in parsed ? parsed.prices : {}) },
    }
  }

  const logLevel = (read('LOG_LEVEL') ?? 'info').toLowerCase() as LogLevel
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`)

  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:'])
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:'])
  const dataDir = read('DATA_DIR') ?? './data'
  const cookieName = read('SESSION_COOKIE_NAME') ?? 'rr_session'
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cookieName))
    problems.push('SESSION_COOKIE_NAME must be 1-64 letters, digits, _ or -')

  const config: Config = {
    environment: read('APP_ENV') ?? 'development',
    host: read('HOST') ?? '0.0.0.0',
    port: int('PORT', 3000, 0, 65535),
    dataDir: dataDir === 'memory://' ? dataDir : path.resolve(dataDir),
    backupDir: path.resolve(read('BACKUP_DIR') ?? './backups'),
    database: {
      url: databaseUrl,
      poolMax: int('DATABASE_POOL_MAX', 10, 1, 1000),
      connectionTimeoutMs: int('DATABASE_CONNECTION_TIMEOUT_MS', 10_000, 1, 600_000),
      idleTimeoutMs: int('DATABASE_IDLE_TIMEOUT_MS', 30_000, 1, 3_600_000),
      statementTimeoutMs: int('DATABASE_STATEMENT_TIMEOUT_MS', 10_000, 1, 3_600_000),
    },
    redisUrl,
    redisKeyPrefix: read('REDIS_KEY_PREFIX') ?? 'rr:',
    logLevel,
    observability: {
      logDir: read('LOG_DIR') === undefined ? undefined : path.resolve(read('LOG_DIR') as string),
      sentryDsn: url('SENTRY_DSN', ['http:', 'https:']),
      tracesSampleRate: rate('SENTRY_TRACES_SAMPLE_RATE', 0.1),
      profilesSampleRate: rate('SENTRY_PROFILES_SAMPLE_RATE', 0),
      metricsToken: read('METRICS_TOKEN'),
      metricsPort: read('METRICS_PORT') === undefined ? undefined : int('METRICS_PORT', 9464, 0, 65535),
      shutdownDelayMs: int('SHUTDOWN_DELAY_MS', 0, 0, 20_000),
      // Off by default on embedded PGlite, whose queries run on the event loop and would trip it in bursts.
      maxEventLoopDelayMs: int('LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS', databaseUrl ? 1000 : 0, 0, 60_000),
      maxHeapUsedBytes: int('LOAD_SHED_MAX_HEAP_USED_BYTES', 0, 0, Number.MAX_SAFE_INTEGER),
      loadShedRetryAfterSeconds: int('LOAD_SHED_RETRY_AFTER_SECONDS', 10, 1, 3600),
    },
    autoMigrate: bool('AUTO_MIGRATE', databaseUrl === undefined),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 2 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    trustProxy: bool('TRUST_PROXY', false),
    corsOrigins: origins('CORS_ORIGINS'),
    auth: {
      sessionTtlSeconds: int('SESSION_TTL_SECONDS', 30 * 24 * 3600, 60, 365 * 24 * 3600),
      sessionIdleSeconds: int('SESSION_IDLE_TIMEOUT_SECONDS', 7 * 24 * 3600, 60, 365 * 24 * 3600),
      cookieName,
      cookieSecure: bool('COOKIE_SECURE', false),
      passwordHashCost: int('PASSWORD_HASH_COST', 15, 10, 20),
      loginFailuresPerAccount: int('LOGIN_FAILURES_PER_ACCOUNT', 10, 1, 1000),
      loginBlockSeconds: int('LOGIN_BLOCK_SECONDS', 900, 1, 7 * 24 * 3600),
      loginFailuresPerIpPerDay: int('LOGIN_FAILURES_PER_IP_PER_DAY', 100, 1, 1_000_000),
      registrationsPerIpPerHour: int('REGISTRATIONS_PER_IP_PER_HOUR', 10, 1, 1_000_000),
      loginSlowdownMs: int('LOGIN_SLOWDOWN_MS', 100, 0, 10_000),
    },
    resumes: {
      maxPerUser: int('RESUMES_PER_USER_MAX', 200, 1, 100_000),
      maxContentBytes: int('RESUME_CONTENT_MAX_BYTES', 1024 * 1024, 1024, 16 * 1024 * 1024),
      trashRetentionDays: int('RESUME_TRASH_RETENTION_DAYS', 30, 1, 3650),
      purgeIntervalMs: int('RESUME_PURGE_INTERVAL_MS', 3_600_000, 0, 7 * 24 * 3_600_000),
    },
    quotas: {
      storageBytes: int('QUOTA_STORAGE_BYTES', 200 * 1024 * 1024, 1024, Number.MAX_SAFE_INTEGER),
      versionsPerResume: int('QUOTA_VERSIONS_PER_RESUME', 1000, 1, 1_000_000),
      jobs: int('QUOTA_JOBS', 1000, 1, 1_000_000),
    },
    inputLimits: {
      maxDepth: int('INPUT_MAX_DEPTH', 32, 4, 1000),
      maxStringLength: int('INPUT_MAX_STRING_LENGTH', 100_000, 100, 10_000_000),
      maxArrayLength: int('INPUT_MAX_ARRAY_LENGTH', 10_000, 10, 10_000_000),
    },
    workers: {
      // One core is left to the event loop, which must keep answering while workers compute.
      threads: int('WORKER_THREADS', Math.max(1, Math.min(4, availableParallelism() - 1)), 0, 64),
      maxQueue: int('WORKER_MAX_QUEUE', 64, 1, 100_000),
      analysisBudgetMs: int('WORKER_ANALYSIS_BUDGET_MS', 5_000, 50, 600_000),
      exportBudgetMs: int('WORKER_EXPORT_BUDGET_MS', 20_000, 100, 600_000),
      maxHeapMb: int('WORKER_MAX_HEAP_MB', 512, 64, 16_384),
    },
    documents: {
      importMaxBytes: int('IMPORT_MAX_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
      importTimeoutMs: int('IMPORT_TIMEOUT_MS', 20_000, 100, 600_000),
      importMaxArchiveEntries: int('IMPORT_MAX_ARCHIVE_ENTRIES', 1000, 10, 100_000),
      importMaxUncompressedBytes: int('IMPORT_MAX_UNCOMPRESSED_BYTES', 50 * 1024 * 1024, 1024 * 1024, 1024 ** 3),
      pdfFallbackFont: fontFile('PDF_FALLBACK_FONT', read('PDF_FALLBACK_FONT')),
    },
    faultInjection5xxRate: rate('FAULT_INJECTION_5XX_RATE', 0),
    cdn: cdnConfig(),
    tasks: {
      concurrency: int('TASK_CONCURRENCY', 2, 1, 64),
      maxAttempts: int('TASK_MAX_ATTEMPTS', 3, 1, 20),
      backoffMs: int('TASK_BACKOFF_MS', 1000, 1, 3_600_000),
      retentionSeconds: int('TASK_RETENTION_SECONDS', 24 * 3600, 60, 30 * 24 * 3600),
    },
    rateLimits: {
      enabled: bool('RATE_LIMIT_ENABLED', true),
      windowSeconds: int('RATE_LIMIT_WINDOW_SECONDS', 60, 1, 24 * 3600),
      limits: {
        global: int('RATE_LIMIT_GLOBAL', 10_000, 1, 1_000_000_000),
        user: int('RATE_LIMIT_PER_USER', 60, 1, 1_000_000_000),
        ai: int('RATE_LIMIT_AI', 10, 1, 1_000_000_000),
        upload: int('RATE_LIMIT_UPLOADS', 5, 1, 1_000_000_000),
        export: int('RATE_LIMIT_EXPORTS', 10, 1, 1_000_000_000),
      },
      tierMultipliers: {
        free: int('RATE_LIMIT_TIER_FREE', 1, 1, 1000),
        pro: int('RATE_LIMIT_TIER_PRO', 3, 1, 1000),
        premium: int('RATE_LIMIT_TIER_PREMIUM', 10, 1, 1000),
      },
      overrideCacheSeconds: int('RATE_LIMIT_OVERRIDE_CACHE_SECONDS', 10, 0, 3600),
    },
    llm: llmConfig(),
    cache: {
      enabled: bool('CACHE_ENABLED', true),
      ttlSeconds: {
        JOB_ANALYSIS: int('CACHE_TTL_JOB_ANALYSIS', CACHE_TTL_DEFAULTS.JOB_ANALYSIS, 1, 30 * 24 * 3600),
        ATS_SCORE: int('CACHE_TTL_ATS_SCORE', CACHE_TTL_DEFAULTS.ATS_SCORE, 1, 30 * 24 * 3600),
        AI_DRAFT: int('CACHE_TTL_AI_DRAFT', CACHE_TTL_DEFAULTS.AI_DRAFT, 1, 30 * 24 * 3600),
        AI_SUGGESTIONS: int('CACHE_TTL_AI_SUGGESTIONS', CACHE_TTL_DEFAULTS.AI_SUGGESTIONS, 1, 30 * 24 * 3600),
        RESUME_DATA: int('CACHE_TTL_RESUME_DATA', CACHE_TTL_DEFAULTS.RESUME_DATA, 1, 30 * 24 * 3600),
        RESUME_LIST: int('CACHE_TTL_RESUME_LIST', CACHE_TTL_DEFAULTS.RESUME_LIST, 1, 30 * 24 * 3600),
        WORKING_DRAFT: int('CACHE_TTL_WORKING_DRAFT', CACHE_TTL_DEFAULTS.WORKING_DRAFT, 1, 30 * 24 * 3600),
        TAILORED_VERSIONS: int('CACHE_TTL_TAILORED_VERSIONS', CACHE_TTL_DEFAULTS.TAILORED_VERSIONS, 1, 30 * 24 * 3600),
        TEMPLATE_LIST: int('CACHE_TTL_TEMPLATE_LIST', CACHE_TTL_DEFAULTS.TEMPLATE_LIST, 1, 30 * 24 * 3600),
        TEMPLATE_DETAIL: int('CACHE_TTL_TEMPLATE_DETAIL', CACHE_TTL_DEFAULTS.TEMPLATE_DETAIL, 1, 30 * 24 * 3600),
        USER_PROFILE: int('CACHE_TTL_USER_PROFILE', CACHE_TTL_DEFAULTS.USER_PROFILE, 1, 30 * 24 * 3600),
        USER_SETTINGS: int('CACHE_TTL_USER_SETTINGS', CACHE_TTL_DEFAULTS.USER_SETTINGS, 1, 30 * 24 * 3600),
      },
      graceSeconds: int('CACHE_GRACE_SECONDS', 6 * 3600, 0, 7 * 24 * 3600),
      timeoutMs: int('CACHE_TIMEOUT_MS', 0, 0, 60_000),
      memoryMaxItems: int('CACHE_MEMORY_MAX_ITEMS', 10_000, 1, 10_000_000),
      redisUrl: url('CACHE_REDIS_URL', ['redis:', 'rediss:']) ?? redisUrl,
      redisTimeoutMs: int('CACHE_REDIS_TIMEOUT_MS', 200, 1, 60_000),
      circuitBreakerSeconds: int('CACHE_CIRCUIT_BREAKER_SECONDS', 5, 0, 3600),
      hitRateWindowSeconds: int('CACHE_HIT_RATE_WINDOW_SECONDS', 300, 1, 24 * 3600),
      hitRateMinLookups: int('CACHE_HIT_RATE_MIN_LOOKUPS', 100, 1, 1_000_000_000),
      hitRateThreshold: int('CACHE_HIT_RATE_THRESHOLD_PERCENT', 50, 0, 100) / 100,
    },
  }

  if (problems.length > 0) throw new ConfigError(problems)
  return deepFreeze(config)
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object') deepFreeze(child)
  }
  return Object.freeze(value)
}
