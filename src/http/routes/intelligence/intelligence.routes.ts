import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authOf, bearerSecurity, requireAuth } from '../../plugins/auth.js'
import {
  AtsReportBody,
  IntelligenceParams,
  Suggestions_,
  SuggestionsBody,
  TailorBody,
  TailorChange,
  toAtsReportResponse,
  toSuggestionsResponse,
} from '../../schemas/job-intelligence.js'
import { problemResponses } from '../../schemas/problem.js'
import { ResumeSummary_, toResumeSummaryResponse } from '../../schemas/resume.js'

export async function intelligenceRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const { intelligence } = app.services
  app.addHook('onRequest', requireAuth)

  app.post(
    '/api/resumes/:id/ats-report',
    {
      schema: {
        tags: ['intelligence'],
        summary: 'Explainable ATS match of the working draft (or a version) against a job posting',
        security: bearerSecurity,
        params: IntelligenceParams,
        body: AtsReportBody,
        response: { 200: Type.Ref('AtsReport'), ...problemResponses },
      },
    },
    async (request) =>
      toAtsReportResponse(await intelligence.atsReport(authOf(request).user.id, request.params.id, request.body)),
  )

  app.post(
    '/api/resumes/:id/suggestions',
    {
      config: { rateLimit: 'ai' },
      schema: {
        tags: ['intelligence'],
        summary: 'Suggestions with the score impact of each patch',
        security: bearerSecurity,
        params: IntelligenceParams,
        body: SuggestionsBody,
        response: { 200: Suggestions_, ...problemResponses },
      },
    },
    async (request) =>
      toSuggestionsResponse(await intelligence.suggestions(authOf(request).user.id, request.params.id, request.body)),
  )

  app.post(
    '/api/resumes/:id/tailor',
    {
      config: { rateLimit: 'ai' },
      schema: {
        tags: ['intelligence'],
        summary: 'Create a resume tailored to a saved job; its working draft holds the tailored content',
        security: bearerSecurity,
        params: IntelligenceParams,
        body: TailorBody,
        response: {
          201: Type.Object(
            { resume: ResumeSummary_, draftEtag: Type.String(), changes: Type.Array(TailorChange) },
            { additionalProperties: false },
          ),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const result = await intelligence.tailor(authOf(request).user.id, request.params.id, request.body)
      reply.code(201).header('location', `/api/resumes/${result.resume.id}`)
      return {
        resume: toResumeSummaryResponse(result.resume),
        draftEtag: result.draftEtag,
        changes: [...result.changes],
      }
    },
  )
}
