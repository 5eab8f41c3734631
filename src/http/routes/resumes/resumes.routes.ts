import type { FastifyInstance } from 'fastify'
import { authOf } from '../../plugins/auth.js'
import {
  CreateResumeBody,
  EmptiedTrash,
  ListResumesQuery,
  PatchResumeBody,
  Resume_,
  ResumePage,
  ResumeParams,
  toResumeResponse,
  toResumeSummaryResponse,
} from '../../schemas/resume.js'
import { signedInRoutes } from '../route-group.js'

export async function resumesRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = signedInRoutes(server, 'resumes')
  const { resumes } = app.services

  app.get(
    '/api/resumes',
    route('Your resumes, newest first (or the trash), a page at a time, optionally by tag', {
      querystring: ListResumesQuery,
      response: { 200: ResumePage },
    }),
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
    route(
      'Create a resume (version 1), optionally as tailored from a version of another resume for a job',
      { body: CreateResumeBody, response: { 201: Resume_ } },
      { config: { idempotent: true } },
    ),
    async (request, reply) => {
      const resume = await resumes.create(authOf(request).user.id, request.body)
      reply.code(201).header('location', `/api/resumes/${resume.id}`)
      return toResumeResponse(resume)
    },
  )

  app.get(
    '/api/resumes/:id',
    route('A resume with the content of its head version', { params: ResumeParams, response: { 200: Resume_ } }),
    async (request) => toResumeResponse(await resumes.get(authOf(request).user.id, request.params.id)),
  )

  app.patch(
    '/api/resumes/:id',
    route('Change title, template or tags; new content is committed directly as a new version', {
      params: ResumeParams,
      body: PatchResumeBody,
      response: { 200: Resume_ },
    }),
    async (request) => toResumeResponse(await resumes.update(authOf(request).user.id, request.params.id, request.body)),
  )

  app.delete(
    '/api/resumes/:id',
    route('Move a resume to the trash (restorable for the retention period, 30 days by default)', {
      params: ResumeParams,
      response: { 204: { type: 'null', description: 'Moved to the trash' } },
    }),
    async (request, reply) => {
      await resumes.remove(authOf(request).user.id, request.params.id)
      return reply.code(204).send()
    },
  )

  app.post(
    '/api/resumes/:id/restore',
    route('Bring a resume back from the trash', { params: ResumeParams, response: { 200: Resume_ } }),
    async (request) => toResumeResponse(await resumes.restore(authOf(request).user.id, request.params.id)),
  )

  app.delete(
    '/api/resumes/:id/permanently',
    route('Delete a resume in the trash for good, with its versions and draft (409 RESUME_NOT_IN_TRASH otherwise)', {
      params: ResumeParams,
      response: { 204: { type: 'null', description: 'Deleted for good' } },
    }),
    async (request, reply) => {
      await resumes.deleteForever(authOf(request).user.id, request.params.id)
      return reply.code(204).send()
    },
  )

  app.delete(
    '/api/resumes/trash',
    route('Empty the trash: delete every resume in it for good, with their versions and drafts', {
      response: { 200: EmptiedTrash },
    }),
    async (request) => ({ deleted: await resumes.emptyTrash(authOf(request).user.id) }),
  )

  app.get(
    '/api/resumes/:id/tailored',
    route('The resumes tailored from this one, newest first', { params: ResumeParams, response: { 200: ResumePage } }),
    async (request) => {
      const children = await resumes.listTailored(authOf(request).user.id, request.params.id)
      return { items: children.map((r) => toResumeSummaryResponse(r)), nextCursor: null }
    },
  )
}
