import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify'
import type { App } from '../../../app.js'
import { acceptOrGenerateRequestId } from '../../../observability/request-context.js'
import { registerProblemHandlers } from '../../plugins/problems.js'
import { Problem } from '../../schemas/problem.js'
import { metricsRoutes } from './metrics.routes.js'

/**
 * The scrape server for METRICS_PORT: GET /metrics from the app's registry, behind the same METRICS_TOKEN check, and
 * nothing else (every other path is a 404 problem). Like `buildServer` it never listens; main.ts listens on
 * HOST:METRICS_PORT and closes it with the public server.
 */
export async function buildMetricsServer(app: App): Promise<FastifyInstance> {
  const server = Fastify({
    loggerInstance: app.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: (request) => acceptOrGenerateRequestId(request.headers['x-request-id']),
    return503OnClosing: true,
  })
  server.decorate('config', app.config)
  server.decorate('observability', app.observability)
  server.decorateRequest('auth', null)
  server.addSchema(Problem)
  registerProblemHandlers(server)
  await server.register(metricsRoutes)
  await server.ready()
  return server
}
