/** Per-user quotas over HTTP: every write path refuses with 409 QUOTA_EXCEEDED naming the quota and stores nothing. */
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { multipart } from '../helpers/live-http.js'
import { type Client, clientOf, createResume, minimalResume } from '../helpers/resumes.js'
import { problemOf, registerUser, startTestServer } from '../helpers/server.js'

// Counted rate limits are tested with their policies; here they would only get in the way.
async function signedIn(env: Record<string, string> = {}) {
  const test = await startTestServer({ RATE_LIMIT_ENABLED: 'false', ...env })
  const { token } = await registerUser(test.server)
  return { ...test, client: clientOf(test.server, token) }
}

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8')

/** A valid JSON Resume whose JSON text is exactly `bytes` long. */
function contentOf(bytes: number, name = 'Ada'): Record<string, unknown> {
  const pad = bytes - bytesOf({ basics: { name, summary: '' } })
  if (pad < 0) throw new Error(`${bytes} bytes is too small`)
  return { basics: { name, summary: 'x'.repeat(pad) } }
}

async function usageOf(client: Client) {
  const response = await client.get('/api/me/usage')
  expect(response.statusCode).toBe(200)
  return response.json()
}

async function saveJob(client: Client, description = 'We need TypeScript and Postgres.') {
  return client.post('/api/jobs', { title: 'Backend Engineer', description })
}

