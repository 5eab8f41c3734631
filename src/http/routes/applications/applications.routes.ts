import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { applicationEtag } from '../../../domain/applications/application.service.js'
import type { Application } from '../../../domain/applications/application.types.js'
import { isDomainError } from '../../../domain/errors.js'
import { authOf } from '../../plugins/auth.js'
import {
  ApplicationIdParams,
  ApplicationList,
  CreateApplicationBody,
  ExportApplicationsQuery,
  ListApplicationsQuery,
  toApplicationResponse,
  UpdateApplicationBody,
} from '../../schemas/application.js'
import { IfMatchHeaders } from '../../schemas/resume.js'
import { parseIfMatch } from '../resumes/drafts.routes.js'
import { signedInRoutes } from '../route-group.js'

const quote = (etag: string) => `"${etag}"`

/** The list filters as the service takes them. */
function filtersOf(query: { status?: string[]; q?: string; deadlineBefore?: string }) {
  return {
    statuses: query.status as Application['status'][] | undefined,
    q: query.q,
    deadlineBefore: query.deadlineBefore === undefined ? undefined : new Date(query.deadlineBefore),
  }
}

/** Sends the application with its ETag. */
function withEtag(reply: FastifyReply, application: Application) {
  reply.header('etag', quote(applicationEtag(application))).header('cache-control', 'no-store')
  return toApplicationResponse(application)
}

export async function applicationRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = signedInRoutes(server, 'applications')
  const { applications } = app.services

  app.get(
    '/api/applications',
    route('Applications, filtered and sorted (default: most recently changed first)', {
      querystring: ListApplicationsQuery,
      response: { 200: ApplicationList },
    }),
    async (request) => {
      const { cursor, limit, sort } = request.query
      const page = await applications.list(authOf(request).user.id, {
        ...filtersOf(request.query),
        sort,
        cursor,
        limit,
      })
      return {
        items: page.items.map(toApplicationResponse),
        ...(page.nextCursor && { nextCursor: page.nextCursor }),
      }
    },
  )

  app.get(
    '/api/applications/export.csv',
    route('The filtered, sorted list as CSV (cells that would start a spreadsheet formula begin with a quote)', {
      querystring: ExportApplicationsQuery,
      produces: ['text/csv'],
      response: { 200: Type.String({ description: 'RFC 4180 CSV with a header row' }) },
    }),
    async (request, reply) => {
      const csv = await applications.exportCsv(authOf(request).user.id, {
        ...filtersOf(request.query),
        sort: request.query.sort,
      })
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="applications.csv"')
        .header('cache-control', 'no-store')
        .send(csv)
    },
  )

  app.post(
    '/api/applications',
    route(
      'Track an application: a saved job (jobId) or a company and title, the resume sent, a status',
      {
        body: CreateApplicationBody,
        response: { 201: Type.Ref('Application') },
      },
      { config: { idempotent: true } },
    ),
    async (request, reply) => {
      const application = await applications.create(authOf(request).user.id, request.body)
      reply.code(201).header('location', `/api/applications/${application.id}`)
      return withEtag(reply, application)
    },
  )

  app.get(
    '/api/applications/:id',
    route('An application with its status history; the ETag is what PATCH needs in If-Match', {
      params: ApplicationIdParams,
      response: { 200: Type.Ref('Application') },
    }),
    async (request, reply) => withEtag(reply, await applications.get(authOf(request).user.id, request.params.id)),
  )

  app.patch(
    '/api/applications/:id',
    route('Change an application. Needs If-Match with its ETag: 428 without it, 412 when stale', {
      params: ApplicationIdParams,
      headers: IfMatchHeaders,
      body: UpdateApplicationBody,
      response: { 200: Type.Ref('Application') },
    }),
    async (request, reply) => {
      const condition = parseIfMatch(request.headers['if-match'])
      try {
        const updated = await applications.update(authOf(request).user.id, request.params.id, condition, request.body)
        return withEtag(reply, updated)
      } catch (error) {
        // A 412 carries the current ETag in the header as well as in the problem body.
        if (isDomainError(error) && error.code === 'APPLICATION_VERSION_CONFLICT') {
          reply.header('etag', quote(String(error.extra?.etag)))
        }
        throw error
      }
    },
  )

  app.delete(
    '/api/applications/:id',
    route('Delete an application', {
      params: ApplicationIdParams,
      response: { 204: { type: 'null', description: 'Deleted' } },
    }),
    async (request, reply) => {
      await applications.delete(authOf(request).user.id, request.params.id)
      return reply.code(204).send()
    },
  )
}
