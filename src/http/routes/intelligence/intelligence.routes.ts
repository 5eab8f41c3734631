import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authOf } from '../../plugins/auth.js'
import { countPolicy } from '../../plugins/rate-limit.js'
import {
  AtsReportBody,
  IntelligenceParams,
  Suggestions_,
  SuggestionsBody,
  TailorBody,
  TailorChange,
  toAtsReportResponse,
  toSuggestionsResponse,
} from '../../schemas/intelligence/reports.js'
import { ResumeSummary_, toResumeSummaryResponse } from '../../schemas/resume.js'
import { signedInRoutes } from '../route-group.js'

export async function intelligenceRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = signedInRoutes(server, 'intelligence')
  const { intelligence } = app.services

  app.post(
    '/api/resumes/:id/ats-report',
    route(
      'Explainable ATS match of the working draft (or a version) against a job posting',
      { params: IntelligenceParams, body: AtsReportBody, response: { 200: Type.Ref('AtsReport') } },
      { config: { rateLimit: 'analysis' } },
    ),
    async (request) =>
      toAtsReportResponse(await intelligence.atsReport(authOf(request).user.id, request.params.id, request.body)),
  )

  app.post(
    '/api/resumes/:id/suggestions',
    route(
      'Suggestions with the score impact of each patch',
      { params: IntelligenceParams, body: SuggestionsBody, response: { 200: Suggestions_ } },
      // The built-in engine answers under `analysis`; `ai: true` counts against `ai` only when it calls the LLM.
      { config: { rateLimit: 'analysis' } },
    ),
    async (request, reply) =>
      toSuggestionsResponse(
        await intelligence.suggestions(authOf(request).user.id, request.params.id, request.body, {
          admitLlmCall: () => countPolicy(request, reply, 'ai'),
        }),
      ),
  )

  app.post(
    '/api/resumes/:id/tailor',
    route(
      'Create a resume tailored to a saved job; its working draft holds the tailored content',
      {
        params: IntelligenceParams,
        body: TailorBody,
        response: {
          201: Type.Object(
            { resume: ResumeSummary_, draftEtag: Type.String(), changes: Type.Array(TailorChange) },
            { additionalProperties: false },
          ),
        },
      },
      // Tailoring is the built-in engine's work: it never calls the LLM.
      { config: { rateLimit: 'analysis', idempotent: true } },
    ),
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
