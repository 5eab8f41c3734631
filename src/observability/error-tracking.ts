/**
 * Error tracking with Sentry when SENTRY_DSN is set. Without a DSN nothing is loaded and every call is a no-op.
 * Every event, breadcrumb and span goes through the same scrubber as the logs before it leaves the process.
 */
import type { Breadcrumb, NodeOptions } from '@sentry/node'
import { scrubValue } from './redaction.js'

export interface ErrorContext {
  readonly requestId?: string | undefined
  /** The user's id only; never an email or a name. */
  readonly userId?: string | undefined
  /** Route template, e.g. `/api/resumes/:id`. */
  readonly route?: string | undefined
  /** Which part of RoleReady failed: http, queue, cache, ai, startup… */
  readonly component?: string | undefined
}

export interface SentrySettings {
  readonly dsn: string | undefined
  readonly environment: string
  readonly release: string
  readonly tracesSampleRate: number
  readonly profilesSampleRate: number
}

/**
 * The error-tracking port: what the rest of RoleReady may ask of Sentry. The one instance is made by
 * initializeSentry and reached through `observability.errors` (logError reports through it); nothing else talks to
 * Sentry.
 */
export interface ErrorTracker {
  readonly enabled: boolean
  /** Reports an error with its context; returns the event id, or undefined when tracking is off. */
  captureException(error: unknown, context?: ErrorContext): string | undefined
  /** Records a step (an AI call, a cache outage) attached to the next error of the same request. */
  addBreadcrumb(breadcrumb: { category: string; message: string; data?: Record<string, unknown> }): void
  /** Sends queued events; resolves false when the timeout passed first. */
  flush(timeoutMs?: number): Promise<boolean>
  close(timeoutMs?: number): Promise<void>
}

export const disabledErrorTracker: ErrorTracker = {
  enabled: false,
  captureException: () => undefined,
  addBreadcrumb: () => {},
  flush: async () => true,
  close: async () => {},
}

export interface InitializeOptions {
  /** Replaces Sentry's HTTP transport (offline tests capture envelopes with it). */
  transport?: NodeOptions['transport']
}

/**
 * Starts Sentry when a DSN is set and returns the tracker; without a DSN returns the disabled tracker and loads
 * nothing. Tracing and profiling follow their sample rates (0 turns each off).
 */
export async function initializeSentry(
  settings: SentrySettings,
  options: InitializeOptions = {},
): Promise<ErrorTracker> {
  if (!settings.dsn) return disabledErrorTracker
  const Sentry = await import('@sentry/node')
  // Fastify spans stay on; its own error capture is off because logError reports each 5xx once, with requestId,
  // user id and route (and 4xx answers are not errors).
  const integrations: Array<{ name: string }> = [Sentry.fastifyIntegration({ shouldHandleError: () => false })]
  if (settings.profilesSampleRate > 0) {
    const { nodeProfilingIntegration } = await import('@sentry/profiling-node')
    integrations.push(nodeProfilingIntegration())
  }
  Sentry.init({
    dsn: settings.dsn,
    environment: settings.environment,
    release: `roleready@${settings.release}`,
    // Collect no personal data to begin with; the scrubber below is the second line.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: { request: { deny: ['authorization', 'cookie', 'x-api-key'] }, response: { deny: ['set-cookie'] } },
      httpBodies: [],
      genAI: { inputs: false, outputs: false },
      databaseQueryData: false,
      queues: false,
      stackFrameVariables: false,
    },
    tracesSampleRate: settings.tracesSampleRate,
    ...(settings.profilesSampleRate > 0 && {
      profileSessionSampleRate: settings.profilesSampleRate,
      profileLifecycle: 'trace' as const,
    }),
    integrations,
    beforeSend: (event) => scrubValue(event),
    beforeBreadcrumb: (breadcrumb: Breadcrumb) => scrubValue(breadcrumb),
    beforeSendSpan: (span) => scrubValue(span),
    ...(options.transport && { transport: options.transport }),
  })

  return {
    enabled: true,
    captureException(error, context = {}) {
      return Sentry.withScope((scope) => {
        if (context.requestId) scope.setTag('requestId', context.requestId)
        if (context.route) scope.setTag('route', context.route)
        if (context.component) scope.setTag('component', context.component)
        if (context.userId) scope.setUser({ id: context.userId })
        return Sentry.captureException(error)
      })
    },
    addBreadcrumb({ category, message, data }) {
      Sentry.addBreadcrumb({ category, message, level: 'info', ...(data && { data }) })
    },
    flush: (timeoutMs = 2000) => Sentry.flush(timeoutMs),
    async close(timeoutMs = 2000) {
      await Sentry.close(timeoutMs)
    },
  }
}
