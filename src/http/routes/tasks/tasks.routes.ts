import type { FastifyInstance } from 'fastify'
import { authOf } from '../../plugins/auth.js'
import { Task_, TaskIdParams, toTaskResponse } from '../../schemas/document.js'
import { signedInRoutes } from '../route-group.js'

export async function taskRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = signedInRoutes(server, 'tasks')
  const { tasks } = app.services

  app.get(
    '/api/tasks/:id',
    route('A background task of the signed-in user: state, progress, result or error', {
      params: TaskIdParams,
      response: { 200: Task_ },
    }),
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      return toTaskResponse(await tasks.get(authOf(request).user.id, request.params.id))
    },
  )
}
