/**
 * The isolation matrix, generated from the OpenAPI document: for every route that names a resource by id, another
 * user gets 404 on it (never 403, never the data), and the owner's resource is unchanged afterwards. A new route
 * under a new resource prefix needs a fixture below, so it cannot slip in untested.
 */
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { fillPath, type Operation, operationsOf, requiredQuery } from '../helpers/openapi.js'
import { bearer, registerUser, startTestServer } from '../helpers/server.js'
import { unzipText } from '../helpers/unzip.js'

interface Owned {
  /** Path parameters naming the owner's resource. */
  params: Record<string, string>
  /** Everything the owner can read about the resource, compared before and after the intruder's attempts. */
  snapshot(): Promise<unknown>
}

type Fixture = (server: FastifyInstance, ownerToken: string, ownerId: string) => Promise<Owned>

async function read(server: FastifyInstance, token: string, urls: string[]): Promise<unknown> {
  return Promise.all(
    urls.map(async (url) => {
      const response = await server.inject({ method: 'GET', url, headers: bearer(token) })
      return { url, status: response.statusCode, body: response.json() }
    }),
  )
}

const SAMPLE_RESUME = {
  basics: { name: 'Owner Person', email: 'owner@example.com', label: 'Engineer' },
  work: [{ name: 'Acme', position: 'Engineer', startDate: '2020-01-01', highlights: ['Built things'] }],
}

/** One fixture per resource prefix: creates a resource owned by the first user. */
const FIXTURES: Record<string, Fixture> = {
  '/api/resumes/': async (server, token) => {
    const created = await server.inject({
      method: 'POST',
      url: '/api/resumes',
      headers: bearer(token),
      payload: { title: 'Owner resume', content: SAMPLE_RESUME },
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id as string
    const draft = await server.inject({ method: 'GET', url: `/api/resumes/${id}/draft`, headers: bearer(token) })
    await server.inject({
      method: 'PUT',
      url: `/api/resumes/${id}/draft`,
      headers: { ...bearer(token), 'if-match': String(draft.headers.etag) },
      payload: { content: { ...SAMPLE_RESUME, basics: { ...SAMPLE_RESUME.basics, label: 'Draft label' } } },
    })
    const urls = [
      `/api/resumes/${id}`,
      `/api/resumes/${id}/draft`,
      `/api/resumes/${id}/versions`,
      `/api/resumes/${id}/tailored`,
    ]
    return { params: { id, number: '1' }, snapshot: () => read(server, token, urls) }
  },
  '/api/tasks/': async (server, token, ownerId) => {
    // No route creates a bare task; background work is enqueued by features through the task service.
    server.services.tasks.register('isolation-probe', async () => ({ done: true }))
    const task = await server.services.tasks.enqueue({ kind: 'isolation-probe', ownerId, payload: {} })
    // Let it finish first so the snapshot does not move on its own.
    for (let i = 0; i < 100 && (await server.services.tasks.get(ownerId, task.id)).state !== 'succeeded'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    return { params: { id: task.id }, snapshot: () => read(server, token, [`/api/tasks/${task.id}`]) }
  },
  '/api/jobs/': async (server, token) => {
    const created = await server.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: bearer(token),
      payload: {
        title: 'Backend Engineer',
        description: 'We need 5+ years of TypeScript and PostgreSQL. Kubernetes is a plus.',
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id as string
    return { params: { id }, snapshot: () => read(server, token, [`/api/jobs/${id}`, `/api/jobs/${id}/analysis`]) }
  },
  '/api/applications/': async (server, token) => {
    const created = await server.inject({
      method: 'POST',
      url: '/api/applications',
      headers: bearer(token),
      payload: { company: 'Owner Person Ltd', title: 'Engineer', status: 'applied', notes: 'Owner Person notes' },
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id as string
    return {
      params: { id },
      snapshot: () => read(server, token, [`/api/applications/${id}`, '/api/applications']),
    }
  },
  '/api/api-keys/': async (server, token) => {
    const created = await server.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: bearer(token),
      payload: { name: 'Owner key', scopes: ['resumes:read'] },
    })
    expect(created.statusCode, created.body).toBe(201)
    const { id, secret } = created.json() as { id: string; secret: string }
    // Whether the key still works, then its list entry (the use before the list, so lastUsedAt is settled in both).
    return {
      params: { id },
      snapshot: async () => [await read(server, secret, ['/api/me']), await read(server, token, ['/api/api-keys'])],
    }
  },
}

/** A request body that would be accepted if the resource were the caller's, so only ownership can refuse it. */
function plausibleBody(op: Operation): unknown {
  if (!op.hasBody) return undefined
  if (op.path.endsWith('/draft')) return { content: { basics: { name: 'Intruder' } } }
  if (op.path.endsWith('/commit')) return { message: 'intruder commit' }
  if (op.method === 'PATCH') return { title: 'Hijacked' }
  if (op.path.includes('/ats-report') || op.path.includes('/suggestions') || op.path.includes('/tailor')) {
    return { description: 'Intruder posting asking for TypeScript.' }
  }
  return {}
}

describe('isolation matrix', () => {
  it("gives another user 404 on every route that names a user's resource, leaving it unchanged", async () => {
    const { server } = await startTestServer({ REGISTRATIONS_PER_IP_PER_HOUR: '100', RATE_LIMIT_PER_USER: '100000' })
    const owner = await registerUser(server)
    const intruder = await registerUser(server)
    const operations = (await operationsOf(server)).filter(
      (op) => op.secured && op.params.length > 0 && !op.path.startsWith('/api/admin/'),
    )
    const prefixes = Object.keys(FIXTURES)
    const uncovered = operations.filter((op) => !prefixes.some((p) => op.path.startsWith(p)))
    expect(
      uncovered.map((op) => `${op.method} ${op.path}`),
      'routes without an isolation fixture',
    ).toEqual([])

    const checked: string[] = []
    const ownedIds: string[] = [owner.userId]
    for (const prefix of prefixes) {
      const owned = await FIXTURES[prefix]?.(server, owner.token, owner.userId)
      if (!owned) continue
      const before = await owned.snapshot()
      ownedIds.push(...Object.values(owned.params).filter((value) => value.length > 8))
      for (const op of operations.filter((o) => o.path.startsWith(prefix))) {
        const body = plausibleBody(op)
        const response = await server.inject({
          method: op.method as 'GET',
          url: fillPath(op.path, owned.params) + requiredQuery(op),
          headers: { ...bearer(intruder.token), 'if-match': '*' },
          ...(body !== undefined && { payload: body as object }),
        })
        const label = `${op.method} ${op.path} → ${response.statusCode} ${response.body.slice(0, 160)}`
        expect(response.statusCode, label).toBe(404)
        expect(String(response.json().code), label).toMatch(/_NOT_FOUND$/)
        expect(response.body, label).not.toContain('Owner Person')
        checked.push(`${op.method} ${op.path}`)
      }
      expect(await owned.snapshot(), `${prefix} changed by another user`).toEqual(before)
    }
    expect(checked.length).toBe(operations.length)

    // The routes of the caller's own account name no id: the intruder's data export holds nothing of the owner's.
    const exported = await server.inject({ method: 'GET', url: '/api/me/export', headers: bearer(intruder.token) })
    expect(exported.statusCode).toBe(200)
    const archive = [...(await unzipText(exported.rawPayload)).values()].join('\n')
    for (const id of ownedIds) expect(archive, 'owner data in the intruder export').not.toContain(id)
    expect(archive).not.toContain('Owner Person')
  }, 120_000)
})
