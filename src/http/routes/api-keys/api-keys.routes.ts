import type { FastifyInstance } from 'fastify'
import { authOf } from '../../plugins/auth.js'
import {
  ApiKeyIdParams,
  ApiKeyList,
  CreateApiKeyBody,
  CreatedApiKey_,
  toApiKeyResponse,
  toCreatedApiKeyResponse,
} from '../../schemas/api-key.js'
import { signedInRoutes } from '../route-group.js'

/** Personal API keys, managed by a signed-in user (a key can never list, create or revoke keys). */
export async function apiKeyRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = signedInRoutes(server, 'api keys')
  const { apiKeys } = app.services

  app.get(
    '/api/api-keys',
    route('Your personal API keys, newest first (never their secrets)', { response: { 200: ApiKeyList } }),
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      const keys = await apiKeys.list(authOf(request).user.id)
      return { items: keys.map(toApiKeyResponse), nextCursor: null }
    },
  )

  app.post(
    '/api/api-keys',
    route('Create a personal API key; its secret is in this answer and never again', {
      description:
        'Programs send the secret as `Authorization: Bearer rr_live_…`, to the API or to the MCP server at /mcp. ' +
        'Each key is limited to its scopes and has a rate-limit allowance of its own on its user’s tier. Keys are ' +
        'revoked on DELETE, when the password changes and when the account is deleted.',
      body: CreateApiKeyBody,
      response: { 201: CreatedApiKey_ },
    }),
    async (request, reply) => {
      const { expiresAt, ...rest } = request.body
      const created = await apiKeys.create(authOf(request).user.id, {
        ...rest,
        ...(expiresAt !== undefined && { expiresAt: new Date(expiresAt) }),
      })
      reply.code(201).header('location', `/api/api-keys/${created.key.id}`).header('cache-control', 'no-store')
      return toCreatedApiKeyResponse(created)
    },
  )

  app.delete(
    '/api/api-keys/:id',
    route('Revoke a personal API key at once', {
      params: ApiKeyIdParams,
      response: { 204: { type: 'null', description: 'Revoked' } },
    }),
    async (request, reply) => {
      await apiKeys.revoke(authOf(request).user.id, request.params.id)
      return reply.code(204).send()
    },
  )
}
