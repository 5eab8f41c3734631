import { Readable } from 'node:stream'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { getRequestContext } from '../../../observability/request-context.js'
import { authOf } from '../../plugins/auth.js'
import { DeleteMeBody, PatchMeBody, Settings, toUserResponse, User_ } from '../../schemas/account.js'
import { signedInRoutes } from '../route-group.js'

export async function meRoutes(server: FastifyInstance): Promise<void> {
  const { app, route } = signedInRoutes(server, 'account')
  const { accounts, dataExport } = app.services
  const { cookieName } = app.config.auth

  app.get('/api/me', route('The signed-in user', { response: { 200: User_ } }), async (request) =>
    toUserResponse(authOf(request).user),
  )

  app.patch(
    '/api/me',
    route('Change email or display name', {
      description:
        'Changing the email needs `currentPassword`, is counted like a sign-in attempt (RATE_LIMITED past the ' +
        'allowance) and ends every other session of the user; the session making the change stays.',
      body: PatchMeBody,
      response: { 200: User_ },
    }),
    async (request) => toUserResponse(await accounts.updateProfile(authOf(request), request.body, { ip: request.ip })),
  )

  app.get(
    '/api/me/settings',
    route('The signed-in user’s settings (defaults when never saved)', { response: { 200: Settings } }),
    async (request) => accounts.getSettings(authOf(request).user.id),
  )

  app.put(
    '/api/me/settings',
    route('Replace the signed-in user’s settings', { body: Settings, response: { 200: Settings } }),
    async (request) => accounts.saveSettings(authOf(request).user.id, request.body),
  )

  app.get(
    '/api/me/export',
    route(
      'Download everything stored for the signed-in user as one ZIP archive',
      {
        description:
          'account.json, settings.json, api-keys.json (no secrets), jobs.json and, for every resume (the trash ' +
          'included), resume.json, versions/<n>.json, draft.json and json-resume.json (the current content); ' +
          'README.txt in the archive describes each file. Counts against the `export` policy.',
        produces: ['application/zip'],
        response: { 200: Type.String({ format: 'binary' }) },
      },
      { config: { rateLimit: 'export' } },
    ),
    async (request, reply) => {
      const exported = await dataExport.export(authOf(request).user.id)
      const body = Readable.from(exported.body, { objectMode: false })
      body.on('error', (error) => request.log.error({ err: error }, 'data export failed part way'))
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${exported.fileName}"`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(body)
    },
  )

  app.delete(
    '/api/me',
    route('Delete the account and everything stored for it', {
      description:
        'Needs `currentPassword` (counted like a sign-in attempt: RATE_LIMITED past the allowance). Removes ' +
        'the user’s resumes with their versions and drafts, saved jobs, settings, API keys, custom limits, ' +
        'sessions on every device, cached copies, background tasks and rate-limit counters; the token used ' +
        'here answers 401 from then on. Cannot be undone: download GET /api/me/export first.',
      body: DeleteMeBody,
      response: { 204: Type.Null() },
    }),
    async (request, reply) => {
      const removed = await accounts.deleteAccount(authOf(request), request.body, { ip: request.ip })
      // The user is gone: lines written from here on name nobody. The audit line carries the request id (which ties
      // it to the request's own lines) and counts, never the user's id or email.
      const context = getRequestContext()
      if (context) context.userId = undefined
      app.log.info({ audit: 'account_deleted', requestId: request.id, removed }, 'account deleted')
      reply.clearCookie(cookieName, { path: '/' })
      return reply.code(204).send(null)
    },
  )
}
