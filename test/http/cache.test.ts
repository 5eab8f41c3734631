import { describe, expect, it } from 'vitest'
import { POSTGRES_URL, REDIS_URL } from '../helpers/postgres.js'
import { setUser } from '../helpers/rate-limits.js'
import { type Client, clientOf, createResume, minimalResume } from '../helpers/resumes.js'
import { bearer, registerUser, startTestServer } from '../helpers/server.js'

const unquote = (etag: string | string[] | number | undefined) => String(etag).replace(/^"|"$/g, '')

async function signedIn(env: Record<string, string> = {}) {
  const test = await startTestServer({ RATE_LIMIT_PER_USER: '100000', RATE_LIMIT_GLOBAL: '1000000', ...env })
  const user = await registerUser(test.server)
  return { ...test, user, client: clientOf(test.server, user.token) }
}

const hitsOf = (
  app: { services: { cache: { getCacheStats(): { namespaces: Record<string, { hits: number }> } } | undefined } },
  ns: string,
) => app.services.cache?.getCacheStats().namespaces[ns]?.hits ?? 0

async function cachedGet(client: Client, url: string) {
  await client.get(url)
  return client.get(url)
}

describe('cache: no stale read after each event (same instance)', { timeout: 120_000 }, () => {
  it('RESUME_UPDATED: resume, list and draft show the new title/content at once', async () => {
    const { app, client } = await signedIn()
    const id = await createResume(client, { title: 'Old', content: minimalResume('Ada') })
    await cachedGet(client, `/api/resumes/${id}`)
    await cachedGet(client, '/api/resumes')
    await cachedGet(client, `/api/resumes/${id}/draft`)
    expect(hitsOf(app, 'RESUME_DATA')).toBeGreaterThan(0)
    expect(hitsOf(app, 'RESUME_LIST')).toBeGreaterThan(0)

    const patched = await client.patch(`/api/resumes/${id}`, { title: 'New', content: minimalResume('Grace') })
    expect(patched.statusCode).toBe(200)
    expect((await client.get(`/api/resumes/${id}`)).json()).toMatchObject({ title: 'New' })
    expect((await client.get('/api/resumes')).json().items[0]).toMatchObject({ title: 'New' })
    expect((await client.get(`/api/resumes/${id}/draft`)).json()).toMatchObject({ content: minimalResume('Grace') })
  })

  it('DRAFT_SAVED and DRAFT_COMMITTED: draft and resume are fresh at once', async () => {
    const { client } = await signedIn()
    const id = await createResume(client, { content: minimalResume('Ada') })
    const draft = await cachedGet(client, `/api/resumes/${id}/draft`)
    await cachedGet(client, `/api/resumes/${id}`)
    const saved = await client.put(
      `/api/resumes/${id}/draft`,
      { content: minimalResume('Saved') },
      { 'if-match': `"${unquote(draft.headers.etag)}"` },
    )
    expect(saved.statusCode).toBe(200)
    const afterSave = await client.get(`/api/resumes/${id}/draft`)
    expect(afterSave.json()).toMatchObject({ saved: true, content: minimalResume('Saved') })

    const committed = await client.post(
      `/api/resumes/${id}/draft/commit`,
      {},
      { 'if-match': `"${unquote(afterSave.headers.etag)}"` },
    )
    expect(committed.statusCode).toBeLessThan(300)
    expect((await client.get(`/api/resumes/${id}`)).json()).toMatchObject({
      headVersion: 2,
      content: minimalResume('Saved'),
    })
    expect((await client.get(`/api/resumes/${id}/draft`)).json()).toMatchObject({ saved: false, baseVersion: 2 })
  })

  it('TAILORED_CREATED: the tailored list and resume list include the new resume at once', async () => {
    const { client } = await signedIn()
    const base = await createResume(client, { content: minimalResume('Ada') })
    const job = await client.post('/api/jobs', {
      title: 'Engineer',
      description: 'Build things with TypeScript and Postgres.',
    })
    const jobId = job.json().id as string
    expect((await cachedGet(client, `/api/resumes/${base}/tailored`)).json().items ?? []).toHaveLength(0)
    await cachedGet(client, '/api/resumes')
    const tailored = await createResume(client, { tailoredFrom: { resumeId: base, version: 1, jobId } })
    const list = (await client.get(`/api/resumes/${base}/tailored`)).json()
    expect(JSON.stringify(list)).toContain(tailored)
    expect(JSON.stringify((await client.get('/api/resumes')).json())).toContain(tailored)
  })

  it('RESUME_DELETED: the resume is gone from get and list at once', async () => {
    const { client } = await signedIn()
    const id = await createResume(client, { content: minimalResume('Ada') })
    await cachedGet(client, `/api/resumes/${id}`)
    await cachedGet(client, '/api/resumes')
    expect((await client.delete(`/api/resumes/${id}`)).statusCode).toBe(204)
    expect((await client.get(`/api/resumes/${id}`)).statusCode).toBe(404)
    expect(JSON.stringify((await client.get('/api/resumes')).json())).not.toContain(id)
  })

  it('USER_UPDATED: settings are fresh at once, and never shared between users', async () => {
    const { server, app, client } = await signedIn()
    const before = (await cachedGet(client, '/api/me/settings')).json()
    expect(hitsOf(app, 'USER_SETTINGS')).toBeGreaterThan(0)
    const theme = before.theme === 'dark' ? 'light' : 'dark'
    expect((await client.put('/api/me/settings', { ...before, theme })).statusCode).toBe(200)
    expect((await client.get('/api/me/settings')).json()).toMatchObject({ theme })
    const other = await registerUser(server)
    const otherSettings = await server.inject({ method: 'GET', url: '/api/me/settings', headers: bearer(other.token) })
    expect(otherSettings.json().theme).toBe(before.theme)
  })
})

