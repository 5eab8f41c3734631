import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

/** Seconds buckets for HTTP requests and AI calls; database queries use finer ones. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
const DB_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5]
const AI_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80]

/**
 * prom-client's default gauges named `*_total` break the Prometheus convention that only counters end in `_total`
 * (promtool rejects them). They are dropped: the same counts stay available, split by type, in
 * `nodejs_active_handles`, `nodejs_active_requests` and `nodejs_active_resources`.
 */
const MISNAMED_DEFAULTS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
] as const

export interface Metrics {
  readonly registry: Registry
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>
  readonly dbQueryDuration: Histogram<'operation' | 'outcome'>
  readonly aiOperationDuration: Histogram<'operation'>
  readonly aiCost: Counter<'operation'>
  readonly aiTokens: Counter<'operation' | 'kind'>
  /** LLM calls by operation and outcome (ok, invalid_output, timeout, rate_limited, server_error, circuit_open…). */
  readonly aiRequests: Counter<'operation' | 'outcome'>
  /** 1 while the LLM circuit breaker is open or half-open (drafts come from the deterministic engine), else 0. */
  readonly aiCircuitOpen: Gauge
  /** Cache lookups by namespace and result (hit, miss, graced, error). */
  readonly cacheRequests: Counter<'namespace' | 'result'>
  /** Requests refused by a rate limit, by policy (global, user, ai, upload, export). */
  readonly rateLimitRejections: Counter<'policy'>
  /** Requests answered 503 by load shedding, by the pressure that caused it. */
  readonly loadShed: Counter<'reason'>
  /** MCP tool calls by tool and outcome (ok, or the problem code of the error: API_KEY_SCOPE_MISSING, …). */
  readonly mcpToolCalls: Counter<'tool' | 'outcome'>
  /** Prometheus text exposition of every metric. */
  render(): Promise<string>
  readonly contentType: string
}

export interface MetricsOptions {
  /** Node process metrics (CPU, memory, event loop, GC); off in micro tests that make many registries. */
  processMetrics?: boolean
}

/** A registry of its own per app (tests build many apps in one process) with RoleReady's metrics in it. */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry()
  if (options.processMetrics ?? true) {
    collectDefaultMetrics({ register: registry })
    for (const name of MISNAMED_DEFAULTS) registry.removeSingleMetric(name)
  }
  const registers = [registry]
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by method, route template and status code.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: HTTP_BUCKETS,
      registers,
    }),
    dbQueryDuration: new Histogram({
      name: 'db_query_duration_seconds',
      help: 'Database query duration by kind of statement and outcome (ok or error).',
      labelNames: ['operation', 'outcome'],
      buckets: DB_BUCKETS,
      registers,
    }),
    aiOperationDuration: new Histogram({
      name: 'ai_operation_duration_seconds',
      help: 'Duration of AI operations (analysis, suggestions, tailoring, drafts).',
      labelNames: ['operation'],
      buckets: AI_BUCKETS,
      registers,
    }),
    aiCost: new Counter({
      name: 'ai_cost_usd_total',
      help: 'Estimated cost of AI operations in US dollars.',
      labelNames: ['operation'],
      registers,
    }),
    aiTokens: new Counter({
      name: 'ai_tokens_total',
      help: 'Tokens used by AI operations, by kind (prompt or completion).',
      labelNames: ['operation', 'kind'],
      registers,
    }),
    aiRequests: new Counter({
      name: 'ai_requests_total',
      help: 'LLM requests by operation and outcome (ok, invalid_output, timeout, rate_limited, server_error, circuit_open…).',
      labelNames: ['operation', 'outcome'],
      registers,
    }),
    aiCircuitOpen: new Gauge({
      name: 'ai_circuit_open',
      help: '1 while the LLM circuit breaker is open or half-open, else 0.',
      registers,
    }),
    cacheRequests: new Counter({
      name: 'cache_requests_total',
      help: 'Cache lookups by namespace and result.',
      labelNames: ['namespace', 'result'],
      registers,
    }),
    rateLimitRejections: new Counter({
      name: 'rate_limit_rejections_total',
      help: 'Requests refused by a rate limit, by policy.',
      labelNames: ['policy'],
      registers,
    }),
    loadShed: new Counter({
      name: 'http_load_shed_total',
      help: 'Requests refused with 503 because the process was under pressure, by reason.',
      labelNames: ['reason'],
      registers,
    }),
    mcpToolCalls: new Counter({
      name: 'mcp_tool_calls_total',
      help: 'MCP tool calls by tool and outcome (ok, or the problem code of the error).',
      labelNames: ['tool', 'outcome'],
      registers,
    }),
    render: () => registry.metrics(),
    contentType: registry.contentType,
  }
}

/** Maps a statement to a low-cardinality label (never the SQL text, which may carry values). */
export function queryOperation(kind: string): string {
  switch (kind) {
    case 'SelectQueryNode':
      return 'select'
    case 'InsertQueryNode':
      return 'insert'
    case 'UpdateQueryNode':
      return 'update'
    case 'DeleteQueryNode':
      return 'delete'
    case 'MergeQueryNode':
      return 'merge'
    case 'RawNode':
      return 'raw'
    default:
      return 'other'
  }
}
