import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authOf, requireAdmin } from '../../plugins/auth.js'
import { CustomLimitsBody, toUserRateLimitsResponse, UserRateLimits_ } from '../../schemas/rate-limit.js'
import { signedInRoutes } from '../route-group.js'

const UserParams = Type.Object({ id: Type.String({ format: 'uuid' }) })

export async function adminRateLimitRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = signedInRoutes(server, 'admin')
  const { rateLimits } = app.services
  app.addHook('onRequest', requireAdmin)

  app.get(
    '/api/admin/users/:id/rate-limits',
    route("A user's tier, custom rate limits and the limits that apply (admins only)", {
      params: UserParams,
      response: { 200: UserRateLimits_ },
    }),
    async (request) => toUserRateLimitsResponse(await rateLimits.getUserLimits(request.params.id)),
  )

  app.put(
    '/api/admin/users/:id/rate-limits',
    route("Replace a user's custom rate limits (admins only); every instance applies them at the next request", {
      params: UserParams,
      body: CustomLimitsBody,
      response: { 200: UserRateLimits_ },
    }),
    async (request) =>
      toUserRateLimitsResponse(
        await rateLimits.setUserLimits(request.params.id, request.body, authOf(request).user.id),
      ),
  )
}
