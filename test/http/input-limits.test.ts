/**
 * Input shape limits and bounded parameters over HTTP: every out-of-range number, date, cursor and over-deep,
 * over-long or unstorable JSON (body or imported file) is a 400 VALIDATION_FAILED naming where, never a 500, and
 * nothing is stored.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { describe, expect, it } from 'vitest'
import { TASK_FAILED_MESSAGE } from '../../src/domain/tasks/task.service.js'
import { type Client, clientOf, createResume } from '../helpers/resumes.js'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

// Many requests from one user: the counted limits have their own tests.
const ENV = { RATE_LIMIT_ENABLED: 'false', TASK_BACKOFF_MS: '10', TASK_MAX_ATTEMPTS: '2' }
const UUID = '00000000-0000-4000-8000-000000000000'

const cursorOf = (text: string) => Buffer.from(text, 'utf8').toString('base64url')

/** `depth` arrays, one inside the other, as JSON text. */
const deepArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

/** Asserts a 400 VALIDATION_FAILED whose errors include `pointer`, and returns the errors. */
function invalidAt(response: LightMyRequestResponse, pointer: string): { pointer: string; message: string }[] {
  const problem = problemOf(response, 400, 'VALIDATION_FAILED')
  const errors = problem.errors as { pointer: string; message: string }[]
  expect(errors.map((e) => e.pointer)).toContain(pointer)
  return errors
}

async function signedIn() {
  const { server, app } = await startTestServer(ENV)
  const user = await registerUser(server)
  const client = clientOf(server, user.token)
  const id = await createResume(client)
  return { server, app, user, client, id }
}

function putRaw(server: FastifyInstance, token: string, id: string, etag: string, json: string) {
  return server.inject({
    method: 'PUT',
    url: `/api/resumes/${id}/draft`,
    headers: { ...bearer(token), 'content-type': 'application/json', 'if-match': etag },
    payload: json,
  })
}

