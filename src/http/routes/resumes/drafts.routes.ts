import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isDomainError } from '../../../domain/errors.js'
import type { EtagCondition } from '../../../domain/resumes/resume.types.js'
import { authOf } from '../../plugins/auth.js'
import {
  CommitBody,
  Draft_,
  IfMatchHeaders,
  PutDraftBody,
  ResumeParams,
  toDraftResponse,
  toVersionResponse,
  Version_,
} from '../../schemas/resume.js'
import { signedInRoutes } from '../route-group.js'

/** RFC 9110 If-Match: `*` or a list of strong entity tags (weak ones never match a strong comparison). */
export function parseIfMatch(header: string | undefined): EtagCondition | undefined {
  if (header === undefined) return undefined
  const value = header.trim()
  if (value === '*') return '*'
  const quoted = [...value.matchAll(/(W\/)?"([^"]*)"/g)]
  if (quoted.length > 0) return quoted.filter((m) => !m[1]).map((m) => m[2] as string)
  // Lenient: a bare token as some clients send it.
  return value
    .split(',')
    .map((token) => token.trim())
    .filter(Boolean)
}

const quote = (etag: string) => `"${etag}"`

/** preValidation: a POST whose body is optional may come without one; treat that as `{}`. */
export async function emptyBodyAsObject(request: FastifyRequest): Promise<void> {
  request.body ??= {}
}

/** A 412 carries the current ETag in the header as well as in the problem body. */
async function withCurrentEtag<T>(reply: FastifyReply, action: () => Promise<T>): Promise<T> {
  try {
    return await action()
  } catch (error) {
    if (isDomainError(error) && error.code === 'DRAFT_VERSION_CONFLICT' && typeof error.extra?.etag === 'string') {
      reply.header('etag', quote(error.extra.etag))
    }
    throw error
  }
}

export async function draftsRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = signedInRoutes(server, 'drafts')
  const { drafts } = app.services

  app.get(
    '/api/resumes/:id/draft',
    route('The working draft, or the head version when there is none; always with an ETag', {
      params: ResumeParams,
      response: { 200: Draft_ },
    }),
    async (request, reply) => {
      const draft = await drafts.get(authOf(request).user.id, request.params.id)
      reply.header('etag', quote(draft.etag)).header('cache-control', 'no-store')
      return toDraftResponse(draft)
    },
  )

  app.put(
    '/api/resumes/:id/draft',
    route('Autosave the draft. Needs If-Match with the ETag last read: 428 without it, 412 when stale', {
      params: ResumeParams,
      headers: IfMatchHeaders,
      body: PutDraftBody,
      response: { 200: Draft_ },
    }),
    async (request, reply) => {
      const condition = parseIfMatch(request.headers['if-match'])
      const draft = await withCurrentEtag(reply, () =>
        drafts.save(authOf(request).user.id, request.params.id, condition, request.body.content),
      )
      reply.header('etag', quote(draft.etag))
      return toDraftResponse(draft)
    },
  )

  app.delete(
    '/api/resumes/:id/draft',
    route('Discard the draft (If-Match optional; when sent it must match)', {
      params: ResumeParams,
      headers: IfMatchHeaders,
      response: { 204: { type: 'null', description: 'Discarded' } },
    }),
    async (request, reply) => {
      const condition = parseIfMatch(request.headers['if-match'])
      await withCurrentEtag(reply, () => drafts.discard(authOf(request).user.id, request.params.id, condition))
      return reply.code(204).send()
    },
  )

  app.post(
    '/api/resumes/:id/draft/commit',
    route(
      'Commit the draft as the next immutable version (If-Match optional; when sent it must match)',
      { params: ResumeParams, headers: IfMatchHeaders, body: CommitBody, response: { 201: Version_ } },
      { preValidation: emptyBodyAsObject, config: { idempotent: true } },
    ),
    async (request, reply) => {
      const condition = parseIfMatch(request.headers['if-match'])
      const version = await withCurrentEtag(reply, () =>
        drafts.commit(authOf(request).user.id, request.params.id, request.body.message, condition),
      )
      reply.code(201).header('location', `/api/resumes/${request.params.id}/versions/${version.number}`)
      return toVersionResponse(version)
    },
  )
}
