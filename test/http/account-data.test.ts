/**
 * A user's own data out and gone: GET /api/me/export (a ZIP of everything stored for them) and DELETE /api/me
 * (every row, session, cached copy, queued task and counter of theirs removed).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { Redis } from 'ioredis'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { POSTGRES_URL, REDIS_URL } from '../helpers/postgres.js'
import { type Client, clientOf, createResume, minimalResume } from '../helpers/resumes.js'
import { problemOf, registerUser, startTestServer } from '../helpers/server.js'
import { unzipText } from '../helpers/unzip.js'

const LIMITS = { RATE_LIMIT_PER_USER: '100000', RATE_LIMIT_GLOBAL: '1000000', REGISTRATIONS_PER_IP_PER_HOUR: '100' }

const json = (files: Map<string, string>, name: string) => {
  const text = files.get(name)
  if (text === undefined) throw new Error(`${name} not in the archive: ${[...files.keys()].join(', ')}`)
  return JSON.parse(text)
}

async function saveDraft(client: Client, id: string, content: Record<string, unknown>): Promise<void> {
  const current = await client.get(`/api/resumes/${id}/draft`)
  const saved = await client.put(`/api/resumes/${id}/draft`, { content }, { 'if-match': String(current.headers.etag) })
  expect(saved.statusCode, saved.body).toBe(200)
}

/** A user with two resumes (one with several versions and a draft, one in the trash), a job, a key and settings. */
async function aUserWithData(server: FastifyInstance, name: string) {
  const user = await registerUser(server)
  const client = clientOf(server, user.token)
  const main = await createResume(client, { title: `${name} main`, content: minimalResume(name) })
  for (let n = 2; n <= 23; n++) {
    const patched = await client.patch(`/api/resumes/${main}`, {
      content: { ...minimalResume(name), basics: { name, label: `Label ${n}` } },
      message: `version ${n}`,
    })
    expect(patched.statusCode, patched.body).toBe(200)
  }
  const draft = { ...minimalResume(name), basics: { name, label: 'Draft label' } }
  await saveDraft(client, main, draft)
  const trashed = await createResume(client, { title: `${name} old`, content: minimalResume(name) })
  expect((await client.delete(`/api/resumes/${trashed}`)).statusCode).toBe(204)
  const job = await client.post('/api/jobs', { title: `${name} job`, description: 'We need TypeScript and SQL.' })
  expect(job.statusCode, job.body).toBe(201)
  const application = await client.post('/api/applications', {
    jobId: job.json().id,
    company: `${name} Ltd`,
    resumeId: main,
    status: 'applied',
    notes: `${name} applied through a referral`,
  })
  expect(application.statusCode, application.body).toBe(201)
  const key = await client.post('/api/api-keys', { name: `${name} key`, scopes: ['resumes:read'] })
  expect(key.statusCode, key.body).toBe(201)
  const settings = await client.put('/api/me/settings', {
    locale: 'fr-FR',
    timezone: 'Europe/Paris',
    defaultTemplateId: 'classic',
    pageSize: 'a4',
    theme: 'dark',
    emailNotifications: false,
  })
  expect(settings.statusCode, settings.body).toBe(200)
  return {
    ...user,
    client,
    main,
    trashed,
    draft,
    jobId: job.json().id as string,
    applicationId: application.json().id as string,
    apiKey: key.json() as { id: string; secret: string },
  }
}

async function download(client: Client): Promise<{ response: LightMyRequestResponse; files: Map<string, string> }> {
  const response = await client.get('/api/me/export')
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200)
  return { response, files: await unzipText(response.rawPayload) }
}

/** Every row of every table in the database that names `needles` in a uuid, text or JSON column, as `table.column`. */
async function rowsNaming(app: App, needles: readonly string[]): Promise<string[]> {
  const { db } = app.database
  const columns = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and (c.data_type in ('uuid', 'text', 'character varying', 'json', 'jsonb') or c.data_type = 'ARRAY')
    order by 1, 2`.execute(db)
  const found: string[] = []
  for (const { table_name: table, column_name: column } of columns.rows) {
    for (const needle of needles) {
      const hit = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(table)}
        where position(lower(${needle}) in lower(${sql.ref(column)}::text)) > 0`.execute(db)
      if ((hit.rows[0]?.n ?? 0) > 0) found.push(`${table}.${column}`)
    }
  }
  return found
}

