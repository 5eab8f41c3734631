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
  // The routes of the signed-in user's own session: bearer or cookie, checked before the handler.
  const signedInRoute: typeof route = (summary, schema, extras) =>
    route(summary, { security: bearerSecurity, ...schema }, { onRequest: requireAuth, ...extras })

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

  function signOut(reply: FastifyReply) {
    reply.clearCookie(cookieName, { path: '/' })
    return reply.code(204).send(null)
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
    signedInRoute('Revoke the current session', { response: { 204: Type.Null() } }),
    async (request, reply) => {
      authOf(request)
      const token = sessionToken(request, cookieName)
      if (token) await accounts.logout(token)
      return signOut(reply)
    },
  )

  app.post(
    '/api/auth/logout-all',
    signedInRoute('Revoke every session of the signed-in user, on every device', { response: { 204: Type.Null() } }),
    async (request, reply) => {
      await accounts.logoutEverywhere(authOf(request).user.id)
      return signOut(reply)
    },
  )

  app.post(
    '/api/auth/password',
    signedInRoute('Change the password (needs the current one); ends every other session and returns a new token', {
      body: ChangePasswordBody,
      response: { 200: SignedInResponse },
    }),
    async (request, reply) =>
      signIn(reply, await accounts.changePassword(authOf(request), request.body, { ip: request.ip })),
  )
}
