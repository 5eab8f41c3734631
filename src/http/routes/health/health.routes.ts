import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { DomainError } from '../../../domain/errors.js'
import { healthHttpStatus } from '../../../observability/health.js'
import { HealthReport, HealthSummary, Readiness } from '../../schemas/health.js'
import { ProblemRef } from '../../schemas/problem.js'
import { publicRoutes } from '../route-group.js'

export async function healthRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = publicRoutes(server, 'health')
  const { health } = app

  app.get(
    '/api/health',
    route('Service summary: dependencies (probed at most once a second), memory, uptime, version', {
      response: { 200: HealthSummary, 503: Type.Union([HealthSummary, ProblemRef]) },
    }),
    async (_request, reply) => {
      const summary = await health.summary()
      return reply.code(summary.status === 'ok' ? 200 : 503).send(summary)
    },
  )

  app.get(
    '/api/health/detailed',
    route('Detailed health (application/health+json): pass/warn 200, fail 503', {
      response: { 200: HealthReport, 503: Type.Union([HealthReport, ProblemRef]) },
    }),
    async (_request, reply) => {
      const report = await health.detailed()
      return reply
        .code(healthHttpStatus(report.status))
        .header('cache-control', 'no-store')
        .type('application/health+json')
        .send(report)
    },
  )

  app.get(
    '/api/health/ready',
    route('Readiness: 503 while shutting down or when a required dependency is down', { response: { 200: Readiness } }),
    async () => {
      const { ready, reasons } = await health.readiness()
      if (!ready) {
        throw new DomainError('SERVICE_UNAVAILABLE', `Not ready: ${reasons.join(', ')}.`, {
          extra: { retryAfterSeconds: 5 },
        })
      }
      return { status: 'ready' as const }
    },
  )

  app.get(
    '/api/health/live',
    {
      // Liveness states no problem responses: it answers 200 or not at all.
      schema: {
        tags: ['health'],
        summary: 'Liveness: 200 while the process runs (never checks dependencies)',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  )
}
