import type { FastifyRequest } from 'fastify'
import { type ApiKeyGrant, type ApiKeyScope, missingScopes } from '../../domain/api-keys/api-key.types.js'
import { DomainError } from '../../domain/errors.js'

const READ: readonly ApiKeyScope[] = ['resumes:read']
const WRITE: readonly ApiKeyScope[] = ['resumes:write']
const JOBS: readonly ApiKeyScope[] = ['jobs']
// A posting (saved, or pasted and then saved) is job data: reading a resume against one needs both scopes.
const READ_WITH_POSTING: readonly ApiKeyScope[] = ['resumes:read', 'jobs']

/**
 * The scopes a personal API key needs for each signed-in route, by `METHOD route-template`. A route absent here
 * (the account, password, API keys themselves, admin, and any route added later until it is listed) is refused to
 * keys with API_KEY_NOT_ALLOWED: what a program may do is stated, never assumed.
 */
export const API_KEY_ROUTE_SCOPES: Readonly<Record<string, readonly ApiKeyScope[]>> = {
  'GET /api/me': [],
  'GET /api/me/usage': [],
  'GET /api/resumes': READ,
  'POST /api/resumes': WRITE,
  'GET /api/resumes/:id': READ,
  'PATCH /api/resumes/:id': WRITE,
  'DELETE /api/resumes/:id': WRITE,
  'POST /api/resumes/:id/restore': WRITE,
  'DELETE /api/resumes/:id/permanently': WRITE,
  'DELETE /api/resumes/trash': WRITE,
  'GET /api/resumes/:id/tailored': READ,
  'GET /api/resumes/:id/draft': READ,
  'PUT /api/resumes/:id/draft': WRITE,
  'DELETE /api/resumes/:id/draft': WRITE,
  'POST /api/resumes/:id/draft/commit': WRITE,
  'GET /api/resumes/:id/versions': READ,
  'GET /api/resumes/:id/versions/:number': READ,
  'POST /api/resumes/:id/versions/:number/restore': WRITE,
  'GET /api/resumes/:id/diff': READ,
  'GET /api/jobs': JOBS,
  'POST /api/jobs': JOBS,
  'GET /api/jobs/:id': JOBS,
  'DELETE /api/jobs/:id': JOBS,
  'GET /api/jobs/:id/analysis': JOBS,
  // Applications are job-search data like saved postings (linking a resume needs only its id).
  'GET /api/applications': JOBS,
  'GET /api/applications/export.csv': JOBS,
  'POST /api/applications': JOBS,
  'GET /api/applications/:id': JOBS,
  'PATCH /api/applications/:id': JOBS,
  'DELETE /api/applications/:id': JOBS,
  'POST /api/resumes/:id/ats-report': READ_WITH_POSTING,
  'POST /api/resumes/:id/suggestions': READ_WITH_POSTING,
  'POST /api/resumes/:id/ai-draft': READ_WITH_POSTING,
  'POST /api/resumes/:id/tailor': ['resumes:write', 'jobs'],
  'GET /api/resumes/:id/export': ['resumes:read', 'documents'],
  'GET /api/resumes/:id/preview': READ,
  'POST /api/resumes/import': ['resumes:write', 'documents'],
  'GET /api/tasks/:id': ['documents'],
}

/** Throws API_KEY_SCOPE_MISSING when the grant lacks one of `required` (listing the missing ones). */
export function assertScopes(grant: ApiKeyGrant, required: readonly ApiKeyScope[]): void {
  const missing = missingScopes(grant, required)
  if (missing.length === 0) return
  throw new DomainError('API_KEY_SCOPE_MISSING', `This API key lacks the scope ${missing.join(', ')}.`, {
    extra: { requiredScopes: missing },
  })
}

/** Refuses a key on a route it may not use: API_KEY_NOT_ALLOWED for unlisted routes, else the scope check. */
export function assertRouteAllowsKey(request: FastifyRequest, grant: ApiKeyGrant): void {
  const required = API_KEY_ROUTE_SCOPES[`${request.method} ${request.routeOptions.url ?? ''}`]
  if (required === undefined) {
    throw new DomainError('API_KEY_NOT_ALLOWED', 'This route needs a signed-in session; API keys cannot use it.')
  }
  assertScopes(grant, required)
}