function upload(server: FastifyInstance, token: string, file: Buffer, query = '') {
  const boundary = `----rr${Math.random().toString(16).slice(2)}`
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="resume.json"\r\n` +
        'Content-Type: application/json\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return server.inject({
    method: 'POST',
    url: `/api/resumes/import${query}`,
    headers: { ...bearer(token), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  })
}

async function resumeCount(client: Client): Promise<number> {
  return ((await client.get('/api/resumes')).json() as { items: unknown[] }).items.length
}

describe('bounded number, date and cursor parameters', { timeout: 120_000 }, () => {
  it('answers version numbers past int32 with 400 naming the parameter', async () => {
    const { client, id } = await signedIn()
    const exported = await client.get(`/api/resumes/${id}/export?format=json&version=2147483648`)
    invalidAt(exported, '/querystring/version')
    expect((await client.get(`/api/resumes/${id}/export?format=json&version=1`)).statusCode).toBe(200)

    const report = await client.post(`/api/resumes/${id}/ats-report`, { description: 'Go developer', version: 1e20 })
    invalidAt(report, '/body/version')
    invalidAt(await client.get(`/api/resumes/${id}/versions/2147483648`), '/params/number')
    invalidAt(await client.get(`/api/resumes/${id}/diff?from=1&to=2147483648`), '/querystring/to')
  })

  it('answers forged cursors (huge numbers, far-past and far-future dates, unknown fields) with 400 at /querystring/cursor', async () => {
    const { client, id } = await signedIn()
    const versionCursors = [
      JSON.stringify({ n: 1e300 }),
      JSON.stringify({ n: 2147483648 }),
      JSON.stringify({ n: 0 }),
      JSON.stringify({ n: 1, extra: 'x' }),
      JSON.stringify({}),
      'not json',
    ]
    for (const cursor of versionCursors) {
      invalidAt(await client.get(`/api/resumes/${id}/versions?cursor=${cursorOf(cursor)}`), '/querystring/cursor')
    }
    const resumeCursors = [
      { c: '-271821-04-20T00:00:00.000Z', i: UUID },
      { c: '+275760-09-13T00:00:00.000Z', i: UUID },
      { c: '1969-12-31T23:59:59.999Z', i: UUID },
      { c: '2026-02-30T00:00:00.000Z', i: UUID },
      { c: '2026-01-01T00:00:00.000Z', i: 'not-a-uuid' },
    ]
    for (const cursor of resumeCursors) {
      invalidAt(await client.get(`/api/resumes?cursor=${cursorOf(JSON.stringify(cursor))}`), '/querystring/cursor')
    }
    for (const at of ['+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', 'Sat Sep 13 275760']) {
      invalidAt(await client.get(`/api/jobs?cursor=${cursorOf(`${at}|${UUID}`)}`), '/querystring/cursor')
    }
  })

  it('still pages through versions, resumes and jobs with the cursors it issues', async () => {
    const { client, id } = await signedIn()
    await createResume(client, { title: 'Second' })
    await client.patch(`/api/resumes/${id}`, { content: { basics: { name: 'Ada' } } })
    for (const description of ['First posting about Go', 'Second posting about Rust']) {
      expect((await client.post('/api/jobs', { description })).statusCode).toBe(201)
    }
    for (const url of [`/api/resumes/${id}/versions?limit=1`, '/api/resumes?limit=1', '/api/jobs?limit=1']) {
      const first = (await client.get(url)).json() as { items: unknown[]; nextCursor?: string | null }
      expect(first.nextCursor).toEqual(expect.any(String))
      const second = await client.get(`${url}&cursor=${first.nextCursor}`)
      expect(second.statusCode).toBe(200)
      expect((second.json() as { items: unknown[] }).items).toHaveLength(1)
    }
  })
})

describe('input shape limits on JSON bodies', { timeout: 120_000 }, () => {
  it('refuses a draft nested 3,000 and 100,000 deep with 400 and leaves the draft unchanged', async () => {
    const { server, user, client, id } = await signedIn()
    const before = await client.get(`/api/resumes/${id}/draft`)
    const etag = before.headers.etag as string
    for (const depth of [3_000, 100_000]) {
      const response = await putRaw(server, user.token, id, etag, `{"content":{"a":${deepArrays(depth)}}}`)
      const errors = invalidAt(response, `/body/content/a${'/0'.repeat(30)}`)
      expect(errors[0]?.message).toBe('must not nest objects and arrays more than 32 levels deep')
    }
    const deepObject = `{"content":${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}}`
    invalidAt(await putRaw(server, user.token, id, etag, deepObject), `/body/content${'/a'.repeat(31)}`)
    const after = await client.get(`/api/resumes/${id}/draft`)
    expect(after.headers.etag).toBe(etag)
    expect(after.json().content).toEqual(before.json().content)
  })

  it('accepts nesting exactly at INPUT_MAX_DEPTH and refuses one level more', async () => {
    const { server, user, client, id } = await signedIn()
    const etag = (await client.get(`/api/resumes/${id}/draft`)).headers.etag as string
    // The body is level 1 and content level 2: 30 arrays under `a` reach level 32.
    const atLimit = await putRaw(server, user.token, id, etag, `{"content":{"a":${deepArrays(30)}}}`)
    expect(atLimit.statusCode).toBe(200)
    const next = atLimit.headers.etag as string
    const over = await putRaw(server, user.token, id, next, `{"content":{"a":${deepArrays(31)}}}`)
    invalidAt(over, `/body/content/a${'/0'.repeat(30)}`)
    expect((await client.get(`/api/resumes/${id}/draft`)).headers.etag).toBe(next)
  })

  it('refuses strings and arrays past their limits, and keeps the tighter job description limit', async () => {
    const { client, id } = await signedIn()
    const etag = (await client.get(`/api/resumes/${id}/draft`)).headers.etag as string
    const long = await client.put(
      `/api/resumes/${id}/draft`,
      { content: { basics: { summary: 'a'.repeat(100_001) } } },
      { 'if-match': etag },
    )
    expect(invalidAt(long, '/body/content/basics/summary')).toEqual([
      { pointer: '/body/content/basics/summary', message: 'must be at most 100000 characters long' },
    ])
    const wide = await client.put(
      `/api/resumes/${id}/draft`,
      { content: { work: Array.from({ length: 10_001 }, () => ({})) } },
      { 'if-match': etag },
    )
    expect(invalidAt(wide, '/body/content/work')).toEqual([
      { pointer: '/body/content/work', message: 'must have at most 10000 items' },
    ])
    const atLimit = await client.put(
      `/api/resumes/${id}/draft`,
      { content: { work: Array.from({ length: 10_000 }, () => ({})) } },
      { 'if-match': etag },
    )
    expect(atLimit.statusCode).toBe(200)

    invalidAt(await client.post('/api/jobs', { description: 'a'.repeat(100_001) }), '/body/description')
    invalidAt(await client.post('/api/jobs', { description: 'a'.repeat(50_001) }), '/body/description')
    expect((await client.post('/api/jobs', { description: 'a'.repeat(50_000) })).statusCode).toBe(201)
  })

  it('refuses NUL characters in property names as well as values', async () => {
    const { client, id } = await signedIn()
    const etag = (await client.get(`/api/resumes/${id}/draft`)).headers.etag as string
    const response = await client.put(
      `/api/resumes/${id}/draft`,
      { content: { basics: { 'na\u0000me': 'Ada' } } },
      { 'if-match': etag },
    )
    expect(invalidAt(response, '/body/content/basics/na\u0000me')).toEqual([
      { pointer: '/body/content/basics/na\u0000me', message: 'must not contain NUL characters' },
    ])
  })
})

describe('input shape limits on imported JSON files', { timeout: 120_000 }, () => {
  it('refuses a file nested 5,000 deep with 400 and stores nothing', async () => {
    const { server, user, client } = await signedIn()
    const count = await resumeCount(client)
    const file = Buffer.from(`{"basics":{"name":"Ada"},"x":${deepArrays(5_000)}}`)
    const errors = invalidAt(await upload(server, user.token, file), `/x${'/0'.repeat(31)}`)
    expect(errors).toHaveLength(1)
    expect(await resumeCount(client)).toBe(count)
  })

  it('refuses __proto__, constructor.prototype and NUL characters as the JSON API does, and stores nothing', async () => {
    const { server, user, client } = await signedIn()
    const count = await resumeCount(client)
    const files: [string, string][] = [
      ['{"basics":{"name":"Ada","__proto__":{"admin":true}}}', '/basics/__proto__'],
      ['{"basics":{"name":"Ada"},"constructor":{"prototype":{"admin":true}}}', '/constructor/prototype'],
      ['{"basics":{"name":"Ada\\u0000Lovelace"}}', '/basics/name'],
      ['{"basics":{"name":"Ada","x\\u0000":1}}', '/basics/x\u0000'],
    ]
    for (const [json, pointer] of files) {
      invalidAt(await upload(server, user.token, Buffer.from(json)), pointer)
      // The JSON API refuses the same names in a request body.
      const asBody = await server.inject({
        method: 'POST',
        url: '/api/resumes',
        headers: { ...bearer(user.token), 'content-type': 'application/json' },
        payload: `{"title":"Imported","content":${json}}`,
      })
      expect(asBody.statusCode).toBe(400)
    }
    expect(await resumeCount(client)).toBe(count)
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
  })

  it('fails an async import of such a file with the validation error, and shows no internal message for other failures', async () => {
    const { server, app, user, client } = await signedIn()
    const count = await resumeCount(client)
    const accepted = await upload(server, user.token, Buffer.from('{"basics":{"name":"Ada\\u0000"}}'), '?async=true')
    expect(accepted.statusCode).toBe(202)
    const failed = await finished(server, user.token, accepted.json().id)
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'VALIDATION_FAILED' } })
    expect(await resumeCount(client)).toBe(count)

    app.services.tasks.register('test.database-failure', async () => {
      throw Object.assign(new Error('duplicate key value violates unique constraint "resumes_pkey"'), {
        code: '23505',
      })
    })
    const task = await app.services.tasks.enqueue({ kind: 'test.database-failure', ownerId: user.userId, payload: {} })
    const internal = await finished(server, user.token, task.id)
    expect(internal).toMatchObject({ state: 'failed', error: { code: 'TASK_FAILED', message: TASK_FAILED_MESSAGE } })
    expect(JSON.stringify(internal)).not.toContain('resumes_pkey')
  })
})

async function finished(server: FastifyInstance, token: string, id: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i += 1) {
    const task = (await server.inject({ method: 'GET', url: `/api/tasks/${id}`, headers: bearer(token) })).json()
    if (task.state === 'succeeded' || task.state === 'failed') return task
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`task ${id} did not finish`)
}
