import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { invalidCursor, isCursorInstant } from '../../../domain/resumes/cursor.js'
import { authOf } from '../../plugins/auth.js'
import {
  CreateJobBody,
  JobIdParams,
  JobList,
  ListJobsQuery,
  toJobAnalysisResponse,
  toJobResponse,
} from '../../schemas/job.js'
import { signedInRoutes } from '../route-group.js'

/**
 * A jobs cursor is `<createdAt ISO>|<id>` in base64url; the service checks its form, and here its instant is held
 * to the range a creation time can have, so a forged date such as +275760-09-13 is a 400, not a database error.
 */
function assertJobCursorInstant(cursor: string | undefined): void {
  if (!cursor) return
  const [at] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  if (!isCursorInstant(at)) throw invalidCursor()
}

export async function jobRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = signedInRoutes(server, 'jobs')
  const { jobs } = app.services

  app.get(
    '/api/jobs',
    route('Saved job postings, newest first', { querystring: ListJobsQuery, response: { 200: JobList } }),
    async (request) => {
      assertJobCursorInstant(request.query.cursor)
      const page = await jobs.list(authOf(request).user.id, request.query)
      return { items: page.items.map(toJobResponse), ...(page.nextCursor && { nextCursor: page.nextCursor }) }
    },
  )

  app.post(
    '/api/jobs',
    route(
      'Save a job posting',
      { body: CreateJobBody, response: { 201: Type.Ref('Job') } },
      { config: { idempotent: true } },
    ),
    async (request, reply) => {
      const job = await jobs.create(authOf(request).user.id, request.body)
      reply.code(201).header('location', `/api/jobs/${job.id}`)
      return toJobResponse(job)
    },
  )

  app.get(
    '/api/jobs/:id',
    route('A saved job posting', { params: JobIdParams, response: { 200: Type.Ref('Job') } }),
    async (request) => toJobResponse(await jobs.get(authOf(request).user.id, request.params.id)),
  )

  app.delete(
    '/api/jobs/:id',
    route('Delete a saved job posting', {
      params: JobIdParams,
      response: { 204: { type: 'null', description: 'Deleted' } },
    }),
    async (request, reply) => {
      await jobs.delete(authOf(request).user.id, request.params.id)
      return reply.code(204).send()
    },
  )

  app.get(
    '/api/jobs/:id/analysis',
    route('Deterministic analysis of a saved posting: skills, requirements, weighted keywords', {
      params: JobIdParams,
      response: { 200: Type.Ref('JobAnalysis') },
    }),
    async (request) => toJobAnalysisResponse(await jobs.analysis(authOf(request).user.id, request.params.id)),
  )
}
