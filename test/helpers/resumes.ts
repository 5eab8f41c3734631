import { createRequire } from 'node:module'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { bearer } from './server.js'

const require = createRequire(import.meta.url)

/** The sample resume published with the JSON Resume schema, plus fields the schema does not name. */
export function sampleResume(): Record<string, unknown> {
  const sample = structuredClone(require('@jsonresume/schema/sample.resume.json')) as Record<string, unknown>
  return {
    ...sample,
    'x-roleready': { highlightColor: '#0a7', sections: ['work', 'skills'], nested: { deep: [1, 2.5, null, true] } },
    basics: { ...(sample.basics as object), pronouns: 'she/her', 'x-linkedin-headline': 'Builder of things' },
  }
}

export function minimalResume(name = 'Ada Lovelace'): Record<string, unknown> {
  return { basics: { name, email: 'ada@example.com' }, work: [{ name: 'Engines Ltd', position: 'Programmer' }] }
}

type Reply = Promise<LightMyRequestResponse>

export interface Client {
  headers: Record<string, string>
  get(url: string, extra?: Record<string, string>): Reply
  post(url: string, payload?: unknown, extra?: Record<string, string>): Reply
  put(url: string, payload: unknown, extra?: Record<string, string>): Reply
  patch(url: string, payload: unknown): Reply
  delete(url: string, extra?: Record<string, string>): Reply
}

/** Small request helpers for one signed-in user. */
export function clientOf(server: FastifyInstance, token: string): Client {
  const headers = bearer(token)
  return {
    headers,
    get: (url, extra = {}) => server.inject({ method: 'GET', url, headers: { ...headers, ...extra } }),
    post: (url, payload, extra = {}) =>
      server.inject({
        method: 'POST',
        url,
        headers: { ...headers, ...extra },
        ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
      }),
    put: (url, payload, extra = {}) =>
      server.inject({
        method: 'PUT',
        url,
        headers: { ...headers, ...extra },
        payload: payload as Record<string, unknown>,
      }),
    patch: (url, payload) =>
      server.inject({ method: 'PATCH', url, headers, payload: payload as Record<string, unknown> }),
    delete: (url, extra = {}) => server.inject({ method: 'DELETE', url, headers: { ...headers, ...extra } }),
  }
}

/** Creates a resume and returns its id. */
export async function createResume(client: Client, body: Record<string, unknown> = {}): Promise<string> {
  const response = await client.post('/api/resumes', { title: 'My resume', content: minimalResume(), ...body })
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`)
  return response.json().id
}
