/** The shape of RoleReady's configuration: what loadConfig (config.ts) returns, frozen. */
import type { CacheNamespace } from '../domain/cache/cache.types.js'
import type { LlmPrice } from './llm-prices.js'
import type { LOG_LEVELS } from './server.settings.js'
import type { CDN_PROVIDERS } from './services.settings.js'

export type LogLevel = (typeof LOG_LEVELS)[number]

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
    /** How long an instance keeps a session with its user in memory; 0 when off (also when CACHE_ENABLED=false). */
    readonly sessionCacheSeconds: number
    readonly sessionCacheMaxItems: number
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
    /** Applications one user may track. */
    readonly applications: number
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
      readonly analysis: number
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
    readonly ttlSeconds: Readonly<Record<CacheNamespace, number>>
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
  readonly provider: (typeof CDN_PROVIDERS)[number]
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
