import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { type Client, clientOf, createResume } from '../helpers/resumes.js'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

async function signedIn(env: Record<string, string> = {}) {
  const { server } = await startTestServer(env)
  const user = await registerUser(server)
  return { server, client: clientOf(server, user.token), token: user.token }
}

function patch(server: FastifyInstance, token: string, id: string, body: unknown, ifMatch?: string) {
  return server.inject({
    method: 'PATCH',
    url: `/api/applications/${id}`,
    headers: { ...bearer(token), ...(ifMatch !== undefined && { 'if-match': ifMatch }) },
    payload: body as Record<string, unknown>,
  })
}

async function track(client: Client, body: Record<string, unknown>) {
  const response = await client.post('/api/applications', body)
  expect(response.statusCode, response.body).toBe(201)
  return response.json() as Record<string, unknown> & { id: string; revision: number }
}

const pointers = (body: Record<string, unknown>) =>
  (body.errors as { pointer: string }[]).map((error) => error.pointer).sort()

describe('applications', () => {
  it('creates from a saved job and a pinned resume version, reads, updates with If-Match and deletes', async () => {
    const { server, client, token } = await signedIn()
    const job = (
      await client.post('/api/jobs', {
        title: 'Backend Engineer',
        company: 'Northwind',
        url: 'https://jobs.example.com/7',
        description: 'TypeScript and PostgreSQL.',
      })
    ).json()
    const resumeId = await createResume(client)
    const created = await client.post('/api/applications', {
      jobId: job.id,
      resumeId,
      resumeVersion: 1,
      status: 'applied',
      statusNote: 'Sent through the careers page',
      deadline: '2027-01-31T23:59:59Z',
      nextStep: { at: '2027-01-10T09:00:00Z', note: 'Phone screen' },
      contacts: [{ name: 'Grace Hopper', role: 'Recruiter', email: 'grace@example.com', phone: '+44 20 7946 0000' }],
      notes: 'Referred by a friend.',
      salary: { min: 70000, max: 90000, currency: 'eur', period: 'year' },
      location: 'Berlin',
      remote: 'hybrid',
    })
    expect(created.statusCode, created.body).toBe(201)
    const application = created.json()
    expect(created.headers.location).toBe(`/api/applications/${application.id}`)
    expect(created.headers.etag).toBe('"r1"')
    expect(application).toMatchObject({
      jobId: job.id,
      company: 'Northwind',
      title: 'Backend Engineer',
      url: 'https://jobs.example.com/7',
      resumeId,
      resumeVersion: 1,
      status: 'applied',
      deadline: '2027-01-31T23:59:59.000Z',
      nextStep: { at: '2027-01-10T09:00:00.000Z', note: 'Phone screen' },
      contacts: [{ name: 'Grace Hopper', role: 'Recruiter', email: 'grace@example.com', phone: '+44 20 7946 0000' }],
      salary: { min: 70000, max: 90000, currency: 'EUR', period: 'year' },
      remote: 'hybrid',
      revision: 1,
    })
    // Applied on creation: appliedAt is the creation time, and the history starts with the first status.
    expect(application.appliedAt).toBe(application.createdAt)
    expect(application.history).toEqual([
      { to: 'applied', at: application.createdAt, note: 'Sent through the careers page' },
    ])

    const read = await client.get(`/api/applications/${application.id}`)
    expect(read.json()).toEqual(application)
    expect(read.headers.etag).toBe('"r1"')

    // PATCH needs If-Match: 428 without, 412 with a stale ETag (the current one in the header and body).
    problemOf(await patch(server, token, application.id, { notes: 'x' }), 428, 'PRECONDITION_REQUIRED')
    const stale = await patch(server, token, application.id, { notes: 'x' }, '"r0"')
    expect(problemOf(stale, 412, 'APPLICATION_VERSION_CONFLICT').etag).toBe('r1')
    expect(stale.headers.etag).toBe('"r1"')

    const moved = await patch(
      server,
      token,
      application.id,
      { status: 'interviewing', statusNote: 'Invited on site', notes: null, salary: null, remote: 'remote' },
      '"r1"',
    )
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.headers.etag).toBe('"r2"')
    const updated = moved.json()
    expect(updated).toMatchObject({ status: 'interviewing', remote: 'remote', revision: 2, location: 'Berlin' })
    expect(updated).not.toHaveProperty('notes')
    expect(updated).not.toHaveProperty('salary')
    expect(updated.history).toEqual([
      application.history[0],
      { from: 'applied', to: 'interviewing', at: updated.updatedAt, note: 'Invited on site' },
    ])
    // The old ETag is now stale; `*` matches any.
    problemOf(await patch(server, token, application.id, { notes: 'y' }, '"r1"'), 412, 'APPLICATION_VERSION_CONFLICT')
    const same = await patch(server, token, application.id, { status: 'interviewing', title: 'Staff Engineer' }, '*')
    expect(same.json().history).toHaveLength(2)
    expect(same.json().title).toBe('Staff Engineer')

    // Unlinking the resume drops its pinned version too.
    const unlinked = await patch(server, token, application.id, { resumeId: null }, '*')
    expect(unlinked.json()).not.toHaveProperty('resumeId')
    expect(unlinked.json()).not.toHaveProperty('resumeVersion')

    expect((await client.delete(`/api/applications/${application.id}`)).statusCode).toBe(204)
    problemOf(await client.get(`/api/applications/${application.id}`), 404, 'APPLICATION_NOT_FOUND')
    problemOf(await client.delete(`/api/applications/${application.id}`), 404, 'APPLICATION_NOT_FOUND')
  })

  it('sets appliedAt when an application moves to applied, and keeps it after', async () => {
    const { server, client, token } = await signedIn()
    const saved = await track(client, { company: 'Acme', title: 'Engineer' })
    expect(saved).toMatchObject({ status: 'saved', history: [{ to: 'saved' }] })
    expect(saved).not.toHaveProperty('appliedAt')
    const applied = (await patch(server, token, saved.id, { status: 'applied' }, '*')).json()
    expect(applied.appliedAt).toBe(applied.updatedAt)
    const later = (await patch(server, token, saved.id, { status: 'offer' }, '*')).json()
    expect(later.appliedAt).toBe(applied.appliedAt)
    expect(later.history.map((h: { to: string }) => h.to)).toEqual(['saved', 'applied', 'offer'])
  })

  it('answers 400 VALIDATION_FAILED naming every bad path', async () => {
    const { server, client, token } = await signedIn()
    const bad = await client.post('/api/applications', {
      status: 'ghosted',
      url: 'javascript:alert(1)',
      contacts: [{ name: '', email: 'not an email' }],
      salary: { min: 1, currency: 'euro', period: 'fortnight' },
      remote: 'moon',
      notes: 'n'.repeat(10_001),
    })
    const body = problemOf(bad, 400, 'VALIDATION_FAILED')
    expect(pointers(body)).toEqual(
      expect.arrayContaining([
        '/body/status',
        '/body/url',
        '/body/contacts/0/name',
        '/body/contacts/0/email',
        '/body/salary/currency',
        '/body/salary/period',
        '/body/remote',
        '/body/notes',
      ]),
    )
    // Checks the schema cannot state: company and title without a job, min ≤ max, a version needs a resume,
    // dates the databases can hold.
    const semantic = problemOf(
      await client.post('/api/applications', {
        salary: { min: 90000, max: 70000, currency: 'EUR', period: 'year' },
        resumeVersion: 2,
        deadline: '0001-01-01T00:00:00Z',
      }),
      400,
      'VALIDATION_FAILED',
    )
    expect(pointers(semantic)).toEqual([
      '/body/company',
      '/body/deadline',
      '/body/resumeVersion',
      '/body/salary/max',
      '/body/title',
    ])
    problemOf(
      await client.post('/api/applications', { company: 'A', title: 'B', contacts: Array(21).fill({ name: 'X' }) }),
      400,
      'VALIDATION_FAILED',
    )
    const app = await track(client, { company: 'Acme', title: 'Engineer' })
    const patched = problemOf(
      await patch(server, token, app.id, { company: null, status: 'lost', title: ' ' }, '*'),
      400,
      'VALIDATION_FAILED',
    )
    expect(pointers(patched)).toEqual(expect.arrayContaining(['/body/company', '/body/status', '/body/title']))
    problemOf(await patch(server, token, app.id, {}, '*'), 400, 'VALIDATION_FAILED')
    problemOf(await client.get('/api/applications?cursor=bm90LWEtY3Vyc29y'), 400, 'VALIDATION_FAILED')
    problemOf(await client.get('/api/applications?sort=salary'), 400, 'VALIDATION_FAILED')
  })

  it("answers 404 for another user's application, job, resume or resume version, like a missing one", async () => {
    const { server, client, token } = await signedIn()
    const stranger = clientOf(server, (await registerUser(server)).token)
    const theirJob = (await stranger.post('/api/jobs', { company: 'X', title: 'Y', description: 'Z' })).json().id
    const theirResume = await createResume(stranger)
    const theirApplication = await track(stranger, { company: 'Secret Co', title: 'Secret role' })
    problemOf(await client.post('/api/applications', { jobId: theirJob }), 404, 'JOB_NOT_FOUND')
    problemOf(await client.post('/api/applications', { jobId: randomUUID() }), 404, 'JOB_NOT_FOUND')
    problemOf(
      await client.post('/api/applications', { company: 'A', title: 'B', resumeId: theirResume }),
      404,
      'RESUME_NOT_FOUND',
    )
    const mine = await createResume(client)
    problemOf(
      await client.post('/api/applications', { company: 'A', title: 'B', resumeId: mine, resumeVersion: 99 }),
      404,
      'VERSION_NOT_FOUND',
    )
    const own = await track(client, { company: 'A', title: 'B' })
    problemOf(await patch(server, token, own.id, { jobId: theirJob }, '*'), 404, 'JOB_NOT_FOUND')
    problemOf(await patch(server, token, own.id, { resumeId: theirResume }, '*'), 404, 'RESUME_NOT_FOUND')

    for (const response of [
      await client.get(`/api/applications/${theirApplication.id}`),
      await patch(server, token, theirApplication.id, { title: 'Hijacked' }, '*'),
      await client.delete(`/api/applications/${theirApplication.id}`),
    ]) {
      problemOf(response, 404, 'APPLICATION_NOT_FOUND')
    }
    expect((await client.get('/api/applications')).json().items.map((a: { id: string }) => a.id)).toEqual([own.id])
    expect((await client.get('/api/applications/export.csv')).body).not.toContain('Secret Co')
    expect((await stranger.get(`/api/applications/${theirApplication.id}`)).json().title).toBe('Secret role')
  })

  it('filters by status, text and deadline, sorts four ways and pages with a cursor', async () => {
    const { client } = await signedIn()
    const made = [
      await track(client, { company: 'Zeta', title: 'Platform Engineer', status: 'offer' }),
      await track(client, {
        company: 'alpha',
        title: 'Data Engineer',
        status: 'applied',
        deadline: '2027-03-01T00:00:00Z',
      }),
      await track(client, { company: 'Beta', title: 'Designer', status: 'saved', deadline: '2027-02-01T00:00:00Z' }),
      await track(client, { company: 'Gamma', title: 'Backend ENGINEER', status: 'interviewing' }),
      await track(client, {
        company: 'Beta',
        title: 'Engineer II',
        status: 'applied',
        deadline: '2027-01-01T00:00:00Z',
      }),
    ]
    const ids = (url: string) =>
      client.get(url).then((r) => {
        expect(r.statusCode, r.body).toBe(200)
        return r.json().items.map((a: { id: string }) => made.findIndex((m) => m.id === a.id))
      })
    // Newest change first by default.
    expect(await ids('/api/applications')).toEqual([4, 3, 2, 1, 0])
    expect(await ids('/api/applications?status=applied')).toEqual([4, 1])
    expect(await ids('/api/applications?status=applied&status=offer')).toEqual([4, 1, 0])
    expect(await ids('/api/applications?q=engineer')).toEqual([4, 3, 1, 0])
    expect(await ids('/api/applications?q=BETA')).toEqual([4, 2])
    expect(await ids('/api/applications?deadlineBefore=2027-02-15T00:00:00Z')).toEqual([4, 2])
    expect(await ids('/api/applications?status=applied&q=data&deadlineBefore=2028-01-01T00:00:00Z')).toEqual([1])
    expect(await ids('/api/applications?sort=deadline')).toEqual([4, 2, 1, ...[0, 3].sort(byId(made))])
    expect(await ids('/api/applications?sort=company')).toEqual([1, ...[2, 4].sort(byId(made)), 3, 0])
    expect(await ids('/api/applications?sort=status')).toEqual([2, ...[1, 4].sort(byId(made)), 3, 0])

    for (const sort of ['updated', 'deadline', 'company', 'status']) {
      const whole = await ids(`/api/applications?sort=${sort}`)
      const seen: number[] = []
      let cursor: string | undefined
      do {
        const page = await client.get(
          `/api/applications?sort=${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        )
        expect(page.statusCode, page.body).toBe(200)
        seen.push(...page.json().items.map((a: { id: string }) => made.findIndex((m) => m.id === a.id)))
        cursor = page.json().nextCursor
      } while (cursor)
      expect(seen, sort).toEqual(whole)
    }
    // A cursor belongs to its sort.
    const first = (await client.get('/api/applications?sort=company&limit=1')).json().nextCursor
    problemOf(
      await client.get(`/api/applications?sort=deadline&cursor=${encodeURIComponent(first)}`),
      400,
      'VALIDATION_FAILED',
    )
  })

  it('exports the filtered list as CSV, quoting where needed and defusing formula cells', async () => {
    const { client } = await signedIn()
    await track(client, {
      company: '=HYPERLINK("https://evil.example","click")',
      title: 'Engineer, "Platform"',
      status: 'applied',
      notes: 'line one\nline two',
      contacts: [{ name: '@admin', role: 'Recruiter' }],
      salary: { min: 50000, max: 60000, currency: 'GBP', period: 'year' },
    })
    await track(client, { company: '+Plus Ltd', title: '-minus role', status: 'saved' })
    const csv = await client.get('/api/applications/export.csv?status=applied')
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers['content-disposition']).toBe('attachment; filename="applications.csv"')
    const [header, row, end, ...rest] = csv.body.split('\r\n')
    expect(header).toBe(
      'id,status,company,title,url,jobId,resumeId,resumeVersion,appliedAt,deadline,nextStepAt,nextStepNote,' +
        'location,remote,salaryMin,salaryMax,salaryCurrency,salaryPeriod,contacts,notes,createdAt,updatedAt',
    )
    expect(row).toContain(',applied,"\'=HYPERLINK(""https://evil.example"",""click"")","Engineer, ""Platform""",')
    // A line break inside a cell is quoted; records end in CRLF.
    expect(row).toContain(',50000,60000,GBP,year,\'@admin (Recruiter),"line one\nline two",')
    expect([end, rest]).toEqual(['', []])
    expect(csv.body).not.toContain('Plus Ltd')

    const all = (await client.get('/api/applications/export.csv?sort=company')).body
    expect(all).toContain(",saved,'+Plus Ltd,'-minus role,")
    problemOf(await client.get('/api/applications/export.csv?status=nope'), 400, 'VALIDATION_FAILED')
  })

  it('refuses an application past the applications quota with 409 QUOTA_EXCEEDED and reports usage', async () => {
    const { client } = await signedIn({ QUOTA_APPLICATIONS: '1' })
    await track(client, { company: 'A', title: 'B' })
    const refused = problemOf(
      await client.post('/api/applications', { company: 'C', title: 'D' }),
      409,
      'QUOTA_EXCEEDED',
    )
    expect(refused).toMatchObject({ quota: 'applications', limit: 1, used: 1 })
    expect((await client.get('/api/applications')).json().items).toHaveLength(1)
    expect((await client.get('/api/me/usage')).json().applications).toEqual({ used: 1, limit: 1 })
  })

  it('keeps an application when its job or resume is deleted, unlinking them', async () => {
    const { client } = await signedIn()
    const job = (await client.post('/api/jobs', { company: 'Acme', title: 'SRE', description: 'Linux.' })).json()
    const resumeId = await createResume(client)
    const app = await track(client, { jobId: job.id, resumeId, resumeVersion: 1 })
    expect((await client.delete(`/api/jobs/${job.id}`)).statusCode).toBe(204)
    const read = (await client.get(`/api/applications/${app.id}`)).json()
    expect(read).toMatchObject({ company: 'Acme', title: 'SRE', resumeId, resumeVersion: 1 })
    expect(read).not.toHaveProperty('jobId')
  })
})

function byId(made: { id: string }[]) {
  return (a: number, b: number) => ((made[a]?.id ?? '') < (made[b]?.id ?? '') ? -1 : 1)
}
