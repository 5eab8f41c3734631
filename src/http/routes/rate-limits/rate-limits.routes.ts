import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { bearerSecurity } from '../../plugins/auth.js'
import { rateLimitCaller } from '../../plugins/rate-limit.js'
import { problemResponses } from '../../schemas/problem.js'
import { RateLimitStatus_, toPolicyStatus } from '../../schemas/rate-limit.js'

export async function rateLimitRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const { rateLimits } = app.services

  app.get(
    '/api/rate-limits',
    {
      // Reading the status counts against no policy.
      config: { rateLimit: false },
      schema: {
        tags: ['rate limits'],
        summary: "The caller's rate-limit policies: limit, used, remaining and reset of each, without counting",
        description:
          'Signed in: the user’s policies (tier and custom limits applied); anonymous: the client address’s.',
        security: [...bearerSecurity, {}],
        response: { 200: RateLimitStatus_, ...problemResponses },
      },
    },
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
