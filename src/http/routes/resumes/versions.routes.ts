import type { FastifyInstance } from 'fastify'
import { authOf } from '../../plugins/auth.js'
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
import { signedInRoutes } from '../route-group.js'
import { emptyBodyAsObject } from './drafts.routes.js'

export async function versionsRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = signedInRoutes(server, 'versions')
  const { versions } = app.services

  app.get(
    '/api/resumes/:id/versions',
    route('The committed versions of a resume, newest first, a page at a time', {
      params: ResumeParams,
      querystring: ListVersionsQuery,
      response: { 200: VersionPage },
    }),
    async (request) => {
      const page = await versions.list(authOf(request).user.id, request.params.id, request.query)
      return { items: page.items.map(toVersionSummaryResponse), nextCursor: page.nextCursor ?? null }
    },
  )

  app.get(
    '/api/resumes/:id/versions/:number',
    route('One version with its content', { params: VersionParams, response: { 200: Version_ } }),
    async (request) =>
      toVersionResponse(await versions.get(authOf(request).user.id, request.params.id, request.params.number)),
  )

  app.post(
    '/api/resumes/:id/versions/:number/restore',
    route(
      'Make a new version whose content is this version’s (history is never rewritten)',
      { params: VersionParams, body: CommitBody, response: { 201: Version_ } },
      { preValidation: emptyBodyAsObject, config: { idempotent: true } },
    ),
    async (request, reply) => {
      const { id, number } = request.params
      const version = await versions.restore(authOf(request).user.id, id, number, request.body.message)
      reply.code(201).header('location', `/api/resumes/${id}/versions/${version.number}`)
      return toVersionResponse(version)
    },
  )

  app.get(
    '/api/resumes/:id/diff',
    route('What changed between two versions, as an RFC 6902 JSON Patch', {
      params: ResumeParams,
      querystring: DiffQuery,
      response: { 200: Diff_ },
    }),
    async (request) => {
      const { from, to } = request.query
      return toDiffResponse(await versions.diff(authOf(request).user.id, request.params.id, from, to))
    },
  )
}
