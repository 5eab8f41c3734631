import { timingSafeEqual } from 'node:crypto'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { DomainError } from '../../../domain/errors.js'
import { problemResponses } from '../../schemas/problem.js'

function bearerMatches(request: FastifyRequest, token: string): boolean {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')
  if (!match?.[1]) return false
  const given = Buffer.from(match[1])
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** Prometheus scrape endpoint; guarded by METRICS_TOKEN when it is set. */
export async function metricsRoutes(app: FastifyInstance): Promise<void> {
  const { metrics } = app.observability
  const token = app.config.observability.metricsToken

  app.get(
    '/metrics',
    {
      schema: {
        tags: ['observability'],
        summary: 'Prometheus metrics (text exposition format)',
        ...(token && { security: [{ bearerAuth: [] }] }),
        response: { 200: Type.String({ description: 'Prometheus text format 0.0.4' }), ...problemResponses },
      },
    },
    async (request, reply) => {
      if (token && !bearerMatches(request, token)) {
        throw new DomainError('UNAUTHENTICATED', 'GET /metrics needs the metrics bearer token.')
      }
      const body = await metrics.render()
      return reply.header('cache-control', 'no-store').type(metrics.contentType).send(body)
    },
  )
}
