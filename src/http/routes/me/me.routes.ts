import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { authOf, bearerSecurity, requireAuth } from '../../plugins/auth.js'
import { PatchMeBody, Settings, toUserResponse, User_ } from '../../schemas/account.js'
import { problemResponses } from '../../schemas/problem.js'

export async function meRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const { accounts } = app.services
  app.addHook('onRequest', requireAuth)

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['account'],
        summary: 'The signed-in user',
        security: bearerSecurity,
        response: { 200: User_, ...problemResponses },
      },
    },
    async (request) => toUserResponse(authOf(request).user),
  )

  app.patch(
    '/api/me',
    {
      schema: {
        tags: ['account'],
        summary: 'Change email or display name',
        description:
          'Changing the email needs `currentPassword`, is counted like a sign-in attempt (RATE_LIMITED past the ' +
          'allowance) and ends every other session of the user; the session making the change stays.',
        security: bearerSecurity,
        body: PatchMeBody,
        response: { 200: User_, ...problemResponses },
      },
    },
    async (request) => toUserResponse(await accounts.updateProfile(authOf(request), request.body, { ip: request.ip })),
  )

  app.get(
    '/api/me/settings',
    {
      schema: {
        tags: ['account'],
        summary: 'The signed-in user’s settings (defaults when never saved)',
        security: bearerSecurity,
        response: { 200: Settings, ...problemResponses },
      },
    },
    async (request) => accounts.getSettings(authOf(request).user.id),
  )

  app.put(
    '/api/me/settings',
    {
      schema: {
        tags: ['account'],
        summary: 'Replace the signed-in user’s settings',
        security: bearerSecurity,
        body: Settings,
        response: { 200: Settings, ...problemResponses },
      },
    },
    async (request) => accounts.saveSettings(authOf(request).user.id, request.body),
  )
}
