import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { Template_, TemplateIdParams, TemplateList, toTemplateResponse } from '../../schemas/document.js'
import { publicRoutes } from '../route-group.js'
import { CACHE_CONTROL, sendCached } from './http-cache.js'

/** The preview page may use its own inline styles and nothing else: no scripts, no requests, no framing. */
export const PREVIEW_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** Templates are public and the same for everyone, so they are cached for an hour and revalidated by ETag. */
export async function templateRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = publicRoutes(server, 'templates')
  const { templates } = app.services

  app.get(
    '/api/templates',
    route('Built-in templates and installed JSON Resume themes', { response: { 200: TemplateList, 304: Type.Null() } }),
    async (request, reply) => {
      const body = { items: templates.list().map(toTemplateResponse) }
      if (sendCached(request, reply, JSON.stringify(body), CACHE_CONTROL.templates)) return reply
      return body
    },
  )

  app.get(
    '/api/templates/:id',
    route('One template', { params: TemplateIdParams, response: { 200: Template_, 304: Type.Null() } }),
    async (request, reply) => {
      const body = toTemplateResponse(templates.get(request.params.id))
      if (sendCached(request, reply, JSON.stringify(body), CACHE_CONTROL.templates)) return reply
      return body
    },
  )

  app.get(
    '/api/templates/:id/preview',
    route('The template drawn with a sample resume (an HTML page)', {
      params: TemplateIdParams,
      produces: ['text/html'],
      response: { 200: Type.String({ description: 'text/html' }), 304: Type.Null() },
    }),
    async (request, reply) => {
      const html = await templates.preview(request.params.id)
      reply.header('content-security-policy', PREVIEW_CSP).header('x-content-type-options', 'nosniff')
      if (sendCached(request, reply, html, CACHE_CONTROL.templates)) return reply
      return reply.type('text/html; charset=utf-8').send(html)
    },
  )
}
