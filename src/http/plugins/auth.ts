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

/** The session token from `Authorization: Bearer …` or, failing that, the session cookie. */
export function sessionToken(request: FastifyRequest, cookieName: string): string | undefined {
  const header = request.headers.authorization
  if (header !== undefined) {
    const match = /^Bearer ([A-Za-z0-9_-]{16,256})$/.exec(header)
    return match?.[1]
  }
  const cookie = request.cookies[cookieName]
  return cookie && /^[A-Za-z0-9_-]{16,256}$/.test(cookie) ? cookie : undefined
}

/** Auth context of a request that went through `requireAuth`. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new DomainError('UNAUTHENTICATED', 'Sign in to use this route.')
  return request.auth
}

/** onRequest hook: resolves the session or answers 401 UNAUTHENTICATED. */
export async function requireAuth(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const token = sessionToken(request, request.server.config.auth.cookieName)
  if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in to use this route.')
  const auth = await request.server.services.accounts.authenticate(token)
  request.auth = auth
  request.log = request.log.child({ userId: auth.user.id })
  const context = getRequestContext()
  if (context) context.userId = auth.user.id
}

/** OpenAPI security requirement of routes behind `requireAuth`. */
export const bearerSecurity: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { cookieAuth: [] }]
