import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AuthContext } from '../../domain/accounts/account.types.js'
import { DomainError } from '../../domain/errors.js'
import { getRequestContext } from '../../observability/request-context.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireAuth` on routes that need a signed-in user. */
    auth: AuthContext | null
  }
}

const TOKEN = /^[A-Za-z0-9_-]{16,256}$/
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The session token from `Authorization: Bearer …` or, failing that, the session cookie. */
export function sessionToken(request: FastifyRequest, cookieName: string): string | undefined {
  const header = request.headers.authorization
  if (header !== undefined) {
    const match = /^Bearer (\S+)$/.exec(header)
    return match?.[1] && TOKEN.test(match[1]) ? match[1] : undefined
  }
  const cookie = request.cookies[cookieName]
  return cookie && TOKEN.test(cookie) ? cookie : undefined
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

/** onRequest hook: resolves the session or answers 401 UNAUTHENTICATED (403 CSRF_REJECTED for cross-site writes). */
export async function requireAuth(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const token = sessionToken(request, request.server.config.auth.cookieName)
  if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in to use this route.')
  checkCsrf(request)
  // The rate-limit hook may already have resolved this token's session.
  const auth = request.auth ?? (await request.server.services.accounts.authenticate(token))
  request.auth = auth
  request.log = request.log.child({ userId: auth.user.id })
  const context = getRequestContext()
  if (context) context.userId = auth.user.id
}

/** onRequest hook after `requireAuth`: answers 403 FORBIDDEN unless the user's stored role is admin. */
export async function requireAdmin(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (authOf(request).user.role !== 'admin') throw new DomainError('FORBIDDEN', 'Only administrators may do this.')
}

/** OpenAPI security requirement of routes behind `requireAuth`. */
export const bearerSecurity: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { cookieAuth: [] }]