describe('cache: intelligence results follow the content they describe', { timeout: 120_000 }, () => {
  const skillsOf = (name: string, keywords: string[]) => ({
    ...minimalResume(name),
    skills: [{ name: 'Tech', keywords }],
  })

  it('ATS_SCORE and AI_SUGGESTIONS: a saved draft is scored at once, repeats are served from the cache', async () => {
    const { app, client } = await signedIn()
    const id = await createResume(client, { content: skillsOf('Ada', ['TypeScript']) })
    const jobId = (
      await client.post('/api/jobs', { title: 'Engineer', description: 'Required: TypeScript and PostgreSQL.' })
    ).json().id as string
    const missing = (body: { requirements: { id: string; status: string }[] }) =>
      body.requirements.filter((r) => r.status === 'missing').map((r) => r.id)

    const first = await client.post(`/api/resumes/${id}/ats-report`, { jobId })
    expect(missing(first.json())).toContain('skill:postgresql')
    const again = await client.post(`/api/resumes/${id}/ats-report`, { jobId })
    expect(again.body).toBe(first.body)
    expect(hitsOf(app, 'ATS_SCORE')).toBe(1)
    const suggestionsBefore = (await cachedGet(client, `/api/resumes/${id}/draft`)).headers.etag
    await client.post(`/api/resumes/${id}/suggestions`, { jobId })
    await client.post(`/api/resumes/${id}/suggestions`, { jobId })
    expect(hitsOf(app, 'AI_SUGGESTIONS')).toBe(1)

    const saved = await client.put(
      `/api/resumes/${id}/draft`,
      { content: skillsOf('Ada', ['TypeScript', 'PostgreSQL']) },
      { 'if-match': `"${unquote(suggestionsBefore)}"` },
    )
    expect(saved.statusCode).toBe(200)
    const after = (await client.post(`/api/resumes/${id}/ats-report`, { jobId })).json()
    expect(missing(after)).not.toContain('skill:postgresql')
    expect(after.overall).toBeGreaterThan(first.json().overall)
    const suggestions = (await client.post(`/api/resumes/${id}/suggestions`, { jobId })).json()
    expect(JSON.stringify(suggestions)).not.toMatch(/add.*postgresql/i)
  })

  it('JOB_DELETED: a deleted posting stops answering from its cached analysis and reports', async () => {
    const { app, client } = await signedIn()
    const id = await createResume(client, { content: skillsOf('Ada', ['TypeScript']) })
    const jobId = (await client.post('/api/jobs', { description: 'Required: TypeScript.' })).json().id as string
    await cachedGet(client, `/api/jobs/${jobId}/analysis`)
    expect(hitsOf(app, 'JOB_ANALYSIS')).toBe(1)
    await client.post(`/api/resumes/${id}/ats-report`, { jobId })
    expect((await client.delete(`/api/jobs/${jobId}`)).statusCode).toBe(204)
    expect((await client.get(`/api/jobs/${jobId}/analysis`)).statusCode).toBe(404)
    expect((await client.post(`/api/resumes/${id}/ats-report`, { jobId })).statusCode).toBe(404)
  })
})

