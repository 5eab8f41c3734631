import fastifyCors from '@fastify/cors'
import fastifyHelmet from '@fastify/helmet'
import type { FastifyInstance, FastifyReply } from 'fastify'
import helmet from 'helmet'

const HSTS = 'max-age=31536000; includeSubDomains'

const HELMET_OPTIONS = {
  // The API serves JSON; routes that serve HTML set a CSP of their own that fits the page.
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  },
  frameguard: { action: 'deny' as const },
  referrerPolicy: { policy: 'no-referrer' as const },
  hsts: false,
}

const applyHelmet = helmet(HELMET_OPTIONS)

/**
 * The same safety headers for answers Fastify gives before routing (an undecodable URL, a body it cannot parse):
 * the onRequest hook that sets them for every routed request does not run for those.
 */
export function applySafetyHeaders(reply: FastifyReply): void {
  applyHelmet(reply.request.raw, reply.raw, () => {})
}

/**
 * Browser-facing safety headers on every response, CORS for an explicit allow-list only (none by default), and HSTS
 * only when the request arrived over TLS (directly, or through a trusted proxy's X-Forwarded-Proto).
 */
export async function registerSecurity(server: FastifyInstance): Promise<void> {
  await server.register(fastifyHelmet, { global: true, ...HELMET_OPTIONS })
  server.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS)
  })

  const allowed = new Set(server.config.corsOrigins)
  await server.register(fastifyCors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'if-match',
      'if-none-match',
      'idempotency-key',
      'x-request-id',
      'x-correlation-id',
    ],
    exposedHeaders: [
      'x-request-id',
      'x-correlation-id',
      'etag',
      'retry-after',
      'ratelimit',
      'ratelimit-policy',
      'content-disposition',
      'idempotent-replayed',
    ],
    maxAge: 600,
  })
}
