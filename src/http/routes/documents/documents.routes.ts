import fastifyMultipart from '@fastify/multipart'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { IMPORT_TASK } from '../../../domain/documents/import-task.js'
import { DomainError } from '../../../domain/errors.js'
import { authOf } from '../../plugins/auth.js'
import {
  ExportQuery,
  ImportQuery,
  ImportReport_,
  PreviewQuery,
  Task_,
  toExportRequest,
  toPreviewRequest,
  toTaskResponse,
} from '../../schemas/document.js'
import { Draft_, Resume_, ResumeParams, toDraftResponse, toResumeResponse } from '../../schemas/resume.js'
import { signedInRoutes } from '../route-group.js'
import { notModified } from '../templates/http-cache.js'
import { PREVIEW_CSP } from '../templates/templates.routes.js'

/** `attachment` with an ASCII file name and its RFC 5987 form. */
function contentDisposition(fileName: string): string {
  return `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

/** The single uploaded file, read into memory within the import limit. */
async function uploadedFile(request: FastifyRequest, maxBytes: number): Promise<{ bytes: Buffer; name: string }> {
  const tooLarge = () =>
    new DomainError('IMPORT_TOO_LARGE', `The file is larger than ${maxBytes} bytes.`, { extra: { limit: maxBytes } })
  let part: Awaited<ReturnType<FastifyRequest['file']>>
  try {
    part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } })
  } catch (error) {
    throw new DomainError('MALFORMED_BODY', 'The multipart body could not be read.', { cause: error })
  }
  if (!part) throw new DomainError('IMPORT_NO_FILE', 'Send the resume as the one file part of a multipart form.')
  let bytes: Buffer
  try {
    bytes = await part.toBuffer()
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge()
    throw new DomainError('MALFORMED_BODY', 'The multipart body could not be read.', { cause: error })
  }
  if (part.file.truncated) throw tooLarge()
  return { bytes, name: part.filename }
}

export async function documentRoutes(server: FastifyInstance): Promise<void> {
  const maxBytes = server.config.documents.importMaxBytes
  await server.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } })
  const { app, route } = signedInRoutes(server, 'documents')
  const { resumeDocuments, tasks } = app.services

  app.get(
    '/api/resumes/:id/export',
    route(
      'Download a resume as PDF, DOCX, HTML, Markdown, text or JSON Resume, drawn with a template',
      {
        params: ResumeParams,
        querystring: ExportQuery,
        produces: [
          'application/pdf',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'text/html',
          'text/markdown',
          'text/plain',
          'application/json',
        ],
        response: { 200: Type.String({ format: 'binary' }) },
      },
      { config: { rateLimit: 'export' } },
    ),
    async (request, reply) => {
      const { format } = request.query
      const exported = await resumeDocuments.exportResume(
        authOf(request).user.id,
        request.params.id,
        toExportRequest(request.query),
      )
      reply
        .header('content-type', exported.contentType)
        .header('content-disposition', contentDisposition(exported.fileName))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
      if (format === 'html') reply.header('content-security-policy', PREVIEW_CSP)
      return reply.send(Buffer.from(exported.body))
    },
  )

  app.get(
    '/api/resumes/:id/preview',
    route(
      'The working copy drawn as HTML or PDF for the screen, revalidated by ETag',
      {
        description:
          'What the editor shows (the working draft, else the head version) with the resume’s design. The ETag ' +
          'names the draft’s ETag, template, design and format: a request with a current `If-None-Match` answers ' +
          '304 without drawing. Previews count against the `analysis` policy, never against `export`.',
        params: ResumeParams,
        querystring: PreviewQuery,
        produces: ['text/html', 'application/pdf'],
        response: { 200: Type.String({ format: 'binary' }), 304: Type.Null() },
      },
      { config: { rateLimit: 'analysis' } },
    ),
    async (request, reply) => {
      const preview = await resumeDocuments.preview(
        authOf(request).user.id,
        request.params.id,
        toPreviewRequest(request.query),
        (tag) => notModified(request, `"${tag}"`),
      )
      // private: the preview is personal; no-cache: the browser keeps it but asks each time whether it is current.
      reply
        .header('etag', `"${preview.tag}"`)
        .header('cache-control', 'private, no-cache')
        .header('x-content-type-options', 'nosniff')
      if (!preview.document) return reply.code(304).send(null)
      reply.header('content-type', preview.document.contentType).header('content-disposition', 'inline')
      if (preview.document.format === 'html') reply.header('content-security-policy', PREVIEW_CSP)
      return reply.send(Buffer.from(preview.document.body))
    },
  )

  app.post(
    '/api/resumes/import',
    route(
      'Import a PDF, DOCX or JSON Resume file as a new resume whose draft holds the parsed content',
      {
        description:
          'multipart/form-data with one file part. The type is judged by the content, not the name. With ' +
          '`?async=true` the import runs as a background task (202, poll GET /api/tasks/:id).',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: {
          201: Type.Object({ resume: Resume_, draft: Draft_, report: ImportReport_ }, { additionalProperties: false }),
          202: Task_,
        },
      },
      { config: { rateLimit: 'upload' } },
    ),
    async (request, reply) => {
      const ownerId = authOf(request).user.id
      const file = await uploadedFile(request, maxBytes)
      if (request.query.async) {
        const task = await tasks.enqueue({
          kind: IMPORT_TASK,
          ownerId,
          payload: { file: file.bytes.toString('base64'), fileName: file.name },
        })
        reply.code(202).header('location', `/api/tasks/${task.id}`)
        return toTaskResponse(task)
      }
      const { resume, draft, report } = await resumeDocuments.importResume(ownerId, file.bytes, file.name)
      reply.code(201).header('location', `/api/resumes/${resume.id}`)
      return { resume: toResumeResponse(resume), draft: toDraftResponse(draft), report }
    },
  )
}
