import type { LogFn, Logger } from 'pino'
import { disabledErrorTracker, type ErrorContext, type ErrorTracker } from './error-tracking.js'
import type { Metrics } from './metrics.js'
import { getCurrentRequestId, getRequestContext } from './request-context.js'

export interface TokenUsage {
  readonly prompt: number
  readonly completion: number
}

/** Any pino-shaped logger (the service logger, Fastify's request.log). */
export interface LogSink {
  readonly error: LogFn
  readonly info: LogFn
}

export interface AIOperationContext extends ErrorContext {
  /** The model that served the call (e.g. gpt-4o-mini, llama3.1). */
  readonly model?: string | undefined
  /** A logger bound to the request; defaults to the service logger (request ids then come from the context). */
  readonly log?: LogSink | undefined
}

/** Logs, metrics and error tracking as one object, built in app.ts and handed to whoever needs it. */
export interface Observability {
  readonly logger: Logger
  readonly metrics: Metrics
  readonly errors: ErrorTracker
  /**
   * Logs an error once, with its stack and the request context, and reports it to error tracking. The one path
   * for unexpected errors: callers do not log them again.
   */
  logError(error: unknown, context?: ErrorContext & { log?: LogSink | undefined; msg?: string }): void
  /** Logs an AI call (operation, duration, cost, tokens), records its metrics and leaves a breadcrumb. */
  logAIOperation(
    operation: string,
    durationMs: number,
    costUsd: number,
    tokens: TokenUsage | number,
    ctx?: AIOperationContext,
  ): void
}

export function createObservability(deps: { logger: Logger; metrics: Metrics; errors?: ErrorTracker }): Observability {
  const { logger, metrics } = deps
  const errors = deps.errors ?? disabledErrorTracker
  return {
    logger,
    metrics,
    errors,
    logError(error, context = {}) {
      const { log, msg, ...errorContext } = context
      const full: ErrorContext = {
        requestId: errorContext.requestId ?? getCurrentRequestId(),
        userId: errorContext.userId ?? getRequestContext()?.userId,
        route: errorContext.route,
        component: errorContext.component,
      }
      ;(log ?? logger).error(
        { err: error, ...(full.route && { route: full.route }), ...(full.component && { component: full.component }) },
        msg ?? 'unexpected error',
      )
      errors.captureException(error, full)
    },
    logAIOperation(operation, durationMs, costUsd, tokens, ctx = {}) {
      const usage = typeof tokens === 'number' ? { prompt: 0, completion: tokens } : tokens
      const total = usage.prompt + usage.completion
      metrics.aiOperationDuration.observe({ operation }, durationMs / 1000)
      if (costUsd > 0) metrics.aiCost.inc({ operation }, costUsd)
      if (usage.prompt > 0) metrics.aiTokens.inc({ operation, kind: 'prompt' }, usage.prompt)
      if (usage.completion > 0) metrics.aiTokens.inc({ operation, kind: 'completion' }, usage.completion)
      const fields = {
        operation,
        durationMs: Math.round(durationMs * 100) / 100,
        costUsd,
        tokens: { prompt: usage.prompt, completion: usage.completion, total },
        ...(ctx.model && { model: ctx.model }),
        ...(ctx.component && { component: ctx.component }),
      }
      ;(ctx.log ?? logger).info(fields, 'ai operation')
      errors.addBreadcrumb({ category: 'ai', message: operation, data: fields })
    },
  }
}
