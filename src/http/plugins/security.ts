import fastifyCors from '@fastify/cors'
import fastifyHelmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * Browser-facing safety headers on every response, CORS for an explicit allow-list only (none by default), and HSTS
 * only when the request arrived over TLS (directly, or through a trusted proxy's X-Forwarded-Proto).
 */
export async function registerSecurity(server: FastifyInstance): Promise<void> {
  await server.register(fastifyHelmet, {
    global: true,
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
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: false,
  })
  server.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS)
  })

  const allowed = new Set(server.config.corsOrigins)
  await server.register(fastifyCors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'if-match', 'if-none-match', 'x-request-id', 'x-correlation-id'],
    exposedHeaders: [
      'x-request-id',
      'x-correlation-id',
      'etag',
      'retry-after',
      'ratelimit',
      'ratelimit-policy',
      'content-disposition',
    ],
    maxAge: 600,
  })
}
