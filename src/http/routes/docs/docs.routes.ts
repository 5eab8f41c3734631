import type { FastifyInstance } from 'fastify'

export async function docsRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/docs/openapi.json', { schema: { hide: true } }, async () => app.swagger())
}