// Building a server (database, templates) is slow on a loaded machine; the work under test is fast.
describe('quotas over HTTP', { timeout: 120_000 }, () => {
  it('refuses every write past storageBytes with 409 QUOTA_EXCEEDED and stores nothing', async () => {
    const { client } = await signedIn({ QUOTA_STORAGE_BYTES: '1024' })
    const created = await client.post('/api/resumes', { title: 'Base', content: contentOf(600) })
    expect(created.statusCode).toBe(201)
    const id = created.json().id as string
    const job = await saveJob(client, 'y'.repeat(100))
    expect(job.statusCode).toBe(201)
    const jobId = job.json().id as string
    const stored = await usageOf(client)
    expect(stored.storageBytes).toEqual({ used: 600 + 100 + 'Backend Engineer'.length, limit: 1024 })
    const used = stored.storageBytes.used
    const full = { quota: 'storageBytes', limit: 1024, used }

    // 400 bytes more would pass 1024 on every path that stores content.
    const refusals = [
      await client.post('/api/resumes', { content: contentOf(400) }),
      await client.patch(`/api/resumes/${id}`, { title: 'Renamed', content: contentOf(400, 'Bob') }),
      await client.put(`/api/resumes/${id}/draft`, { content: contentOf(400) }, { 'if-match': '"v1"' }),
      await client.post(`/api/resumes/${id}/versions/1/restore`, {}),
      await client.post('/api/resumes', { tailoredFrom: { resumeId: id, version: 1, jobId } }),
      await saveJob(client, 'z'.repeat(400)),
    ]
    for (const response of refusals) expect(problemOf(response, 409, 'QUOTA_EXCEEDED')).toMatchObject(full)

    expect(await usageOf(client)).toMatchObject({ storageBytes: { used }, resumes: { used: 1 }, jobs: { used: 1 } })
    expect((await client.get(`/api/resumes/${id}`)).json()).toMatchObject({ title: 'Base', headVersion: 1 })
    expect((await client.get(`/api/resumes/${id}/draft`)).json()).toMatchObject({ saved: false })
    expect((await client.get('/api/jobs')).json().items).toHaveLength(1)

    // A draft counts by what it adds over the draft it replaces; what is left fits exactly.
    const left = 1024 - used
    const first = await client.put(`/api/resumes/${id}/draft`, { content: contentOf(60) }, { 'if-match': '"v1"' })
    expect(first.statusCode).toBe(200)
    const etag = first.headers.etag as string
    const replaced = await client.put(`/api/resumes/${id}/draft`, { content: contentOf(left) }, { 'if-match': etag })
    expect(replaced.statusCode).toBe(200)
    expect((await usageOf(client)).storageBytes.used).toBe(1024)
    // Committing moves the draft's bytes into the new version: it fits in a full account.
    const commit = await client.post(`/api/resumes/${id}/draft/commit`, { message: 'Full' })
    expect(commit.statusCode).toBe(201)
    expect((await usageOf(client)).storageBytes.used).toBe(1024)
  })

  it('refuses a version past versionsPerResume on content PATCH, commit and restore, storing nothing', async () => {
    const { client } = await signedIn({ QUOTA_VERSIONS_PER_RESUME: '2' })
    const id = await createResume(client)
    expect((await client.patch(`/api/resumes/${id}`, { content: minimalResume('Grace') })).statusCode).toBe(200)
    const draft = await client.put(
      `/api/resumes/${id}/draft`,
      { content: minimalResume('Draft') },
      { 'if-match': '"v2"' },
    )
    expect(draft.statusCode).toBe(200)
    const before = await usageOf(client)
    expect(before.versionsPerResume).toEqual({ used: 2, limit: 2 })

    const full = { quota: 'versionsPerResume', limit: 2, used: 2 }
    const refusals = [
      await client.patch(`/api/resumes/${id}`, { title: 'Renamed', content: minimalResume('Hopper') }),
      await client.post(`/api/resumes/${id}/draft/commit`, { message: 'Third' }),
      await client.post(`/api/resumes/${id}/versions/1/restore`, {}),
    ]
    for (const response of refusals) expect(problemOf(response, 409, 'QUOTA_EXCEEDED')).toMatchObject(full)

    expect((await client.get(`/api/resumes/${id}`)).json()).toMatchObject({ title: 'My resume', headVersion: 2 })
    expect((await client.get(`/api/resumes/${id}/versions`)).json().items).toHaveLength(2)
    expect((await client.get(`/api/resumes/${id}/draft`)).json()).toMatchObject({ saved: true })
    expect(await usageOf(client)).toEqual(before)
    // Metadata is not a version: it still changes.
    expect((await client.patch(`/api/resumes/${id}`, { title: 'Renamed' })).statusCode).toBe(200)
  })

  it('refuses a saved job past the jobs quota with 409 QUOTA_EXCEEDED and stores nothing', async () => {
    const { client } = await signedIn({ QUOTA_JOBS: '1' })
    const first = await saveJob(client)
    expect(first.statusCode).toBe(201)
    const problem = problemOf(await saveJob(client, 'Another posting.'), 409, 'QUOTA_EXCEEDED')
    expect(problem).toMatchObject({ quota: 'jobs', limit: 1, used: 1 })
    expect((await client.get('/api/jobs')).json().items).toHaveLength(1)
    expect((await usageOf(client)).jobs).toEqual({ used: 1, limit: 1 })
    // Deleting frees the place.
    expect((await client.delete(`/api/jobs/${first.json().id}`)).statusCode).toBe(204)
    expect((await saveJob(client, 'Another posting.')).statusCode).toBe(201)
  })

  it('refuses tailored copies and imports past the resumes quota and stores nothing', async () => {
    const { client, server } = await signedIn({ RESUMES_PER_USER_MAX: '1' })
    const id = await createResume(client)
    const jobId = (await saveJob(client)).json().id
    const full = { quota: 'resumes', limit: 1, used: 1 }
    const tailored = await client.post('/api/resumes', { tailoredFrom: { resumeId: id, version: 1, jobId } })
    expect(problemOf(tailored, 409, 'QUOTA_EXCEEDED')).toMatchObject(full)
    const file = multipart(Buffer.from(JSON.stringify(minimalResume('Imported'))), 'cv.json')
    const imported = await server.inject({
      method: 'POST',
      url: '/api/resumes/import',
      headers: { ...client.headers, ...file.headers },
      payload: file.body,
    })
    expect(problemOf(imported, 409, 'QUOTA_EXCEEDED')).toMatchObject(full)
    expect((await client.get('/api/resumes')).json().items.map((r: { id: string }) => r.id)).toEqual([id])
    expect((await usageOf(client)).resumes).toEqual({ used: 1, limit: 1 })
  })

  it('refuses an import or a tailored copy whose draft does not fit storageBytes, leaving no empty resume behind', async () => {
    const { client, server } = await signedIn({ QUOTA_STORAGE_BYTES: '1024' })
    const id = (await client.post('/api/resumes', { title: 'Base', content: contentOf(500) })).json().id as string
    const before = await usageOf(client)
    const file = multipart(Buffer.from(JSON.stringify(contentOf(800, 'Imported'))), 'cv.json')
    const imported = await server.inject({
      method: 'POST',
      url: '/api/resumes/import',
      headers: { ...client.headers, ...file.headers },
      payload: file.body,
    })
    expect(problemOf(imported, 409, 'QUOTA_EXCEEDED')).toMatchObject({ quota: 'storageBytes' })
    const tailored = await client.post(`/api/resumes/${id}/tailor`, { description: 'Backend engineer: TypeScript.' })
    expect(problemOf(tailored, 409, 'QUOTA_EXCEEDED')).toMatchObject({ quota: 'storageBytes' })
    expect((await client.get('/api/resumes')).json().items.map((r: { id: string }) => r.id)).toEqual([id])
    const after = await usageOf(client)
    expect(after.resumes).toEqual(before.resumes)
  })

  it('GET /api/me/usage reports each quota for the signed-in user and moves with writes, deletes and purges', async () => {
    const { client, server, app } = await signedIn({
      QUOTA_STORAGE_BYTES: '100000',
      QUOTA_VERSIONS_PER_RESUME: '50',
      QUOTA_JOBS: '7',
      RESUMES_PER_USER_MAX: '9',
    })
    expect((await server.inject({ method: 'GET', url: '/api/me/usage' })).statusCode).toBe(401)
    expect(await usageOf(client)).toEqual({
      storageBytes: { used: 0, limit: 100000 },
      resumes: { used: 0, limit: 9 },
      versionsPerResume: { used: 0, limit: 50 },
      jobs: { used: 0, limit: 7 },
      applications: { used: 0, limit: 1000 },
    })

    const v1 = contentOf(300)
    const id = (await client.post('/api/resumes', { content: v1 })).json().id as string
    const v2 = contentOf(500, 'Grace')
    await client.patch(`/api/resumes/${id}`, { content: v2 })
    const draft = contentOf(200, 'Draft')
    await client.put(`/api/resumes/${id}/draft`, { content: draft }, { 'if-match': '"v2"' })
    const jobId = (await saveJob(client, 'd'.repeat(1000))).json().id
    const jobBytes = 1000 + 'Backend Engineer'.length
    expect(await usageOf(client)).toEqual({
      storageBytes: { used: 300 + 500 + 200 + jobBytes, limit: 100000 },
      resumes: { used: 1, limit: 9 },
      versionsPerResume: { used: 2, limit: 50 },
      jobs: { used: 1, limit: 7 },
      applications: { used: 0, limit: 1000 },
    })

    // Another user sees only their own usage.
    const other = clientOf(server, (await registerUser(server)).token)
    expect((await usageOf(other)).storageBytes.used).toBe(0)

    expect((await client.delete(`/api/jobs/${jobId}`)).statusCode).toBe(204)
    expect((await client.delete(`/api/resumes/${id}/draft`)).statusCode).toBe(204)
    expect(await usageOf(client)).toMatchObject({ storageBytes: { used: 800 }, jobs: { used: 0 } })

    // The trash keeps counting until the purge removes the resume for good.
    expect((await client.delete(`/api/resumes/${id}`)).statusCode).toBe(204)
    expect(await usageOf(client)).toMatchObject({ storageBytes: { used: 800 }, resumes: { used: 1 } })
    await sql`update resumes set deleted_at = now() - interval '31 days' where id = ${id}`.execute(app.database.db)
    expect(await app.services.resumes.purgeExpired()).toBe(1)
    expect(await usageOf(client)).toMatchObject({
      storageBytes: { used: 0 },
      resumes: { used: 0 },
      versionsPerResume: { used: 0 },
    })
  })
})
