import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { authOf, bearerSecurity, requireAuth } from '../../plugins/auth.js'
import { problemResponses } from '../../schemas/problem.js'
import { Usage_ } from '../../schemas/usage.js'

export async function usageRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const { usage } = app.services
  app.addHook('onRequest', requireAuth)

  app.get(
    '/api/me/usage',
    {
      schema: {
        tags: ['account'],
        summary: 'How much of each storage quota the signed-in user uses',
        security: bearerSecurity,
        response: { 200: Usage_, ...problemResponses },
      },
    },
    async (request) => usage.get(authOf(request).user.id),
  )
}
