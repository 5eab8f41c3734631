import type { IncomingMessage } from 'node:http'
import underPressure from '@fastify/under-pressure'
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify'
import type { Bindings, ChildLoggerOptions } from 'pino'
import type { App } from '../../app.js'
import { DomainError } from '../../domain/errors.js'
import { markRequestBound } from '../../observability/logger.js'
import { acceptCorrelationId, runWithRequestContext } from '../../observability/request-context.js'

/** Routes that answer even under pressure: probes must tell the truth, and metrics show the pressure. */
const NEVER_SHED = new Set(['/api/health', '/api/health/detailed', '/api/health/live', '/api/health/ready', '/metrics'])

/** The route template of a request (`/api/resumes/:id`), never its raw path; `unmatched` for 404s. */
export function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched'
}

/**
 * Fastify's per-request child logger, bound to the request id (and correlation id) and marked so that the
 * context mixin does not repeat them.
 */
export function requestChildLogger(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
  raw: IncomingMessage,
): FastifyBaseLogger {
  const correlationId = acceptCorrelationId(raw.headers['x-correlation-id'])
  return markRequestBound(logger.child(correlationId ? { ...bindings, correlationId } : bindings, options))
}

/**
 * Request ids and context, the completion log line, HTTP metrics and load shedding. Registered first so that
 * every later hook and handler runs inside the request context.
 */
export async function registerObservability(server: FastifyInstance, app: App): Promise<void> {
  const { metrics } = app.observability

  server.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    const correlationId = acceptCorrelationId(request.headers['x-correlation-id'])
    if (correlationId) reply.header('x-correlation-id', correlationId)
    runWithRequestContext({ requestId: request.id, correlationId, userId: undefined }, done)
  })

  // request.log carries userId from requireAuth on (a child logger), so this line has it too.
  server.addHook('onResponse', (request, reply, done) => {
    const route = routeOf(request)
    const seconds = reply.elapsedTime / 1000
    metrics.httpRequestDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      seconds,
    )
    request.log.info(
      {
        method: request.method,
        route,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 100) / 100,
      },
      'request completed',
    )
    done()
  })

  const { maxEventLoopDelayMs, maxHeapUsedBytes, loadShedRetryAfterSeconds } = app.config.observability
  if (maxEventLoopDelayMs > 0 || maxHeapUsedBytes > 0) {
    await server.register(underPressure, {
      maxEventLoopDelay: maxEventLoopDelayMs,
      maxHeapUsedBytes,
      retryAfter: loadShedRetryAfterSeconds,
      // A rejected promise goes to the problem handler: 503 SERVICE_UNAVAILABLE with Retry-After.
      pressureHandler: async (request, _reply, type) => {
        if (NEVER_SHED.has(routeOf(request))) return
        metrics.loadShed.inc({ reason: type })
        throw new DomainError('SERVICE_UNAVAILABLE', 'The service is overloaded; retry later.', {
          extra: { retryAfterSeconds: loadShedRetryAfterSeconds },
        })
      },
    })
  }
}