/** Every key in the shared Redis whose name holds `needle`. */
async function redisKeysNaming(needle: string): Promise<string[]> {
  const redis = new Redis(REDIS_URL as string)
  try {
    const keys: string[] = []
    let cursor = '0'
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', `*${needle}*`, 'COUNT', 1000)
      keys.push(...found)
      cursor = next
    } while (cursor !== '0')
    return keys
  } finally {
    redis.disconnect()
  }
}

describe('GET /api/me/export', { timeout: 120_000 }, () => {
  it('answers a ZIP of the account, settings, keys, jobs and every resume with its versions, draft and JSON Resume', async () => {
    const { server } = await startTestServer(LIMITS)
    const owner = await aUserWithData(server, 'Owner Person')
    const other = await aUserWithData(server, 'Other Person')

    const { response, files } = await download(owner.client)
    expect(response.headers['content-type']).toBe('application/zip')
    expect(response.headers['cache-control']).toBe('no-store')
    const today = new Date().toISOString().slice(0, 10)
    expect(response.headers['content-disposition']).toBe(`attachment; filename="roleready-export-${today}.zip"`)
    expect(String(response.headers['ratelimit-policy'])).toContain('"export"')

    const main = `resumes/${owner.main}`
    const trashed = `resumes/${owner.trashed}`
    const versions = Array.from({ length: 23 }, (_, i) => `${main}/versions/${i + 1}.json`)
    expect([...files.keys()].sort()).toEqual(
      [
        'README.txt',
        'account.json',
        'settings.json',
        'api-keys.json',
        'applications.json',
        'jobs.json',
        `${main}/resume.json`,
        ...versions,
        `${main}/draft.json`,
        `${main}/json-resume.json`,
        `${trashed}/resume.json`,
        `${trashed}/versions/1.json`,
        `${trashed}/json-resume.json`,
      ].sort(),
    )

    const account = json(files, 'account.json')
    expect(account).toEqual({
      id: owner.userId,
      email: owner.email,
      displayName: expect.any(String),
      tier: 'free',
      role: 'user',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    })
    expect(json(files, 'settings.json')).toMatchObject({ locale: 'fr-FR', pageSize: 'a4', theme: 'dark' })

    expect(json(files, `${main}/resume.json`)).toMatchObject({
      id: owner.main,
      title: 'Owner Person main',
      headVersion: 23,
      deletedAt: null,
    })
    expect(json(files, `${main}/versions/1.json`)).toMatchObject({ number: 1, content: minimalResume('Owner Person') })
    expect(json(files, `${main}/versions/23.json`)).toMatchObject({
      number: 23,
      message: 'version 23',
      content: { basics: { label: 'Label 23' } },
    })
    expect(json(files, `${main}/draft.json`)).toMatchObject({ baseVersion: 23, content: owner.draft })
    // The current content: the draft when there is one, as GET /api/resumes/:id/export?format=json draws it.
    const jsonExport = await owner.client.get(`/api/resumes/${owner.main}/export?format=json`)
    expect(files.get(`${main}/json-resume.json`)).toBe(jsonExport.body)
    expect(json(files, `${main}/json-resume.json`)).toEqual(owner.draft)

    expect(json(files, `${trashed}/resume.json`)).toMatchObject({ id: owner.trashed, deletedAt: expect.any(String) })
    expect(json(files, `${trashed}/json-resume.json`)).toEqual(minimalResume('Owner Person'))

    expect(json(files, 'jobs.json')).toEqual([
      expect.objectContaining({
        id: owner.jobId,
        title: 'Owner Person job',
        description: 'We need TypeScript and SQL.',
      }),
    ])
    expect(json(files, 'applications.json')).toEqual([
      expect.objectContaining({
        id: owner.applicationId,
        jobId: owner.jobId,
        resumeId: owner.main,
        status: 'applied',
        notes: 'Owner Person applied through a referral',
        history: [expect.objectContaining({ to: 'applied' })],
      }),
    ])
    expect(json(files, 'api-keys.json')).toEqual([
      {
        id: owner.apiKey.id,
        name: 'Owner Person key',
        scopes: ['resumes:read'],
        createdAt: expect.any(String),
        expiresAt: null,
        lastUsedAt: null,
      },
    ])
    expect(files.get('README.txt')).toContain('json-resume.json')

    const everything = [...files.values()].join('\n')
    // Never a secret, a hash of one or the password hash.
    const data = [...files]
      .filter(([name]) => name.endsWith('.json'))
      .map(([, text]) => text)
      .join('\n')
    expect(data).not.toContain('rr_live_')
    expect(data).not.toMatch(/scrypt|password|secret|hash|hint/i)
    // Never another user's data.
    const foreignIds = [other.userId, other.email, other.main, other.trashed, other.jobId, other.applicationId]
    for (const foreign of [...foreignIds, other.apiKey.id]) {
      expect(everything).not.toContain(foreign)
    }
    expect(everything).not.toContain('Other Person')
  })

  it('answers an account with nothing stored with the account files and empty lists', async () => {
    const { server } = await startTestServer(LIMITS)
    const user = await registerUser(server)
    const { files } = await download(clientOf(server, user.token))
    expect([...files.keys()].sort()).toEqual([
      'README.txt',
      'account.json',
      'api-keys.json',
      'applications.json',
      'jobs.json',
      'settings.json',
    ])
    expect(json(files, 'jobs.json')).toEqual([])
    expect(json(files, 'applications.json')).toEqual([])
    expect(json(files, 'api-keys.json')).toEqual([])
  })

  it('needs a session: 401 without one, 403 API_KEY_NOT_ALLOWED for an API key', async () => {
    const { server } = await startTestServer(LIMITS)
    const user = await aUserWithData(server, 'Key Holder')
    problemOf(await server.inject({ method: 'GET', url: '/api/me/export' }), 401, 'UNAUTHENTICATED')
    problemOf(await clientOf(server, user.apiKey.secret).get('/api/me/export'), 403, 'API_KEY_NOT_ALLOWED')
    problemOf(await clientOf(server, user.apiKey.secret).delete('/api/me'), 403, 'API_KEY_NOT_ALLOWED')
  })

  it('counts against the export policy', async () => {
    const { server } = await startTestServer({ ...LIMITS, RATE_LIMIT_EXPORTS: '2' })
    const client = clientOf(server, (await registerUser(server)).token)
    for (let i = 0; i < 2; i++) expect((await client.get('/api/me/export')).statusCode).toBe(200)
    expect(problemOf(await client.get('/api/me/export'), 429, 'RATE_LIMITED').policies).toEqual(['export'])
  })
})

