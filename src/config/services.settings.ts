/** Settings of the services around the core: rate limits, cache, the LLM, fault injection and the CDN. */
import type { CacheNamespace } from '../domain/cache/cache.types.js'
import { CACHE_TTL_DEFAULTS } from './cache.js'
import { type LlmPrice, parseLlmPrices } from './llm-prices.js'
import { bool, custom, int, list, oneOf, rate, type Setting, str, url } from './setting-kinds.js'

export const CDN_PROVIDERS = ['none', 'cloudflare', 'fastly', 'cloudfront'] as const

const DAY = 24 * 3600
const TTL_MAX = 30 * DAY
const REQUESTS_MAX = 1_000_000_000
const HTTP = ['http:', 'https:']
const REDIS = ['redis:', 'rediss:']

/** CACHE_TTL_<NAMESPACE> for every cache namespace, defaults from src/config/cache.ts. */
function cacheTtlSettings() {
  const entries = Object.entries(CACHE_TTL_DEFAULTS).map(([namespace, seconds]) => [
    `CACHE_TTL_${namespace}`,
    int({ doc: `TTL of the ${namespace} cache namespace, in seconds.`, default: seconds, min: 1, max: TTL_MAX }),
  ])
  return Object.fromEntries(entries) as { readonly [N in CacheNamespace as `CACHE_TTL_${N}`]: Setting<number> }
}

