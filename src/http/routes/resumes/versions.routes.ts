import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { authOf, bearerSecurity, requireAuth } from '../../plugins/auth.js'
import { problemResponses } from '../../schemas/problem.js'
import {
  CommitBody,
  Diff_,
  DiffQuery,
  ListVersionsQuery,
  ResumeParams,
  toDiffResponse,
  toVersionResponse,
  toVersionSummaryResponse,
  Version_,
  VersionPage,
  VersionParams,
} from '../../schemas/resume.js'
import { emptyBodyAsObject } from './drafts.routes.js'

const tags = ['versions']

export async function versionsRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const { versions } = app.services
  app.addHook('onRequest', requireAuth)

  app.get(
    '/api/resumes/:id/versions',
    {
      schema: {
        tags,
        summary: 'The committed versions of a resume, newest first, a page at a time',
        security: bearerSecurity,
        params: ResumeParams,
        querystring: ListVersionsQuery,
        response: { 200: VersionPage, ...problemResponses },
      },
    },
    async (request) => {
      const page = await versions.list(authOf(request).user.id, request.params.id, request.query)
      return { items: page.items.map(toVersionSummaryResponse), nextCursor: page.nextCursor ?? null }
    },
  )

  app.get(
    '/api/resumes/:id/versions/:number',
    {
      schema: {
        tags,
        summary: 'One version with its content',
        security: bearerSecurity,
        params: VersionParams,
        response: { 200: Version_, ...problemResponses },
      },
    },
    async (request) =>
      toVersionResponse(await versions.get(authOf(request).user.id, request.params.id, request.params.number)),
  )

  app.post(
    '/api/resumes/:id/versions/:number/restore',
    {
      schema: {
        tags,
        summary: 'Make a new version whose content is this version’s (history is never rewritten)',
        security: bearerSecurity,
        params: VersionParams,
        body: CommitBody,
        response: { 201: Version_, ...problemResponses },
      },
      preValidation: emptyBodyAsObject,
    },
    async (request, reply) => {
      const { id, number } = request.params
      const version = await versions.restore(authOf(request).user.id, id, number, request.body.message)
      reply.code(201).header('location', `/api/resumes/${id}/versions/${version.number}`)
      return toVersionResponse(version)
    },
  )

  app.get(
    '/api/resumes/:id/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two versions, as an RFC 6902 JSON Patch',
        security: bearerSecurity,
        params: ResumeParams,
        querystring: DiffQuery,
        response: { 200: Diff_, ...problemResponses },
      },
    },
    async (request) => {
      const { from, to } = request.query
      return toDiffResponse(await versions.diff(authOf(request).user.id, request.params.id, from, to))
    },
  )
}
