import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authOf, bearerSecurity, requireAdmin, requireAuth } from '../../plugins/auth.js'
import { problemResponses } from '../../schemas/problem.js'
import { CustomLimitsBody, toUserRateLimitsResponse, UserRateLimits_ } from '../../schemas/rate-limit.js'

const UserParams = Type.Object({ id: Type.String({ format: 'uuid' }) })

export async function adminRateLimitRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const { rateLimits } = app.services
  app.addHook('onRequest', requireAuth)
  app.addHook('onRequest', requireAdmin)

  app.get(
    '/api/admin/users/:id/rate-limits',
    {
      schema: {
        tags: ['admin'],
        summary: "A user's tier, custom rate limits and the limits that apply (admins only)",
        security: bearerSecurity,
        params: UserParams,
        response: { 200: UserRateLimits_, ...problemResponses },
      },
    },
    async (request) => toUserRateLimitsResponse(await rateLimits.getUserLimits(request.params.id)),
  )

  app.put(
    '/api/admin/users/:id/rate-limits',
    {
      schema: {
        tags: ['admin'],
        summary: "Replace a user's custom rate limits (admins only); every instance applies them at the next request",
        security: bearerSecurity,
        params: UserParams,
        body: CustomLimitsBody,
        response: { 200: UserRateLimits_, ...problemResponses },
      },
    },
    async (request) =>
      toUserRateLimitsResponse(
        await rateLimits.setUserLimits(request.params.id, request.body, authOf(request).user.id),
      ),
  )
}
