import type { FastifyInstance } from 'fastify'
import { bearerSecurity } from '../../plugins/auth.js'
import { rateLimitCaller } from '../../plugins/rate-limit.js'
import { RateLimitStatus_, toPolicyStatus } from '../../schemas/rate-limit.js'
import { publicRoutes } from '../route-group.js'

export async function rateLimitRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = publicRoutes(server, 'rate limits')
  const { rateLimits } = app.services

  app.get(
    '/api/rate-limits',
    route(
      "The caller's rate-limit policies: limit, used, remaining and reset of each, without counting",
      {
        description:
          'Signed in: the user’s policies (tier and custom limits applied); anonymous: the client address’s.',
        security: [...bearerSecurity, {}],
        response: { 200: RateLimitStatus_ },
      },
      // Reading the status counts against no policy.
      { config: { rateLimit: false } },
    ),
    async (request) => {
      const caller = await rateLimitCaller(request)
      const states = await rateLimits.status(caller)
      return {
        caller: caller.kind,
        tier: caller.kind === 'user' ? caller.tier : ('free' as const),
        policies: states.map(toPolicyStatus),
      }
    },
  )
}
