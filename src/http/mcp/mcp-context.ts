import type { FastifyBaseLogger } from 'fastify'
import type { Services } from '../../app.js'
import { DomainError } from '../../domain/errors.js'
import type { RoutePolicy } from '../../domain/rate-limits/rate-limit.types.js'
import type { Observability } from '../../observability/observability.js'
import type { ApiKeyAuth } from '../plugins/auth.js'

/** One MCP request's caller: the key's user, what the key may do, and the services the HTTP routes use. */
export interface McpContext {
  readonly services: Services
  readonly auth: ApiKeyAuth
  readonly log: FastifyBaseLogger
  readonly observability: Observability
  /** Logs an unexpected failure once, with its stack, and reports it to error tracking. */
  reportError(error: unknown, tool: string): void
  /** Counts one use of a route policy (analysis, ai, export) against the key's allowance; throws RATE_LIMITED past it. */
  consume(policy: RoutePolicy): Promise<void>
}

export function createMcpContext(
  services: Services,
  auth: ApiKeyAuth,
  log: FastifyBaseLogger,
  observability: Observability,
): McpContext {
  const caller = { kind: 'user', userId: auth.user.id, tier: auth.user.tier, apiKeyId: auth.apiKey.id } as const
  return {
    services,
    auth,
    log,
    observability,
    reportError(error, tool) {
      observability.logError(error, {
        log,
        msg: 'MCP tool failed',
        route: `mcp:${tool}`,
        component: 'mcp',
        userId: auth.user.id,
      })
    },
    async consume(policy) {
      const decision = await services.rateLimits.consume(caller, [policy])
      if (decision.allowed) return
      throw new DomainError(
        'RATE_LIMITED',
        `Too many requests (${policy} limit reached); retry in ${decision.retryAfterSeconds} s.`,
        { extra: { policies: [policy], retryAfterSeconds: decision.retryAfterSeconds } },
      )
    },
  }
}
