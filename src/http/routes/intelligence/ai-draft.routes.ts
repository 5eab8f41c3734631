import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authOf, bearerSecurity, requireAuth } from '../../plugins/auth.js'
import { AiDraftBody, toAiDraftResponse } from '../../schemas/ai-draft.js'
import { IntelligenceParams } from '../../schemas/job-intelligence.js'
import { problemResponses } from '../../schemas/problem.js'

export async function aiDraftRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const { ai } = app.services
  app.addHook('onRequest', requireAuth)

  app.post(
    '/api/resumes/:id/ai-draft',
    {
      config: { rateLimit: 'ai' },
      schema: {
        tags: ['intelligence'],
        summary:
          'Proposed edits to the working draft for a posting, as checked JSON Patch with a reason each (LLM when configured, else deterministic)',
        security: bearerSecurity,
        params: IntelligenceParams,
        body: AiDraftBody,
        response: { 200: Type.Ref('AiDraft'), ...problemResponses },
      },
    },
    async (request) => toAiDraftResponse(await ai.draft(authOf(request).user.id, request.params.id, request.body)),
  )
}
