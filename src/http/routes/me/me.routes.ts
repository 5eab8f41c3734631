import type { FastifyInstance } from 'fastify'
import { authOf } from '../../plugins/auth.js'
import { PatchMeBody, Settings, toUserResponse, User_ } from '../../schemas/account.js'
import { signedInRoutes } from '../route-group.js'

export async function meRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = signedInRoutes(server, 'account')
  const { accounts } = app.services

  app.get('/api/me', route('The signed-in user', { response: { 200: User_ } }), async (request) =>
    toUserResponse(authOf(request).user),
  )

  app.patch(
    '/api/me',
    route('Change email or display name', {
      description:
        'Changing the email needs `currentPassword`, is counted like a sign-in attempt (RATE_LIMITED past the ' +
        'allowance) and ends every other session of the user; the session making the change stays.',
      body: PatchMeBody,
      response: { 200: User_ },
    }),
    async (request) => toUserResponse(await accounts.updateProfile(authOf(request), request.body, { ip: request.ip })),
  )

  app.get(
    '/api/me/settings',
    route('The signed-in user’s settings (defaults when never saved)', { response: { 200: Settings } }),
    async (request) => accounts.getSettings(authOf(request).user.id),
  )

  app.put(
    '/api/me/settings',
    route('Replace the signed-in user’s settings', { body: Settings, response: { 200: Settings } }),
    async (request) => accounts.saveSettings(authOf(request).user.id, request.body),
  )
}
