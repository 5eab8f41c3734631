/** Settings of the server itself: HTTP, observability, storage, Redis and accounts (see settings.ts). */
import { bool, int, oneOf, origins, rate, type Setting, str, url } from './setting-kinds.js'

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const DAY = 24 * 3600
const MiB = 1024 * 1024
const HTTP = ['http:', 'https:']
const REDIS = ['redis:', 'rediss:']

export const SERVER_SETTINGS = {
  PORT: int({ section: 'HTTP', doc: 'Port of the HTTP server.', default: 3000, min: 0, max: 65535 }),
  HOST: str({ doc: 'Address the HTTP server (and the metrics port) binds to.', default: '0.0.0.0' }),
  TRUST_PROXY: bool({
    doc: 'Trust X-Forwarded-* from a reverse proxy (nginx) in front of the service.',
    default: false,
  }),
  CORS_ORIGINS: origins({
    doc: "Browser origins (comma-separated) allowed to call the API with credentials besides the service's own.",
    example: 'https://app.example.com',
  }),
  BODY_LIMIT_BYTES: int({
    doc: 'Largest accepted request body, in bytes.',
    default: 2 * MiB,
    min: 1024,
    max: 100 * MiB,
  }),
  APP_ENV: str({
    doc: 'Free-form name of this deployment, written on every log line (development, staging, production…).',
    default: 'development',
  }),
  LOG_LEVEL: oneOf(LOG_LEVELS, { doc: 'Least severe log level written.', default: 'info' }),

  LOG_DIR: str({
    section:
      'Observability. Logs always go to stdout (pretty on a terminal); with LOG_DIR also to rotating files there: ' +
      'combined.N.log (10 files of 10 MB) and error.N.log (5 files of 10 MB), written by worker threads.',
    doc: 'Directory of the rotating log files; unset writes stdout only.',
    example: './logs',
  }),
  SENTRY_DSN: url({
    doc: 'Error tracking and tracing with Sentry; off (and nothing loaded) without a DSN.',
    protocols: HTTP,
    secret: true,
    example: 'https://publickey@o0.ingest.sentry.io/0',
  }),
  SENTRY_TRACES_SAMPLE_RATE: rate({ doc: 'Share of requests traced by Sentry.', default: 0.1 }),
  SENTRY_PROFILES_SAMPLE_RATE: rate({ doc: 'Share of traced sessions profiled by Sentry.', default: 0 }),
  METRICS_TOKEN: str({ doc: 'When set, GET /metrics requires `Authorization: Bearer <METRICS_TOKEN>`.', secret: true }),
  METRICS_PORT: int({
    doc: 'Serve GET /metrics only on this port (bound to HOST), never on PORT; unset serves it on PORT with the rest.',
    min: 0,
    max: 65535,
    example: '9464',
  }),
  SHUTDOWN_DELAY_MS: int({
    doc:
      'On SIGTERM readiness fails at once; the server keeps serving this long (let the load balancer notice), then ' +
      'stops accepting, finishes in-flight requests and exits.',
    default: 0,
    min: 0,
    max: 20_000,
  }),
  LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS: int({
    section:
      'Load shedding: 503 SERVICE_UNAVAILABLE with Retry-After when the mean event-loop delay (ms) or heap use ' +
      '(bytes) passes these; 0 turns a check off. Health probes and /metrics are never shed.',
    doc: 'Defaults to 1000 with DATABASE_URL and to off on embedded PGlite (its queries run on the event loop).',
    min: 0,
    max: 60_000,
    example: '1000',
  }),
  LOAD_SHED_MAX_HEAP_USED_BYTES: int({
    doc: 'Heap use that sheds load.',
    default: 0,
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
  }),
  LOAD_SHED_RETRY_AFTER_SECONDS: int({ doc: 'Retry-After of a shed request.', default: 10, min: 1, max: 3600 }),

  DATA_DIR: str({
    section: 'Storage. Without DATABASE_URL the embedded PGlite database lives in DATA_DIR.',
    doc: 'Directory of the embedded database; memory:// keeps it in memory (tests).',
    default: './data',
  }),
  DATABASE_URL: url({
    doc: 'Postgres connection string; unset uses the embedded PGlite database.',
    protocols: ['postgres:', 'postgresql:'],
    secret: true,
    example: 'postgres://roleready:secret@127.0.0.1:5432/roleready',
  }),
  DATABASE_POOL_MAX: int({ doc: 'Connections in the Postgres pool.', default: 10, min: 1, max: 1000 }),
  DATABASE_CONNECTION_TIMEOUT_MS: int({ doc: 'Time to open a connection.', default: 10_000, min: 1, max: 600_000 }),
  DATABASE_IDLE_TIMEOUT_MS: int({
    doc: 'Idle time before a connection closes.',
    default: 30_000,
    min: 1,
    max: 3_600_000,
  }),
  DATABASE_STATEMENT_TIMEOUT_MS: int({
    doc: 'Longest one statement may run.',
    default: 10_000,
    min: 1,
    max: 3_600_000,
  }),
  AUTO_MIGRATE: bool({
    doc:
      'Apply pending migrations at start (default: true for the embedded database, false with DATABASE_URL, ' +
      'where `npm run migrate:prod` runs them with a backup first).',
    example: 'true',
  }),
  BACKUP_DIR: str({
    doc: 'Where `npm run backup` and `npm run migrate:prod` write verified backups.',
    default: './backups',
  }),

  REDIS_URL: url({
    section: 'Redis: sessions, cache, rate limits and queues move here when set.',
    doc: 'Redis connection string; unset keeps everything in process.',
    protocols: REDIS,
    secret: true,
    example: 'redis://127.0.0.1:6379',
  }),
  REDIS_KEY_PREFIX: str({ doc: 'Prefix of every key RoleReady writes to Redis.', default: 'rr:' }),

  SESSION_TTL_SECONDS: int({
    section: 'Accounts',
    doc: 'Absolute session lifetime.',
    default: 30 * DAY,
    min: 60,
    max: 365 * DAY,
  }),
  SESSION_IDLE_TIMEOUT_SECONDS: int({
    doc: 'How long an unused session lives.',
    default: 7 * DAY,
    min: 60,
    max: 365 * DAY,
  }),
  SESSION_CACHE_SECONDS: int({
    doc:
      'How long an instance keeps a signed-in session and its user in memory instead of reading them per request; ' +
      'revocations and account changes drop it at once on every instance (over the cache bus with Redis). 0 = off.',
    default: 30,
    min: 0,
    max: 60,
  }),
  SESSION_CACHE_MAX_ITEMS: int({
    doc: 'Sessions each instance keeps in memory (least recently used go first).',
    default: 10_000,
    min: 1,
    max: 1_000_000,
  }),
  SESSION_COOKIE_NAME: str({
    doc: 'Name of the session cookie.',
    default: 'rr_session',
    check: (name) => (/^[A-Za-z0-9_-]{1,64}$/.test(name) ? undefined : 'must be 1-64 letters, digits, _ or -'),
  }),
  COOKIE_SECURE: bool({
    doc: 'Set true when served over HTTPS so the session cookie is only sent over TLS.',
    default: false,
  }),
  PASSWORD_HASH_COST: int({
    doc: "log2 of scrypt's cost N (15: 32 MiB, about 100 ms a hash).",
    default: 15,
    min: 10,
    max: 20,
  }),
  LOGIN_FAILURES_PER_ACCOUNT: int({
    section:
      'Brute-force protection. Each sign-in attempt is counted before its password is checked, so a burst checks ' +
      'no more than LOGIN_FAILURES_PER_ACCOUNT.',
    doc: 'Failed sign-ins per account within LOGIN_BLOCK_SECONDS before a block for that long.',
    default: 10,
    min: 1,
    max: 1000,
  }),
  LOGIN_BLOCK_SECONDS: int({ doc: 'Length of an account block.', default: 900, min: 1, max: 7 * DAY }),
  LOGIN_FAILURES_PER_IP_PER_DAY: int({
    doc: 'Failed sign-ins per address per day before a one-day block.',
    default: 100,
    min: 1,
    max: 1_000_000,
  }),
  REGISTRATIONS_PER_IP_PER_HOUR: int({
    doc: 'Registrations per address per hour.',
    default: 10,
    min: 1,
    max: 1_000_000,
  }),
  LOGIN_SLOWDOWN_MS: int({
    doc: 'Base delay added to failed sign-ins from the third in a row (doubling, capped at 2 s).',
    default: 100,
    min: 0,
    max: 10_000,
  }),
} satisfies Record<string, Setting<unknown>>