function deleteAccount(server: FastifyInstance, token: string, payload?: Record<string, unknown>) {
  return server.inject({
    method: 'DELETE',
    url: '/api/me',
    headers: { authorization: `Bearer ${token}` },
    ...(payload && { payload }),
  })
}

describe('DELETE /api/me', { timeout: 120_000 }, () => {
  it('refuses a wrong or missing password with a problem, and deletes nothing', async () => {
    const { app, server } = await startTestServer(LIMITS)
    const user = await aUserWithData(server, 'Careful Person')
    problemOf(
      await deleteAccount(server, user.token, { currentPassword: 'not my password' }),
      403,
      'CURRENT_PASSWORD_INCORRECT',
    )
    problemOf(await deleteAccount(server, user.token), 400, 'VALIDATION_FAILED')
    problemOf(await deleteAccount(server, user.token, { currentPassword: '' }), 400, 'VALIDATION_FAILED')
    expect((await user.client.get('/api/me')).statusCode).toBe(200)
    expect((await user.client.get(`/api/resumes/${user.main}`)).statusCode).toBe(200)
    expect((await clientOf(server, user.apiKey.secret).get(`/api/resumes/${user.main}`)).statusCode).toBe(200)
    expect(await rowsNaming(app, [user.userId])).toEqual(
      expect.arrayContaining(['users.id', 'resumes.owner_id', 'jobs.owner_id', 'api_keys.user_id']),
    )
  })

  it('counts wrong passwords against the sign-in lockout', async () => {
    const { server } = await startTestServer({ ...LIMITS, LOGIN_FAILURES_PER_ACCOUNT: '3', LOGIN_SLOWDOWN_MS: '0' })
    const user = await registerUser(server)
    for (let i = 0; i < 3; i++) {
      problemOf(
        await deleteAccount(server, user.token, { currentPassword: `guess ${i}!` }),
        403,
        'CURRENT_PASSWORD_INCORRECT',
      )
    }
    const blocked = await deleteAccount(server, user.token, { currentPassword: user.password })
    expect(problemOf(blocked, 429, 'RATE_LIMITED').policies).toEqual(['login-account'])
    expect((await clientOf(server, user.token).get('/api/me')).statusCode).toBe(200)
  })

  it('removes every row, session, key, task and counter of the user, and nothing of anyone else', async () => {
    const { app, server, logs } = await startTestServer(LIMITS, { captureLogs: true })
    const user = await aUserWithData(server, 'Leaving Person')
    const stays = await aUserWithData(server, 'Staying Person')
    // A second session, cached reads, a background task and a finished one.
    const login = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    })
    const secondToken = login.json().token as string
    expect((await user.client.get(`/api/resumes/${user.main}`)).statusCode).toBe(200)
    expect((await user.client.get(`/api/resumes/${user.main}/draft`)).statusCode).toBe(200)
    expect((await user.client.get(`/api/jobs/${user.jobId}/analysis`)).statusCode).toBe(200)
    expect((await user.client.get('/api/me/settings')).statusCode).toBe(200)
    expect((await clientOf(server, user.apiKey.secret).get('/api/resumes')).statusCode).toBe(200)
    app.services.tasks.register('account-probe', async () => ({ done: true }))
    const task = await app.services.tasks.enqueue({ kind: 'account-probe', ownerId: user.userId, payload: {} })
    if (REDIS_URL) expect(await redisKeysNaming(user.userId)).not.toEqual([])

    const deleted = await deleteAccount(server, user.token, { currentPassword: user.password })
    expect(deleted.statusCode, deleted.body).toBe(204)
    expect(String(deleted.headers['set-cookie'])).toMatch(/Expires=Thu, 01 Jan 1970/)

    for (const token of [user.token, secondToken, user.apiKey.secret]) {
      problemOf(await clientOf(server, token).get('/api/me'), 401, 'UNAUTHENTICATED')
    }
    await expect(app.services.tasks.get(user.userId, task.id)).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' })
    expect(await rowsNaming(app, [user.userId, user.email])).toEqual([])
    if (REDIS_URL) {
      expect(await redisKeysNaming(user.userId)).toEqual([])
      expect(await redisKeysNaming(user.email)).toEqual([])
    }
    problemOf(
      await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: user.password },
      }),
      401,
      'INVALID_CREDENTIALS',
    )

    // The other user keeps everything, and the scan does find what is there.
    expect(await rowsNaming(app, [stays.userId])).toEqual(
      expect.arrayContaining([
        'users.id',
        'resumes.owner_id',
        'jobs.owner_id',
        'api_keys.user_id',
        'user_settings.user_id',
      ]),
    )
    expect((await stays.client.get(`/api/resumes/${stays.main}`)).json().title).toBe('Staying Person main')
    expect((await download(stays.client)).files.has(`resumes/${stays.main}/draft.json`)).toBe(true)

    // One audit line, naming no person.
    const audit = logs.records().filter((record) => record.audit === 'account_deleted')
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ removed: { resumes: 2, jobs: 1, apiKeys: 1 }, requestId: expect.any(String) })
    expect(JSON.stringify(audit[0])).not.toContain(user.userId)
    expect(JSON.stringify(audit[0])).not.toContain(user.email)
  })

  it('frees the email: the address can sign up again as a new account', async () => {
    const { server } = await startTestServer(LIMITS)
    const user = await registerUser(server)
    expect((await deleteAccount(server, user.token, { currentPassword: user.password })).statusCode).toBe(204)
    const again = await registerUser(server, { email: user.email })
    expect(again.userId).not.toBe(user.userId)
  })
})

describe.skipIf(!POSTGRES_URL || !REDIS_URL)('DELETE /api/me: two instances sharing Postgres and Redis', () => {
  it('a deletion through A is refused by B on its next request', { timeout: 120_000 }, async () => {
    const a = await startTestServer(LIMITS)
    const b = await startTestServer(a.env)
    const user = await registerUser(a.server)
    // B holds the session in its cache.
    for (let i = 0; i < 2; i++) expect((await clientOf(b.server, user.token).get('/api/me')).statusCode).toBe(200)
    expect((await deleteAccount(a.server, user.token, { currentPassword: user.password })).statusCode).toBe(204)
    await new Promise((resolve) => setTimeout(resolve, 100))
    problemOf(await clientOf(b.server, user.token).get('/api/me'), 401, 'UNAUTHENTICATED')
  })
})