export const SERVICE_SETTINGS = {
  RATE_LIMIT_ENABLED: bool({
    section:
      'Rate limits (requests per RATE_LIMIT_WINDOW_SECONDS). GLOBAL counts all traffic of the deployment; PER_USER ' +
      'counts every request of one user (anonymous callers by client address: X-Forwarded-For only with ' +
      "TRUST_PROXY); ANALYSIS, UPLOADS and EXPORTS count one user's requests to the routes of that kind (ATS " +
      'reports, suggestions, drafts, tailoring and previews; imports; downloads); AI counts only the requests that ' +
      'call the configured LLM. Health probes and /metrics are exempt. Shared through Redis when REDIS_URL is set.',
    doc: 'Off only for benchmarks and trusted deployments: no policy is counted or enforced.',
    default: true,
  }),
  RATE_LIMIT_WINDOW_SECONDS: int({ doc: "Length of every policy's window.", default: 60, min: 1, max: DAY }),
  RATE_LIMIT_GLOBAL: int({ doc: 'Requests of the deployment.', default: 10_000, min: 1, max: REQUESTS_MAX }),
  RATE_LIMIT_PER_USER: int({
    doc: 'Requests of one user (applying a suggestion is about three: the autosave, the report and the suggestions).',
    default: 180,
    min: 1,
    max: REQUESTS_MAX,
  }),
  RATE_LIMIT_ANALYSIS: int({
    doc: 'ATS reports, suggestions, drafts, tailoring and previews by the built-in engine, of one user.',
    default: 120,
    min: 1,
    max: REQUESTS_MAX,
  }),
  RATE_LIMIT_AI: int({
    doc: 'Requests of one user that call the configured LLM.',
    default: 10,
    min: 1,
    max: REQUESTS_MAX,
  }),
  RATE_LIMIT_UPLOADS: int({ doc: 'Uploads of one user.', default: 5, min: 1, max: REQUESTS_MAX }),
  RATE_LIMIT_EXPORTS: int({ doc: 'Exports of one user.', default: 10, min: 1, max: REQUESTS_MAX }),
  RATE_LIMIT_TIER_FREE: int({
    section: 'Factor each tier applies to the per-user limits (an admin can also set custom limits per user).',
    doc: 'Factor of the free tier.',
    default: 1,
    min: 1,
    max: 1000,
  }),
  RATE_LIMIT_TIER_PRO: int({ doc: 'Factor of the pro tier.', default: 3, min: 1, max: 1000 }),
  RATE_LIMIT_TIER_PREMIUM: int({ doc: 'Factor of the premium tier.', default: 10, min: 1, max: 1000 }),
  RATE_LIMIT_OVERRIDE_CACHE_SECONDS: int({
    doc:
      'How long custom per-user limits are cached; with Redis changes are written through and apply on every ' +
      'instance at the next request, without Redis other instances apply them within this time.',
    default: 10,
    min: 0,
    max: 3600,
  }),

  CACHE_ENABLED: bool({
    section: 'Cache: memory tier per instance, plus Redis tier and invalidation bus when REDIS_URL is set.',
    doc: 'Off: every read goes to the database (benchmarks compare both).',
    default: true,
  }),
  ...cacheTtlSettings(),
  CACHE_GRACE_SECONDS: int({
    doc: 'Serve an expired value this long when its source fails.',
    default: 6 * 3600,
    min: 0,
    max: 7 * DAY,
  }),
  CACHE_TIMEOUT_MS: int({
    doc:
      'Soft timeout of a reload: past it the previous value is answered and the reload finishes in the background. ' +
      'Off (0) by default: a reload also follows every change, and with this on, a slow one answers with the value ' +
      'from before it.',
    default: 0,
    min: 0,
    max: 60_000,
  }),
  CACHE_MEMORY_MAX_ITEMS: int({ doc: 'Entries of the memory tier.', default: 10_000, min: 1, max: 10_000_000 }),
  CACHE_REDIS_URL: url({
    doc:
      "A Redis of the cache's own (e.g. with an allkeys-lru eviction policy, while sessions and queues need " +
      'noeviction); defaults to REDIS_URL.',
    protocols: REDIS,
    secret: true,
    example: 'redis://127.0.0.1:6380',
  }),
  CACHE_REDIS_TIMEOUT_MS: int({ doc: 'Command timeout of the Redis tier.', default: 200, min: 1, max: 60_000 }),
  CACHE_CIRCUIT_BREAKER_SECONDS: int({
    doc: 'How long the Redis tier is skipped after a Redis failure.',
    default: 5,
    min: 0,
    max: 3600,
  }),
  CACHE_HIT_RATE_WINDOW_SECONDS: int({
    section: 'Warn (and set cache_hit_rate_low) when the hit rate over the window, with enough lookups, is below this.',
    doc: 'Length of the hit-rate window.',
    default: 300,
    min: 1,
    max: DAY,
  }),
  CACHE_HIT_RATE_MIN_LOOKUPS: int({ doc: 'Lookups the window needs.', default: 100, min: 1, max: REQUESTS_MAX }),
  CACHE_HIT_RATE_THRESHOLD_PERCENT: int({ doc: 'Hit rate that warns, in percent.', default: 50, min: 0, max: 100 }),

  AI_BASE_URL: url({
    section:
      'LLM drafts and rewrites (optional): any OpenAI-compatible chat-completions server (OpenAI, Ollama, vLLM, LM ' +
      'Studio…). Off unless AI_BASE_URL or AI_API_KEY is set; without it, ai-draft answers from the built-in ' +
      'deterministic engine. Nothing is contacted at start: the first ai-draft makes the first call.',
    doc: "The API root (…/v1); OpenAI's when only AI_API_KEY is set.",
    protocols: HTTP,
    example: 'http://127.0.0.1:11434/v1',
  }),
  AI_API_KEY: str({ doc: 'Bearer key of the API.', secret: true }),
  AI_MODEL: str({ doc: 'Model of every call.', default: 'gpt-4o-mini' }),
  AI_PRICES: custom<Readonly<Record<string, LlmPrice>>>({
    doc:
      'Cost per 1K tokens (USD, input/output) by model, added to or replacing the built-in table of OpenAI list ' +
      'prices; unlisted models cost 0.',
    default: {},
    defaultText: '',
    example: 'gpt-4o-mini=0.00015/0.0006,my-model=0.001/0.002',
    parse: (raw) => {
      const parsed = parseLlmPrices(raw)
      return 'problem' in parsed ? parsed : { value: parsed.prices }
    },
  }),
  AI_TIMEOUT_MS: int({
    doc: 'Longest one request may take before it counts as a timeout.',
    default: 30_000,
    min: 10,
    max: 600_000,
  }),
  AI_MAX_RETRIES: int({
    doc:
      'Retries after 429, 5xx, timeouts and lost connections, with backoff from AI_RETRY_BASE_MS, doubling, at ' +
      'most AI_RETRY_MAX_DELAY_MS; a Retry-After header wins.',
    default: 2,
    min: 0,
    max: 10,
  }),
  AI_RETRY_BASE_MS: int({ doc: 'Wait before the first retry.', default: 500, min: 1, max: 60_000 }),
  AI_RETRY_MAX_DELAY_MS: int({
    doc: 'Longest wait between attempts; a longer Retry-After ends the call at once.',
    default: 10_000,
    min: 1,
    max: 600_000,
  }),
  AI_BREAKER_THRESHOLD: int({
    doc:
      'Circuit breaker: after this many failed calls in a row, calls fall back to the deterministic engine at once ' +
      'for AI_BREAKER_COOLDOWN_MS; then one trial call decides whether it closes again.',
    default: 5,
    min: 1,
    max: 1000,
  }),
  AI_BREAKER_COOLDOWN_MS: int({ doc: 'How long the circuit stays open.', default: 30_000, min: 1, max: 3_600_000 }),
  AI_MAX_OUTPUT_TOKENS: int({ doc: 'Most tokens one answer may use.', default: 2000, min: 16, max: 100_000 }),

  FAULT_INJECTION_5XX_RATE: rate({
    section: 'Test and drill use only.',
    doc:
      'The share of requests, health probes and /metrics excepted, answered with a 503 problem on purpose, e.g. to ' +
      'prove a canary rolls back. 0 (off) in every real deployment; a warning is logged when set.',
    default: 0,
  }),

  CDN_PROVIDER: oneOf(CDN_PROVIDERS, {
    section:
      'CDN purge on deploy (src/cli/cdn-purge.ts, run by the deploy scripts and the CI/CD workflow). With none (the ' +
      "default) the purge is a logged no-op. Each provider's IDs and credentials are required with it.",
    doc: 'Which purge API a deploy calls.',
    default: 'none',
  }),
  CDN_PURGE_URLS: list({ doc: 'URLs to purge, comma-separated.' }),
  CDN_PURGE_TAGS: list({ doc: 'Cache tags to purge, comma-separated.' }),
  CDN_API_BASE_URL: url({
    doc: "Replaces the provider's API origin (a proxy, or a local fake in tests).",
    protocols: HTTP,
  }),
  CLOUDFLARE_ZONE_ID: str({ doc: 'Cloudflare zone.' }),
  CLOUDFLARE_API_TOKEN: str({ doc: 'Cloudflare API token.', secret: true }),
  FASTLY_SERVICE_ID: str({ doc: 'Fastly service.' }),
  FASTLY_API_TOKEN: str({ doc: 'Fastly API token.', secret: true }),
  FASTLY_SOFT_PURGE: bool({ doc: 'Mark content stale instead of removing it.', default: false }),
  CLOUDFRONT_DISTRIBUTION_ID: str({
    doc: 'CloudFront distribution; CloudFront has no tag purge: list URLs or /path/*.',
  }),
  AWS_ACCESS_KEY_ID: str({ doc: 'AWS credentials that sign CloudFront invalidations.', secret: true }),
  AWS_SECRET_ACCESS_KEY: str({ doc: 'AWS secret key.', secret: true }),
  AWS_SESSION_TOKEN: str({ doc: 'AWS session token, for temporary credentials.', secret: true }),
} satisfies Record<string, Setting<unknown>>
