import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { SignedIn } from '../../../domain/accounts/account.service.js'
import { authOf, bearerSecurity, requireAuth, sessionToken } from '../../plugins/auth.js'
import { ChangePasswordBody, LoginBody, RegisterBody, SignedInResponse, toUserResponse } from '../../schemas/account.js'
import { publicRoutes } from '../route-group.js'

export async function authRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = publicRoutes(server, 'auth')
  const { accounts } = app.services
  const { cookieName, cookieSecure } = app.config.auth

  function signIn(reply: FastifyReply, signedIn: SignedIn) {
    reply.setCookie(cookieName, signedIn.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: cookieSecure,
      path: '/',
      expires: signedIn.expiresAt,
    })
    return { user: toUserResponse(signedIn.user), token: signedIn.token, expiresAt: signedIn.expiresAt.toISOString() }
  }

  app.post(
    '/api/auth/register',
    route('Create an account and sign in', { body: RegisterBody, response: { 201: SignedInResponse } }),
    async (request, reply) => {
      const signedIn = await accounts.register(request.body, {
        ip: request.ip,
        previousToken: sessionToken(request, cookieName),
      })
      reply.code(201)
      return signIn(reply, signedIn)
    },
  )

  app.post(
    '/api/auth/login',
    route('Sign in with email and password', { body: LoginBody, response: { 200: SignedInResponse } }),
    async (request, reply) =>
      signIn(
        reply,
        await accounts.login(request.body, { ip: request.ip, previousToken: sessionToken(request, cookieName) }),
      ),
  )

  app.post(
    '/api/auth/logout',
    route(
      'Revoke the current session',
      { security: bearerSecurity, response: { 204: Type.Null() } },
      { onRequest: requireAuth },
    ),
    async (request, reply) => {
      authOf(request)
      const token = sessionToken(request, cookieName)
      if (token) await accounts.logout(token)
      reply.clearCookie(cookieName, { path: '/' })
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/auth/logout-all',
    route(
      'Revoke every session of the signed-in user, on every device',
      { security: bearerSecurity, response: { 204: Type.Null() } },
      { onRequest: requireAuth },
    ),
    async (request, reply) => {
      await accounts.logoutEverywhere(authOf(request).user.id)
      reply.clearCookie(cookieName, { path: '/' })
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/auth/password',
    route(
      'Change the password (needs the current one); ends every other session and returns a new token',
      { security: bearerSecurity, body: ChangePasswordBody, response: { 200: SignedInResponse } },
      { onRequest: requireAuth },
    ),
    async (request, reply) =>
      signIn(reply, await accounts.changePassword(authOf(request), request.body, { ip: request.ip })),
  )
}
