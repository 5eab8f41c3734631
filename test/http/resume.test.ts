import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import type { DomainEvent } from '../../src/domain/events.js'
import { clientOf, createResume, minimalResume, sampleResume } from '../helpers/resumes.js'
import { problemOf, registerUser, startTestServer } from '../helpers/server.js'

async function signedIn(env: Record<string, string> = {}) {
  const test = await startTestServer(env)
  const { token, userId } = await registerUser(test.server)
  const events: DomainEvent[] = []
  test.app.services.events.on((event) => {
    events.push(event)
  })
  return { ...test, client: clientOf(test.server, token), userId, events }
}

// Building a server (database, templates) is slow on a loaded machine; the work under test is fast.
describe('resumes over HTTP', { timeout: 120_000 }, () => {
  it('round-trips a sample JSON Resume through create → get exactly, fields outside the schema included', async () => {
    const { client } = await signedIn()
    const content = sampleResume()
    const created = await client.post('/api/resumes', { title: 'Sample', tags: ['base'], content })
    expect(created.statusCode).toBe(201)
    const id = created.json().id
    expect(created.headers.location).toBe(`/api/resumes/${id}`)
    const fetched = await client.get(`/api/resumes/${id}`)
    expect(fetched.statusCode).toBe(200)
    const body = fetched.json()
    expect(body.content).toEqual(content)
    // Same keys in the same order: the JSON text is identical.
    expect(JSON.stringify(body.content)).toBe(JSON.stringify(content))
    expect(body).toMatchObject({ id, title: 'Sample', tags: ['base'], templateId: 'classic', headVersion: 1 })
    expect(body).toMatchObject({ hasDraft: false, tailoredFrom: null, deletedAt: null })
  })

  it('rejects content that is not JSON Resume with 400 naming every bad path', async () => {
    const { client } = await signedIn()
    const response = await client.post('/api/resumes', {
      title: 'Broken',
      content: {
        basics: { name: 42, email: 'not-an-email', profiles: {} },
        work: [{ name: 'Ok' }, { startDate: 'June 2020' }],
        skills: 'lots',
      },
    })
    const problem = problemOf(response, 400, 'VALIDATION_FAILED')
    const pointers = (problem.errors as Array<{ pointer: string }>).map((e) => e.pointer).sort()
    expect(pointers).toEqual([
      '/body/content/basics/email',
      '/body/content/basics/name',
      '/body/content/basics/profiles',
      '/body/content/skills',
      '/body/content/work/1/startDate',
    ])
    expect((await client.get('/api/resumes')).json().items).toEqual([])
  })

  it('rejects a bad title, template id, tag list or unknown field with 400', async () => {
    const { client } = await signedIn()
    const cases = [
      { body: { title: '', content: {} }, pointer: '/body/title' },
      { body: { title: 'x'.repeat(201), content: {} }, pointer: '/body/title' },
      { body: { templateId: 'Not Valid!', content: {} }, pointer: '/body/templateId' },
      { body: { tags: Array.from({ length: 21 }, (_, i) => `t${i}`), content: {} }, pointer: '/body/tags' },
      { body: { tags: ['x'.repeat(41)], content: {} }, pointer: '/body/tags/0' },
      { body: { content: [] }, pointer: '/body/content' },
      { body: { content: {}, owner: 'me' }, pointer: '/body/owner' },
    ]
    for (const { body, pointer } of cases) {
      const problem = problemOf(await client.post('/api/resumes', body), 400, 'VALIDATION_FAILED')
      expect((problem.errors as Array<{ pointer: string }>).map((e) => e.pointer)).toContain(pointer)
    }
  })

  it('refuses content over the size limit with 413 CONTENT_TOO_LARGE, and a body over the body limit too', async () => {
    const { client } = await signedIn({ RESUME_CONTENT_MAX_BYTES: '4096' })
    const big = { basics: { name: 'A', summary: 'x'.repeat(5000) } }
    const problem = problemOf(await client.post('/api/resumes', { content: big }), 413, 'CONTENT_TOO_LARGE')
    expect(problem.limit).toBe(4096)
    const id = await createResume(client)
    problemOf(await client.patch(`/api/resumes/${id}`, { content: big }), 413, 'CONTENT_TOO_LARGE')
    problemOf(
      await client.put(`/api/resumes/${id}/draft`, { content: big }, { 'if-match': '"v1"' }),
      413,
      'CONTENT_TOO_LARGE',
    )
    const huge = { basics: { summary: 'x'.repeat(2 * 1024 * 1024 + 10) } }
    problemOf(await client.post('/api/resumes', { content: huge }), 413, 'PAYLOAD_TOO_LARGE')
  })

  it('stops at the per-user resume quota with 409 QUOTA_EXCEEDED naming `resumes`, counting the trash', async () => {
    const { client, server } = await signedIn({ RESUMES_PER_USER_MAX: '2' })
    const first = await createResume(client)
    await createResume(client)
    expect((await client.delete(`/api/resumes/${first}`)).statusCode).toBe(204)
    const problem = problemOf(await client.post('/api/resumes', { content: {} }), 409, 'QUOTA_EXCEEDED')
    expect(problem).toMatchObject({ quota: 'resumes', limit: 2, used: 2 })
    expect((await client.get('/api/resumes')).json().items).toHaveLength(1)
    // Another user has their own allowance.
    const other = clientOf(server, (await registerUser(server)).token)
    expect((await other.post('/api/resumes', { content: {} })).statusCode).toBe(201)
  })

  it('lists newest first, by tag, with a cursor, and never another user’s resumes', async () => {
    const { client, server } = await signedIn()
    const ids: string[] = []
    for (let i = 0; i < 5; i += 1)
      ids.push(await createResume(client, { title: `R${i}`, tags: i < 3 ? ['go'] : ['rust'] }))
    await createResume(clientOf(server, (await registerUser(server)).token))

    const first = (await client.get('/api/resumes?limit=2')).json()
    expect(first.items.map((r: { title: string }) => r.title)).toEqual(['R4', 'R3'])
    expect(first.items[0]).not.toHaveProperty('content')
    const second = (await client.get(`/api/resumes?limit=2&cursor=${first.nextCursor}`)).json()
    const third = (await client.get(`/api/resumes?limit=2&cursor=${second.nextCursor}`)).json()
    expect([...second.items, ...third.items].map((r: { title: string }) => r.title)).toEqual(['R2', 'R1', 'R0'])
    expect(third.nextCursor).toBeNull()
    const go = (await client.get('/api/resumes?tag=go')).json()
    expect(go.items.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1], ids[0]])
    problemOf(await client.get('/api/resumes?cursor=garbage'), 400, 'VALIDATION_FAILED')
  })

  it('PATCH of title/template/tags keeps the version; PATCH of content commits a new one', async () => {
    const { client, userId, events } = await signedIn()
    const id = await createResume(client)
    const renamed = await client.patch(`/api/resumes/${id}`, {
      title: 'Renamed',
      templateId: 'modern',
      tags: ['a', 'A', ' b '],
    })
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json()).toMatchObject({ title: 'Renamed', templateId: 'modern', tags: ['a', 'b'], headVersion: 1 })
    const edited = await client.patch(`/api/resumes/${id}`, {
      content: minimalResume('Grace'),
      message: 'Rename person',
    })
    expect(edited.json()).toMatchObject({ headVersion: 2, content: minimalResume('Grace'), title: 'Renamed' })
    const v2 = (await client.get(`/api/resumes/${id}/versions/2`)).json()
    expect(v2).toMatchObject({ number: 2, message: 'Rename person', content: minimalResume('Grace') })
    problemOf(
      await client.patch(`/api/resumes/${id}`, { content: { basics: { email: 'x' } } }),
      400,
      'VALIDATION_FAILED',
    )
    problemOf(await client.patch(`/api/resumes/${id}`, {}), 400, 'VALIDATION_FAILED')
    expect(events.filter((e) => e.resumeId === id).map((e) => e.name)).toEqual([
      'RESUME_UPDATED',
      'RESUME_UPDATED',
      'RESUME_UPDATED',
    ])
    expect(events.every((e) => e.userId === userId)).toBe(true)
  })

  it('moves a resume to the trash, lists it there, restores it, and purges it after the retention period', async () => {
    const { client, app, userId, events } = await signedIn()
    const id = await createResume(client)
    const deleted = await client.delete(`/api/resumes/${id}`)
    expect(deleted.statusCode).toBe(204)
    expect(events.at(-1)).toEqual({ name: 'RESUME_DELETED', resumeId: id, userId })
    problemOf(await client.get(`/api/resumes/${id}`), 404, 'RESUME_NOT_FOUND')
    problemOf(await client.get(`/api/resumes/${id}/draft`), 404, 'RESUME_NOT_FOUND')
    problemOf(await client.delete(`/api/resumes/${id}`), 404, 'RESUME_NOT_FOUND')
    expect((await client.get('/api/resumes')).json().items).toEqual([])
    const trash = (await client.get('/api/resumes?trashed=true')).json().items
    expect(trash).toHaveLength(1)
    const purgeAt = new Date(trash[0].purgeAt).getTime()
    expect(purgeAt - new Date(trash[0].deletedAt).getTime()).toBe(30 * 24 * 3600 * 1000)

    const restored = await client.post(`/api/resumes/${id}/restore`)
    expect(restored.statusCode).toBe(200)
    expect(restored.json()).toMatchObject({ id, deletedAt: null, content: minimalResume() })
    expect((await client.get(`/api/resumes/${id}`)).statusCode).toBe(200)

    // Deleted 31 days ago: no longer restorable, and the purge removes it with everything it owns.
    await client.delete(`/api/resumes/${id}`)
    await sql`update resumes set deleted_at = now() - interval '31 days' where id = ${id}`.execute(app.database.db)
    problemOf(await client.post(`/api/resumes/${id}/restore`), 404, 'RESUME_NOT_FOUND')
    const kept = await createResume(client)
    await client.delete(`/api/resumes/${kept}`)
    expect(await app.services.resumes.purgeExpired()).toBe(1)
    const versions = await sql<{
      n: number
    }>`select count(*)::int as n from resume_versions where resume_id = ${id}`.execute(app.database.db)
    expect(versions.rows[0]?.n).toBe(0)
    expect((await client.get('/api/resumes?trashed=true')).json().items.map((r: { id: string }) => r.id)).toEqual([
      kept,
    ])
    expect(events.at(-1)).toEqual({ name: 'RESUME_DELETED', resumeId: id, userId })
  })

  it('deletes a resume in the trash for good and empties the trash, freeing storage, only from the trash', async () => {
    const { client, app, userId, events } = await signedIn()
    const live = await createResume(client, { title: 'Live' })
    const [one, two] = [await createResume(client), await createResume(client)]
    await client.patch(`/api/resumes/${one}`, { content: minimalResume('Version Two') })
    await client.put(`/api/resumes/${one}/draft`, { content: minimalResume('Draft') }, { 'if-match': '"v2"' })
    const usedBy = async () => {
      const stored = await sql<{
        bytes: string
      }>`select storage_bytes as bytes from user_usage where user_id = ${userId}`.execute(app.database.db)
      return Number(stored.rows[0]?.bytes)
    }
    const withAll = await usedBy()
    await client.delete(`/api/resumes/${one}`)
    await client.delete(`/api/resumes/${two}`)
    // Read the trash first so a cached list would be served afterwards if deleting did not drop it.
    expect((await client.get('/api/resumes?trashed=true')).json().items).toHaveLength(2)

    problemOf(await client.delete(`/api/resumes/${live}/permanently`), 409, 'RESUME_NOT_IN_TRASH')
    problemOf(await client.delete('/api/resumes/not-a-uuid/permanently'), 400, 'VALIDATION_FAILED')
    const gone = await client.delete(`/api/resumes/${one}/permanently`)
    expect(gone.statusCode).toBe(204)
    expect(events.at(-1)).toEqual({ name: 'RESUME_DELETED', resumeId: one, userId })
    problemOf(await client.delete(`/api/resumes/${one}/permanently`), 404, 'RESUME_NOT_FOUND')
    problemOf(await client.post(`/api/resumes/${one}/restore`), 404, 'RESUME_NOT_FOUND')
    const rows = await sql<{ versions: number; drafts: number }>`select
      (select count(*)::int from resume_versions where resume_id = ${one}) as versions,
      (select count(*)::int from resume_drafts where resume_id = ${one}) as drafts`.execute(app.database.db)
    expect(rows.rows[0]).toEqual({ versions: 0, drafts: 0 })
    expect((await client.get('/api/resumes?trashed=true')).json().items.map((r: { id: string }) => r.id)).toEqual([two])
    const perResume = JSON.stringify(minimalResume()).length
    expect(withAll - (await usedBy())).toBe(
      perResume + JSON.stringify(minimalResume('Version Two')).length + JSON.stringify(minimalResume('Draft')).length,
    )

    const emptied = await client.delete('/api/resumes/trash')
    expect(emptied.statusCode).toBe(200)
    expect(emptied.json()).toEqual({ deleted: 1 })
    expect(events.at(-1)).toEqual({ name: 'RESUME_DELETED', resumeId: two, userId })
    expect((await client.get('/api/resumes?trashed=true')).json().items).toEqual([])
    expect((await client.delete('/api/resumes/trash')).json()).toEqual({ deleted: 0 })
    expect((await client.get('/api/resumes')).json().items.map((r: { id: string }) => r.id)).toEqual([live])
    expect(await usedBy()).toBe(perResume)
  })

  it("never empties another user's trash", async () => {
    const { server, client } = await signedIn()
    const bob = clientOf(server, (await registerUser(server)).token)
    const id = await createResume(client)
    await client.delete(`/api/resumes/${id}`)
    problemOf(await bob.delete(`/api/resumes/${id}/permanently`), 404, 'RESUME_NOT_FOUND')
    expect((await bob.delete('/api/resumes/trash')).json()).toEqual({ deleted: 0 })
    expect((await client.get('/api/resumes?trashed=true')).json().items.map((r: { id: string }) => r.id)).toEqual([id])
  })

  it('purges expired trash on its own when the interval is set', async () => {
    const { client, app } = await signedIn({ RESUME_PURGE_INTERVAL_MS: '50' })
    const id = await createResume(client)
    await client.delete(`/api/resumes/${id}`)
    await sql`update resumes set deleted_at = now() - interval '31 days' where id = ${id}`.execute(app.database.db)
    const until = Date.now() + 5000
    let left = 1
    while (left > 0 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      const rows = await sql<{ n: number }>`select count(*)::int as n from resumes where id = ${id}`.execute(
        app.database.db,
      )
      left = rows.rows[0]?.n ?? 0
    }
    expect(left).toBe(0)
  })

  it('creates tailored resumes from a base version and lists them as the base’s children', async () => {
    const { client, userId, events } = await signedIn()
    const base = await createResume(client, { title: 'Base', templateId: 'modern' })
    await client.patch(`/api/resumes/${base}`, { content: minimalResume('Version Two') })
    const jobId = (await client.post('/api/jobs', { description: 'Required: TypeScript.' })).json().id as string
    const acme = (await client.post('/api/jobs', { company: 'ACME', description: 'Required: Go.' })).json().id as string
    const tailored = await client.post('/api/resumes', { tailoredFrom: { resumeId: base, version: 1, jobId } })
    expect(tailored.statusCode).toBe(201)
    expect(tailored.json()).toMatchObject({
      title: 'Base (tailored)',
      templateId: 'modern',
      headVersion: 1,
      content: minimalResume(),
      tailoredFrom: { resumeId: base, version: 1, jobId },
    })
    expect(events.at(-1)).toEqual({ name: 'TAILORED_CREATED', resumeId: base, userId })
    const own = await client.post('/api/resumes', {
      title: 'For ACME',
      content: minimalResume('Edited for ACME'),
      tailoredFrom: { resumeId: base, version: 2, jobId: acme },
    })
    expect(own.json()).toMatchObject({ title: 'For ACME', content: minimalResume('Edited for ACME') })
    const children = (await client.get(`/api/resumes/${base}/tailored`)).json()
    expect(children.items.map((r: { id: string }) => r.id)).toEqual([own.json().id, tailored.json().id])
    expect((await client.get(`/api/resumes/${tailored.json().id}/tailored`)).json().items).toEqual([])

    const missingVersion = await client.post('/api/resumes', { tailoredFrom: { resumeId: base, version: 9, jobId } })
    expect(problemOf(missingVersion, 404, 'VERSION_NOT_FOUND').errors).toEqual([
      { pointer: '/body/tailoredFrom/version', message: 'must be from 1 to 2' },
    ])
    const missingBase = await client.post('/api/resumes', {
      tailoredFrom: { resumeId: '00000000-0000-4000-8000-000000000000', version: 1, jobId },
    })
    problemOf(missingBase, 404, 'RESUME_NOT_FOUND')
    for (const unknownJob of ['6f1f7f5e-1b7c-4bfa-9d7c-5d4f3a2b1c0d', 'acme-1']) {
      const missingJob = await client.post('/api/resumes', {
        tailoredFrom: { resumeId: base, version: 1, jobId: unknownJob },
      })
      expect(problemOf(missingJob, 404, 'JOB_NOT_FOUND').errors).toEqual([
        { pointer: '/body/tailoredFrom/jobId', message: 'is not one of your saved jobs' },
      ])
    }
    await client.delete(`/api/jobs/${acme}`)
    const deletedJob = await client.post('/api/resumes', { tailoredFrom: { resumeId: base, version: 1, jobId: acme } })
    problemOf(deletedJob, 404, 'JOB_NOT_FOUND')
    expect((await client.get(`/api/resumes/${base}/tailored`)).json().items).toHaveLength(2)
    problemOf(await client.post('/api/resumes', { title: 'No content' }), 400, 'VALIDATION_FAILED')
  })
})
