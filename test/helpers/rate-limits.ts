import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { parseList } from 'structured-headers'
import { expect } from 'vitest'
import type { App } from '../../src/app.js'
import { authOf, requireAuth } from '../../src/http/plugins/auth.js'

/** Routes that declare each route-level policy, as AI, import and export routes do; `/test/open` needs no session. */
export async function limitedRoutes(server: FastifyInstance): Promise<void> {
  for (const policy of ['ai', 'upload', 'export'] as const) {
    server.post(`/test/${policy}`, { onRequest: requireAuth, config: { rateLimit: policy } }, async (request) => ({
      userId: authOf(request).user.id,
    }))
  }
  server.get('/test/open', async () => ({ ok: true }))
}

export interface PolicyFields {
  q?: number
  w?: number
  r?: number
  t?: number
}

/**
 * `RateLimit-Policy` and `RateLimit` parsed as structured-field lists (RFC 8941) into policy name → parameters.
 * Fails the test when either does not parse or an item is not a string with integer parameters.
 */
export function rateLimitFields(response: LightMyRequestResponse): Map<string, PolicyFields> {
  const fields = new Map<string, PolicyFields>()
  for (const header of ['ratelimit-policy', 'ratelimit']) {
    const raw = response.headers[header]
    expect(typeof raw, `${header} present`).toBe('string')
    for (const [item, params] of parseList(raw as string)) {
      expect(typeof item, `${header} item is a string`).toBe('string')
      const entry = fields.get(item as string) ?? {}
      for (const [key, value] of params) {
        expect(Number.isInteger(value), `${header} ${key} is an integer`).toBe(true)
        entry[key as keyof PolicyFields] = value as number
      }
      fields.set(item as string, entry)
    }
  }
  return fields
}

/** Status code → how many responses had it. */
export function countStatuses(responses: readonly LightMyRequestResponse[]): Record<number, number> {
  const counts: Record<number, number> = {}
  for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1
  return counts
}

/**
 * Stores a user's tier or role directly (there is no API to buy a tier yet) and announces the change as the role
 * command does, so no cached copy of the user outlives it.
 */
export async function setUser(app: App, userId: string, changes: { tier?: string; role?: string }): Promise<void> {
  await app.database.db.updateTable('users').set(changes).where('id', '=', userId).execute()
  app.services.events.emit({ name: 'USER_UPDATED', userId })
}

/** The current value of a counter in the app's metrics registry (0 when absent or never incremented). */
export async function counterValue(app: App, name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = app.observability.metrics.registry.getSingleMetric(name)
  if (!metric) return 0
  const { values } = await metric.get()
  const match = values.find((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val))
  return match?.value ?? 0
}
