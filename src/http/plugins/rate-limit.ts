import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DomainError } from '../../domain/errors.js'
import {
  type PolicyName,
  type PolicyState,
  type RateLimitCaller,
  ROUTE_POLICIES,
  type RoutePolicy,
} from '../../domain/rate-limits/rate-limit.types.js'
import { apiKeySecret, authenticateApiKey, sessionToken } from './auth.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Rate-limit policies of the route on top of `global` and `user`: `'analysis'`, `'upload'`, `'export'` (or a
     * list), or `false` for a route no policy counts (status and probe routes). `'ai'` is counted by the handler,
     * with `countPolicy`, only when the request is about to call the configured LLM.
     */
    rateLimit?: RoutePolicy | readonly RoutePolicy[] | false
    /**
     * Which paths of the route are files of the web app: those count only against the deployment-wide `global`
     * policy, never against a caller's `user` allowance (loading the page must not spend the API budget), and need
     * no session lookup. Other paths the route answers (an unknown `/api/…` path) count as any request does.
     */
    staticFile?: (path: string) => boolean
  }
  interface FastifyRequest {
    /** The rate-limit policies counted for this request so far, in the order they were counted. */
    rateLimitStates: PolicyState[] | null
  }
}

/** Probes and the metrics scrape are never limited: an orchestrator or Prometheus must always get through. */
function isExemptPath(path: string): boolean {
  return path === '/metrics' || path === '/api/health' || path.startsWith('/api/health/')
}

function pathOf(request: FastifyRequest): string {
  const query = request.url.indexOf('?')
  return query === -1 ? request.url : request.url.slice(0, query)
}

function isExempt(request: FastifyRequest): boolean {
  if (!request.server.config.rateLimits.enabled) return true
  if (request.routeOptions.config?.rateLimit === false) return true
  return isExemptPath(pathOf(request))
}

function routePoliciesOf(request: FastifyRequest): RoutePolicy[] {
  const declared = request.routeOptions.config?.rateLimit
  if (declared === undefined || declared === false) return []
  const list = typeof declared === 'string' ? [declared] : declared
  return ROUTE_POLICIES.filter((name) => list.includes(name))
}

/**
 * Who the request counts against: the signed-in user when the request carries a valid session, or that user's key
 * when it carries a valid personal API key (either is kept on the request, so `requireAuth` does not look it up
 * again), else the client address (`request.ip`, which honours
 * X-Forwarded-For only when TRUST_PROXY is set).
 */
export async function rateLimitCaller(request: FastifyRequest): Promise<RateLimitCaller> {
  const secret = apiKeySecret(request)
  if (!request.auth && secret !== undefined) {
    try {
      await authenticateApiKey(request, secret)
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'UNAUTHENTICATED')) throw error
    }
  } else if (!request.auth) {
    const token = sessionToken(request, request.server.config.auth.cookieName)
    if (token) {
      try {
        request.auth = await request.server.services.accounts.authenticate(token)
      } catch (error) {
        // An unknown or expired session is simply anonymous here; routes that need a session answer 401 themselves.
        if (!(error instanceof DomainError && error.code === 'UNAUTHENTICATED')) throw error
      }
    }
  }
  const user = request.auth?.user
  if (!user) return { kind: 'anonymous', ip: request.ip }
  // Each key has an allowance of its own, on the same tier and custom limits as its user.
  const apiKeyId = request.auth?.apiKey?.id
  return { kind: 'user', userId: user.id, tier: user.tier, ...(apiKeyId !== undefined && { apiKeyId }) }
}

/** `RateLimit-Policy` and `RateLimit` as draft-ietf-httpapi-ratelimit-headers structured-field lists. */
export function rateLimitHeaders(states: readonly PolicyState[]): { policy: string; limit: string } {
  return {
    policy: states.map((s) => `"${s.name}";q=${s.limit};w=${s.windowSeconds}`).join(', '),
    limit: states.map((s) => `"${s.name}";r=${s.remaining};t=${s.resetSeconds}`).join(', '),
  }
}

async function enforce(
  request: FastifyRequest,
  reply: FastifyReply,
  caller: RateLimitCaller,
  names: readonly PolicyName[],
): Promise<void> {
  const decision = await request.server.services.rateLimits.consume(caller, names)
  const states = [...(request.rateLimitStates ?? []), ...decision.policies]
  request.rateLimitStates = states
  const headers = rateLimitHeaders(states)
  reply.header('ratelimit-policy', headers.policy).header('ratelimit', headers.limit)
  if (decision.allowed) return
  const violated = decision.violated.map((s) => s.name)
  const retryAt = new Date(Date.now() + decision.retryAfterSeconds * 1000).toISOString()
  throw new DomainError(
    'RATE_LIMITED',
    `Too many requests (${violated.join(', ')} limit reached); retry in ${decision.retryAfterSeconds} s.`,
    { extra: { policies: violated, retryAfterSeconds: decision.retryAfterSeconds, retryAt } },
  )
}

/**
 * Counts the request once more, against one policy a handler found it needs (`ai` when it is about to call the
 * LLM), and adds that policy to the RateLimit headers; throws RATE_LIMITED past it. Does nothing when limits are off.
 */
export async function countPolicy(request: FastifyRequest, reply: FastifyReply, name: RoutePolicy): Promise<void> {
  if (isExempt(request)) return
  await enforce(request, reply, await rateLimitCaller(request), [name])
}

/** onRequest hook: counts the request against the deployment-wide `global` policy; 429 RATE_LIMITED past it. */
export async function globalRateLimit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (isExempt(request)) return
  await enforce(request, reply, { kind: 'anonymous', ip: request.ip }, ['global'])
}

/**
 * onRequest hook: counts the request against the caller's `user` policy and the route's own policies (`analysis`,
 * `upload`, `export`), each scaled by the caller's tier or replaced by a custom limit; 429 RATE_LIMITED past any of them.
 */
export async function perUserRateLimit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (isExempt(request)) return
  await enforce(request, reply, await rateLimitCaller(request), ['user', ...routePoliciesOf(request)])
}

/**
 * onRequest hook doing `globalRateLimit` and `perUserRateLimit` in one pass: every policy is counted at once (one
 * round of counter calls, one pair of headers), which keeps the limiter's cost per request low.
 */
export async function rateLimit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (isExempt(request)) return
  if (request.routeOptions.config?.staticFile?.(pathOf(request))) {
    await enforce(request, reply, { kind: 'anonymous', ip: request.ip }, ['global'])
    return
  }
  await enforce(request, reply, await rateLimitCaller(request), ['global', 'user', ...routePoliciesOf(request)])
}

/** Counts every request (but probes and metrics) against the global, per-user and route policies. */
export function registerRateLimits(server: FastifyInstance): void {
  server.decorateRequest('rateLimitStates', null)
  server.addHook('onRequest', rateLimit)
}
