import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authOf } from '../../plugins/auth.js'
import { countPolicy } from '../../plugins/rate-limit.js'
import { AiDraftBody, toAiDraftResponse } from '../../schemas/intelligence/ai-draft.js'
import { IntelligenceParams } from '../../schemas/intelligence/reports.js'
import { signedInRoutes } from '../route-group.js'

export async function aiDraftRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = signedInRoutes(server, 'intelligence')
  const { intelligence } = app.services

  app.post(
    '/api/resumes/:id/ai-draft',
    route(
      'Proposed edits to the working draft for a posting, as checked JSON Patch with a reason each (LLM when configured, else deterministic)',
      { params: IntelligenceParams, body: AiDraftBody, response: { 200: Type.Ref('AiDraft') } },
      // The built-in engine answers under `analysis`; a call to the configured LLM also counts against `ai`.
      { config: { rateLimit: 'analysis' } },
    ),
    async (request, reply) =>
      toAiDraftResponse(
        await intelligence.draft(authOf(request).user.id, request.params.id, request.body, {
          admitLlmCall: () => countPolicy(request, reply, 'ai'),
        }),
      ),
  )
}