describe('cache: stampede and admin', { timeout: 120_000 }, () => {
  it('100 concurrent reads of one uncached resume load it once', async () => {
    const { app, client } = await signedIn()
    const id = await createResume(client, { content: minimalResume('Ada') })
    const missesBefore = app.services.cache?.getCacheStats().namespaces.RESUME_DATA.misses ?? 0
    let selects = 0
    app.database.observeQueries(({ kind }) => {
      if (kind.toLowerCase().includes('select')) selects++
    })
    const responses = await Promise.all(Array.from({ length: 100 }, () => client.get(`/api/resumes/${id}`)))
    expect(responses.every((r) => r.statusCode === 200)).toBe(true)
    const stats = app.services.cache?.getCacheStats().namespaces.RESUME_DATA
    expect((stats?.misses ?? 0) - missesBefore).toBe(1)
    console.log(
      `stampede: 100 concurrent GETs → ${(stats?.misses ?? 0) - missesBefore} load, ${selects} select queries in total (auth included)`,
    )
  })

  it('a cached resume read costs no database query: the session and its user come from the session cache', async () => {
    const { app, client } = await signedIn()
    const id = await createResume(client, { content: minimalResume('Ada') })
    await cachedGet(client, `/api/resumes/${id}`)
    const queries: string[] = []
    app.database.observeQueries(({ kind }) => queries.push(kind))
    for (let i = 0; i < 5; i++) expect((await client.get(`/api/resumes/${id}`)).statusCode).toBe(200)
    expect(queries).toEqual([])
  })

  it('with SESSION_CACHE_SECONDS=0 each cached resume read makes one query: the session and its user', async () => {
    const { app, client } = await signedIn({ SESSION_CACHE_SECONDS: '0' })
    const id = await createResume(client, { content: minimalResume('Ada') })
    await cachedGet(client, `/api/resumes/${id}`)
    const queries: string[] = []
    app.database.observeQueries(({ kind }) => queries.push(kind))
    for (let i = 0; i < 5; i++) expect((await client.get(`/api/resumes/${id}`)).statusCode).toBe(200)
    // With REDIS_URL the session is read from Redis and the user from the database: one query either way.
    expect(queries).toHaveLength(5)
  })

  it('USER_LOGIN warming: after a sign-in the first resume list and settings are already cached', async () => {
    const { app, server, user, client } = await signedIn()
    await createResume(client, { content: minimalResume('Ada') })
    const login = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    })
    expect(login.statusCode).toBe(200)
    const fresh = clientOf(server, login.json().token)
    // Warming runs off the request path, after the login has answered.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const listHits = hitsOf(app, 'RESUME_LIST')
    const settingsHits = hitsOf(app, 'USER_SETTINGS')
    const list = await fresh.get('/api/resumes')
    expect(list.statusCode).toBe(200)
    expect(list.json().items).toHaveLength(1)
    expect((await fresh.get('/api/me/settings')).statusCode).toBe(200)
    expect(hitsOf(app, 'RESUME_LIST')).toBe(listHits + 1)
    expect(hitsOf(app, 'USER_SETTINGS')).toBe(settingsHits + 1)
  })

  it('admin stats and invalidate; other users get 403', async () => {
    const { app, server, user, client } = await signedIn()
    expect((await client.get('/api/admin/cache/stats')).statusCode).toBe(403)
    await setUser(app, user.userId, { role: 'admin' })
    const id = await createResume(client, { content: minimalResume('Ada') })
    await cachedGet(client, `/api/resumes/${id}`)
    const stats = await client.get('/api/admin/cache/stats')
    expect(stats.statusCode).toBe(200)
    expect(stats.json().namespaces.RESUME_DATA).toMatchObject({ hits: 1, misses: 1, hitRate: 0.5 })
    const dropped = await server.inject({
      method: 'POST',
      url: '/api/admin/cache/invalidate',
      headers: bearer(user.token),
      payload: { namespace: 'RESUME_DATA' },
    })
    expect(dropped.statusCode).toBe(204)
    await client.get(`/api/resumes/${id}`)
    expect((await client.get('/api/admin/cache/stats')).json().namespaces.RESUME_DATA.misses).toBe(2)
  })
})

describe.skipIf(!POSTGRES_URL || !REDIS_URL)(
  'cache: two instances sharing Postgres and Redis',
  { timeout: 120_000 },
  () => {
    it('a change through A is seen through B on the next read (L1 dropped over the bus)', async () => {
      const a = await signedIn()
      const b = await startTestServer(a.env)
      const clientB = clientOf(b.server, a.user.token)
      const id = await createResume(a.client, { title: 'Before', content: minimalResume('Ada') })
      await cachedGet(clientB, `/api/resumes/${id}`)
      await cachedGet(clientB, '/api/resumes')
      expect(hitsOf(b.app, 'RESUME_DATA')).toBeGreaterThan(0)
      expect((await a.client.patch(`/api/resumes/${id}`, { title: 'After' })).statusCode).toBe(200)
      // The bus message travels through Redis (on a loaded machine that can take more than 100 ms): B reads the new
      // value as soon as it arrives, long before its own copies would expire (minutes).
      const titleOf = async (url: string) => {
        const body = (await clientB.get(url)).json()
        return (body.items?.[0] ?? body).title
      }
      await expect.poll(() => titleOf(`/api/resumes/${id}`), { timeout: 5000 }).toBe('After')
      await expect.poll(() => titleOf('/api/resumes'), { timeout: 5000 }).toBe('After')
    })
  },
)
