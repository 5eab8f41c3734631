import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { authOf, bearerSecurity, requireAuth } from '../../plugins/auth.js'
import { problemResponses } from '../../schemas/problem.js'
import {
  CreateResumeBody,
  ListResumesQuery,
  PatchResumeBody,
  Resume_,
  ResumePage,
  ResumeParams,
  toResumeResponse,
  toResumeSummaryResponse,
} from '../../schemas/resume.js'

const tags = ['resumes']

export async function resumesRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const { resumes } = app.services
  app.addHook('onRequest', requireAuth)

  app.get(
    '/api/resumes',
    {
      schema: {
        tags,
        summary: 'Your resumes, newest first (or the trash), a page at a time, optionally by tag',
        security: bearerSecurity,
        querystring: ListResumesQuery,
        response: { 200: ResumePage, ...problemResponses },
      },
    },
    async (request) => {
      const page = await resumes.list(authOf(request).user.id, request.query)
      return {
        items: page.items.map((r) => toResumeSummaryResponse(r, resumes.purgeAt(r))),
        nextCursor: page.nextCursor ?? null,
      }
    },
  )

  app.post(
    '/api/resumes',
    {
      schema: {
        tags,
        summary: 'Create a resume (version 1), optionally as tailored from a version of another resume for a job',
        security: bearerSecurity,
        body: CreateResumeBody,
        response: { 201: Resume_, ...problemResponses },
      },
    },
    async (request, reply) => {
      const resume = await resumes.create(authOf(request).user.id, request.body)
      reply.code(201).header('location', `/api/resumes/${resume.id}`)
      return toResumeResponse(resume)
    },
  )

  app.get(
    '/api/resumes/:id',
    {
      schema: {
        tags,
        summary: 'A resume with the content of its head version',
        security: bearerSecurity,
        params: ResumeParams,
        response: { 200: Resume_, ...problemResponses },
      },
    },
    async (request) => toResumeResponse(await resumes.get(authOf(request).user.id, request.params.id)),
  )

  app.patch(
    '/api/resumes/:id',
    {
      schema: {
        tags,
        summary: 'Change title, template or tags; new content is committed directly as a new version',
        security: bearerSecurity,
        params: ResumeParams,
        body: PatchResumeBody,
        response: { 200: Resume_, ...problemResponses },
      },
    },
    async (request) => toResumeResponse(await resumes.update(authOf(request).user.id, request.params.id, request.body)),
  )

  app.delete(
    '/api/resumes/:id',
    {
      schema: {
        tags,
        summary: 'Move a resume to the trash (restorable for the retention period, 30 days by default)',
        security: bearerSecurity,
        params: ResumeParams,
        response: { 204: { type: 'null', description: 'Moved to the trash' }, ...problemResponses },
      },
    },
    async (request, reply) => {
      await resumes.remove(authOf(request).user.id, request.params.id)
      return reply.code(204).send()
    },
  )

  app.post(
    '/api/resumes/:id/restore',
    {
      schema: {
        tags,
        summary: 'Bring a resume back from the trash',
        security: bearerSecurity,
        params: ResumeParams,
        response: { 200: Resume_, ...problemResponses },
      },
    },
    async (request) => toResumeResponse(await resumes.restore(authOf(request).user.id, request.params.id)),
  )

  app.get(
    '/api/resumes/:id/tailored',
    {
      schema: {
        tags,
        summary: 'The resumes tailored from this one, newest first',
        security: bearerSecurity,
        params: ResumeParams,
        response: { 200: ResumePage, ...problemResponses },
      },
    },
    async (request) => {
      const children = await resumes.listTailored(authOf(request).user.id, request.params.id)
      return { items: children.map((r) => toResumeSummaryResponse(r)), nextCursor: null }
    },
  )
}
