import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AuthContext } from '../../domain/accounts/account.types.js'
import { type ApiKeyGrant, looksLikeApiKey } from '../../domain/api-keys/api-key.types.js'
import { DomainError } from '../../domain/errors.js'
import { getRequestContext } from '../../observability/request-context.js'
import { assertRouteAllowsKey } from './api-key-scopes.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireAuth` on routes that need a signed-in user. */
    auth: AuthContext | null
  }
}

/** A caller that authenticated with a personal API key. */
export type ApiKeyAuth = AuthContext & { readonly apiKey: ApiKeyGrant }

const TOKEN = /^[A-Za-z0-9_-]{16,256}$/
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The value of `Authorization: Bearer …`, whatever it is, or undefined. */
function bearerValue(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  return header === undefined ? undefined : /^Bearer (\S+)$/.exec(header)?.[1]
}

/**
 * The session token from `Authorization: Bearer …` or, failing that, the session cookie. A personal API key is
 * never a session token, in the header or (where no browser would put it) in the cookie.
 */
export function sessionToken(request: FastifyRequest, cookieName: string): string | undefined {
  if (request.headers.authorization !== undefined) {
    const value = bearerValue(request)
    return value && TOKEN.test(value) && !looksLikeApiKey(value) ? value : undefined
  }
  const cookie = request.cookies[cookieName]
  return cookie && TOKEN.test(cookie) && !looksLikeApiKey(cookie) ? cookie : undefined
}

/** The personal API key from `Authorization: Bearer rr_live_…`; keys are only ever read from this header. */
export function apiKeySecret(request: FastifyRequest): string | undefined {
  const value = bearerValue(request)
  return value && looksLikeApiKey(value) ? value : undefined
}

/**
 * Resolves the request's API key (once per request: the rate-limit hook may have done it) and binds the caller to
 * the request's logger and context; throws UNAUTHENTICATED for an unknown, expired or revoked key.
 */
export async function authenticateApiKey(request: FastifyRequest, secret: string): Promise<ApiKeyAuth> {
  if (request.auth?.apiKey) return { user: request.auth.user, apiKey: request.auth.apiKey }
  const { key, user } = await request.server.services.apiKeys.authenticate(secret)
  const auth = { user, apiKey: { id: key.id, scopes: key.scopes } }
  request.auth = auth
  bindCaller(request, auth)
  return auth
}

/** Every later log line of the request names the user (and the key, never its secret). */
function bindCaller(request: FastifyRequest, auth: AuthContext): void {
  request.log = request.log.child(
    auth.apiKey ? { userId: auth.user.id, apiKeyId: auth.apiKey.id } : { userId: auth.user.id },
  )
  const context = getRequestContext()
  if (context) context.userId = auth.user.id
}

/**
 * CSRF defence for cookie-authenticated writes (on top of SameSite=Lax): the browser's Origin (or Referer) must be
 * the service's own origin or an allowed one. Bearer-token requests are not sent by browsers on their own.
 */
function checkCsrf(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method) || request.headers.authorization !== undefined) return
  if (request.headers['sec-fetch-site'] === 'cross-site') throw csrfRejected()
  const source = request.headers.origin ?? request.headers.referer
  if (source === undefined) throw csrfRejected()
  let origin: string
  try {
    origin = new URL(source).origin
  } catch {
    throw csrfRejected()
  }
  if (origin !== ownOrigin(request) && !request.server.config.corsOrigins.includes(origin)) throw csrfRejected()
}

function ownOrigin(request: FastifyRequest): string | undefined {
  try {
    return new URL(`${request.protocol}://${request.host}`).origin
  } catch {
    return undefined
  }
}

function csrfRejected(): DomainError {
  return new DomainError('CSRF_REJECTED', 'Cookie-authenticated writes must come from an allowed origin.')
}

/** Auth context of a request that went through `requireAuth`. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new DomainError('UNAUTHENTICATED', 'Sign in to use this route.')
  return request.auth
}

/**
 * onRequest hook: resolves the session or personal API key, or answers 401 UNAUTHENTICATED (403 CSRF_REJECTED for
 * cross-site cookie writes). A key is held to the routes and scopes it may use (403 API_KEY_NOT_ALLOWED or
 * API_KEY_SCOPE_MISSING) and never goes through the cookie or CSRF path.
 */
export async function requireAuth(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const secret = apiKeySecret(request)
  if (secret !== undefined) {
    const auth = await authenticateApiKey(request, secret)
    assertRouteAllowsKey(request, auth.apiKey)
    return
  }
  const token = sessionToken(request, request.server.config.auth.cookieName)
  if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in to use this route.')
  checkCsrf(request)
  // The rate-limit hook may already have resolved this token's session.
  const auth = request.auth ?? (await request.server.services.accounts.authenticate(token))
  request.auth = auth
  bindCaller(request, auth)
}

/** onRequest hook of the MCP server: only a personal API key gets in (401 UNAUTHENTICATED otherwise). */
export async function requireApiKey(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const secret = apiKeySecret(request)
  if (secret === undefined) {
    reply.header('www-authenticate', 'Bearer realm="roleready"')
    throw new DomainError('UNAUTHENTICATED', 'Send a personal API key: Authorization: Bearer rr_live_…')
  }
  await authenticateApiKey(request, secret)
}

/** onRequest hook after `requireAuth`: answers 403 FORBIDDEN unless the user's stored role is admin. */
export async function requireAdmin(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (authOf(request).user.role !== 'admin') throw new DomainError('FORBIDDEN', 'Only administrators may do this.')
}

/** OpenAPI security requirement of routes behind `requireAuth`. */
export const bearerSecurity: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { cookieAuth: [] }]
