import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { CACHE_NAMESPACES, type CacheStats } from '../../../domain/cache/cache.types.js'
import { requireAdmin } from '../../plugins/auth.js'
import { CacheInvalidateBody, CacheStats_ } from '../../schemas/cache.js'
import { signedInRoutes } from '../route-group.js'

const ZERO = { hits: 0, misses: 0, graced: 0, errors: 0, hitRate: 0, missRate: 0 }
const DISABLED: CacheStats = {
  enabled: false,
  tiers: [],
  total: ZERO,
  namespaces: Object.fromEntries(CACHE_NAMESPACES.map((n) => [n, ZERO])) as CacheStats['namespaces'],
}

export async function adminCacheRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = signedInRoutes(server, 'admin')
  const { cache } = app.services
  app.addHook('onRequest', requireAdmin)

  app.get(
    '/api/admin/cache/stats',
    route('Cache hits, misses, graced hits, errors and rates per namespace on this instance (admins only)', {
      response: { 200: CacheStats_ },
    }),
    async () => cache?.getCacheStats() ?? DISABLED,
  )

  app.post(
    '/api/admin/cache/invalidate',
    route('Drop cached entries on every instance: a namespace, a user or a resume (admins only)', {
      body: CacheInvalidateBody,
      response: { 204: Type.Null({ description: 'Dropped.' }) },
    }),
    async (request, reply) => {
      await cache?.invalidate(request.body)
      return reply.code(204).send(null)
    },
  )
}
