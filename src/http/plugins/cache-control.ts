import type { FastifyInstance } from 'fastify'

/**
 * API responses are personal and change often: unless a route chose a cache policy of its own (templates: an hour),
 * a response carries `Cache-Control: no-store`, so neither browsers nor shared caches keep it.
 */
export function registerDefaultCacheControl(server: FastifyInstance): void {
  server.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
  })
}
