import fastifyCookie from '@fastify/cookie'
import fastifySwagger from '@fastify/swagger'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync, LogController } from 'fastify'
import type { App, Services } from '../app.js'
import type { Config } from '../config/config.js'
import type { Health } from '../observability/health.js'
import type { Observability } from '../observability/observability.js'
import { acceptOrGenerateRequestId } from '../observability/request-context.js'
import { registerDefaultCacheControl } from './plugins/cache-control.js'
import { registerFaultInjection } from './plugins/fault-injection.js'
import { registerIdempotency } from './plugins/idempotency.js'
import { registerInputShapeGuard } from './plugins/input-shape.js'
import { registerObservability, requestChildLogger } from './plugins/observability.js'
import { registerProblemHandlers, sendProblem } from './plugins/problems.js'
import { registerRateLimits } from './plugins/rate-limit.js'
import { applySafetyHeaders, registerSecurity } from './plugins/security.js'
import { DEFAULT_WEB_ROOT, registerWebApp } from './plugins/web-app.js'
import { adminCacheRoutes } from './routes/admin/cache.routes.js'
import { adminRateLimitRoutes } from './routes/admin/rate-limits.routes.js'
import { apiKeyRoutes } from './routes/api-keys/api-keys.routes.js'
import { applicationRoutes } from './routes/applications/applications.routes.js'
import { authRoutes } from './routes/auth/auth.routes.js'
import { docsRoutes } from './routes/docs/docs.routes.js'
import { documentRoutes } from './routes/documents/documents.routes.js'
import { healthRoutes } from './routes/health/health.routes.js'
import { aiDraftRoutes } from './routes/intelligence/ai-draft.routes.js'
import { intelligenceRoutes } from './routes/intelligence/intelligence.routes.js'
import { jobRoutes } from './routes/jobs/jobs.routes.js'
import { mcpRoutes } from './routes/mcp/mcp.routes.js'
import { meRoutes } from './routes/me/me.routes.js'
import { usageRoutes } from './routes/me/usage.routes.js'
import { metricsRoutes } from './routes/metrics/metrics.routes.js'
import { rateLimitRoutes } from './routes/rate-limits/rate-limits.routes.js'
import { draftsRoutes } from './routes/resumes/drafts.routes.js'
import { resumesRoutes } from './routes/resumes/resumes.routes.js'
import { versionsRoutes } from './routes/resumes/versions.routes.js'
import { taskRoutes } from './routes/tasks/tasks.routes.js'
import { templateRoutes } from './routes/templates/templates.routes.js'
import { Settings, User_ } from './schemas/account.js'
import { ApiKey_ } from './schemas/api-key.js'
import { Application_ } from './schemas/application.js'
import { Design_ } from './schemas/design.js'
import { AiDraft_ } from './schemas/intelligence/ai-draft.js'
import { AtsReport_ } from './schemas/intelligence/reports.js'
import { Job_, JobAnalysis_ } from './schemas/job.js'
import { Problem } from './schemas/problem.js'

declare module 'fastify' {
  interface FastifyInstance {
    services: Services
    config: Config
    observability: Observability
    health: Health
  }
}

export const OPENAPI_INFO = {
  title: 'RoleReady API',
  version: '0.1.0',
  description: 'Structured resumes, drafts and versions, job analysis, ATS reports, tailoring and documents.',
}

export interface BuildServerOptions {
  /** Route plugins registered after RoleReady's own (tests use it to mount routes with particular options). */
  readonly routes?: readonly FastifyPluginAsync[]
  /** Folder of the built web app served at `/` (default: dist/web); `false` serves none. */
  readonly webRoot?: string | false
}

/** Builds the HTTP server around finished services. Never listens: tests use `inject()`, main.ts listens. */
export async function buildServer(app: App, options: BuildServerOptions = {}): Promise<FastifyInstance> {
  const server = Fastify({
    loggerInstance: app.logger as FastifyBaseLogger,
    // Completion lines are written by our own onResponse hook, with the route and duration.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: (request) => acceptOrGenerateRequestId(request.headers['x-request-id']),
    childLoggerFactory: requestChildLogger,
    bodyLimit: app.config.bodyLimitBytes,
    trustProxy: app.config.trustProxy,
    return503OnClosing: true,
    // Errors Fastify raises before routing (an undecodable URL) get the same problem+json as the rest.
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id)
      applySafetyHeaders(reply)
      const code = error.code === 'FST_ERR_BAD_URL' ? 'MALFORMED_URL' : 'MALFORMED_BODY'
      return sendProblem(request, reply, code, 'The request could not be parsed.')
    },
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array' } },
  })

  // The API speaks JSON (and multipart where a route says so); plain text is refused with 415.
  server.removeContentTypeParser('text/plain')
  server.decorate('services', app.services)
  server.decorate('config', app.config)
  server.decorate('observability', app.observability)
  server.decorate('health', app.health)
  server.decorateRequest('auth', null)

  // Request ids and context, completion log line, HTTP metrics, load shedding.
  await registerObservability(server, app)

  await server.register(fastifyCookie)
  await registerSecurity(server)
  registerDefaultCacheControl(server)
  await server.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: OPENAPI_INFO,
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer' },
          cookieAuth: { type: 'apiKey', in: 'cookie', name: app.config.auth.cookieName },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  })
  server.addSchema(Problem)
  server.addSchema(User_)
  server.addSchema(Settings)
  server.addSchema(Job_)
  server.addSchema(JobAnalysis_)
  server.addSchema(Application_)
  server.addSchema(AtsReport_)
  server.addSchema(AiDraft_)
  server.addSchema(ApiKey_)
  server.addSchema(Design_)
  registerProblemHandlers(server)
  registerRateLimits(server)
  registerFaultInjection(server, app.config.faultInjection5xxRate)
  registerInputShapeGuard(server, app.config.inputLimits)
  registerIdempotency(server)

  await server.register(healthRoutes)
  // With METRICS_PORT set, /metrics is served only by the scrape server (routes/metrics/metrics.server.ts).
  if (app.config.observability.metricsPort === undefined) await server.register(metricsRoutes)
  await server.register(docsRoutes)
  await server.register(authRoutes)
  await server.register(meRoutes)
  await server.register(usageRoutes)
  await server.register(apiKeyRoutes)
  await server.register(rateLimitRoutes)
  await server.register(adminRateLimitRoutes)
  await server.register(adminCacheRoutes)
  await server.register(resumesRoutes)
  await server.register(draftsRoutes)
  await server.register(versionsRoutes)
  await server.register(jobRoutes)
  await server.register(applicationRoutes)
  await server.register(intelligenceRoutes)
  await server.register(aiDraftRoutes)
  await server.register(templateRoutes)
  await server.register(taskRoutes)
  await server.register(documentRoutes)
  await server.register(mcpRoutes, { version: OPENAPI_INFO.version })
  if (options.webRoot !== false) await registerWebApp(server, options.webRoot ?? DEFAULT_WEB_ROOT)
  for (const routes of options.routes ?? []) await server.register(routes)
  await server.ready()
  return server
}
