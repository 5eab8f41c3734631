import type { FastifyInstance } from 'fastify'
import { authOf } from '../../plugins/auth.js'
import { Usage_ } from '../../schemas/usage.js'
import { signedInRoutes } from '../route-group.js'

export async function usageRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = signedInRoutes(server, 'account')
  const { usage } = app.services

  app.get(
    '/api/me/usage',
    route('How much of each storage quota the signed-in user uses', { response: { 200: Usage_ } }),
    async (request) => usage.get(authOf(request).user.id),
  )
}
