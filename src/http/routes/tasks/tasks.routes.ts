import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { authOf, bearerSecurity, requireAuth } from '../../plugins/auth.js'
import { Task_, TaskIdParams, toTaskResponse } from '../../schemas/document.js'
import { problemResponses } from '../../schemas/problem.js'

export async function taskRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const { tasks } = app.services
  app.addHook('onRequest', requireAuth)

  app.get(
    '/api/tasks/:id',
    {
      schema: {
        tags: ['tasks'],
        summary: 'A background task of the signed-in user: state, progress, result or error',
        security: bearerSecurity,
        params: TaskIdParams,
        response: { 200: Task_, ...problemResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      return toTaskResponse(await tasks.get(authOf(request).user.id, request.params.id))
    },
  )
}
