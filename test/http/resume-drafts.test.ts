import fastJsonPatch from 'fast-json-patch'
import { describe, expect, it } from 'vitest'
import type { DomainEvent } from '../../src/domain/events.js'
import { type Client, clientOf, createResume, minimalResume } from '../helpers/resumes.js'
import { problemOf, registerUser, startTestServer } from '../helpers/server.js'

const unquote = (etag: string | string[] | number | undefined) => String(etag).replace(/^"|"$/g, '')

async function signedIn() {
  // Autosave is chatty: these tests make more requests than the default per-user rate limit allows.
  const test = await startTestServer({ RATE_LIMIT_PER_USER: '100000' })
  const { token, email, password } = await registerUser(test.server)
  const events: DomainEvent[] = []
  test.app.services.events.on((event) => {
    events.push(event)
  })
  return { ...test, client: clientOf(test.server, token), email, password, events }
}

async function save(client: Client, id: string, etag: string, content: Record<string, unknown>) {
  return client.put(`/api/resumes/${id}/draft`, { content }, { 'if-match': `"${etag}"` })
}

// Building a server (database, templates) is slow on a loaded machine; the work under test is fast.
describe('drafts and versions over HTTP', { timeout: 120_000 }, () => {
  it('runs the whole flow: draft → commit → versions → diff → restore', async () => {
    const { client, events } = await signedIn()
    const id = await createResume(client, { content: minimalResume('Ada') })

    // Without a draft the working copy is the head version, with its ETag.
    const head = await client.get(`/api/resumes/${id}/draft`)
    expect(head.statusCode).toBe(200)
    expect(head.headers.etag).toBe('"v1"')
    expect(head.json()).toMatchObject({ saved: false, baseVersion: 1, valid: true, content: minimalResume('Ada') })

    // An autosave may be incomplete: it is stored and reported, not refused.
    const partial = { basics: { name: 'Ada L', email: 'ada@' } }
    const saved1 = await save(client, id, 'v1', partial)
    expect(saved1.statusCode).toBe(200)
    expect(saved1.json()).toMatchObject({ saved: true, valid: false, content: partial })
    expect(saved1.json().errors).toEqual([{ pointer: '/content/basics/email', message: 'must match format "email"' }])
    const problem = problemOf(await client.post(`/api/resumes/${id}/draft/commit`, {}), 422, 'DRAFT_INVALID')
    expect(problem.errors).toEqual([{ pointer: '/content/basics/email', message: 'must match format "email"' }])

    const fixed = { basics: { name: 'Ada L', email: 'ada@example.com' }, skills: [{ name: 'Math' }] }
    const saved2 = await save(client, id, unquote(saved1.headers.etag), fixed)
    expect(saved2.json()).toMatchObject({ valid: true, errors: [] })
    expect((await client.get(`/api/resumes/${id}`)).json()).toMatchObject({ hasDraft: true, headVersion: 1 })

    const committed = await client.post(`/api/resumes/${id}/draft/commit`, { message: 'Polished' })
    expect(committed.statusCode).toBe(201)
    expect(committed.headers.location).toBe(`/api/resumes/${id}/versions/2`)
    expect(committed.json()).toMatchObject({ number: 2, message: 'Polished', content: fixed, restoredFrom: null })
    expect((await client.get(`/api/resumes/${id}`)).json()).toMatchObject({
      headVersion: 2,
      hasDraft: false,
      content: fixed,
    })
    expect((await client.get(`/api/resumes/${id}/draft`)).headers.etag).toBe('"v2"')
    problemOf(await client.post(`/api/resumes/${id}/draft/commit`), 404, 'DRAFT_NOT_FOUND')

    // A second round, committed without a body.
    await save(client, id, 'v2', { ...fixed, basics: { ...fixed.basics, label: 'Programmer' } })
    expect((await client.post(`/api/resumes/${id}/draft/commit`)).json()).toMatchObject({
      number: 3,
      message: 'Committed draft',
    })

    const versions = (await client.get(`/api/resumes/${id}/versions?limit=2`)).json()
    expect(versions.items.map((v: { number: number }) => v.number)).toEqual([3, 2])
    expect(versions.items[0]).not.toHaveProperty('content')
    const older = (await client.get(`/api/resumes/${id}/versions?limit=2&cursor=${versions.nextCursor}`)).json()
    expect(older).toEqual({ items: [expect.objectContaining({ number: 1, message: 'Created' })], nextCursor: null })
    expect((await client.get(`/api/resumes/${id}/versions/1`)).json().content).toEqual(minimalResume('Ada'))
    problemOf(await client.get(`/api/resumes/${id}/versions/9`), 404, 'VERSION_NOT_FOUND')

    const diff = await client.get(`/api/resumes/${id}/diff?from=1&to=2`)
    expect(diff.statusCode).toBe(200)
    expect(diff.json()).toEqual({
      from: 1,
      to: 2,
      patch: [
        { op: 'remove', path: '/work' },
        { op: 'replace', path: '/basics/name', value: 'Ada L' },
        { op: 'add', path: '/skills', value: [{ name: 'Math' }] },
      ],
    })
    // Applying the patch to version 1 gives version 2.
    expect(fastJsonPatch.applyPatch(minimalResume('Ada'), diff.json().patch).newDocument).toEqual(fixed)
    const toHead = (await client.get(`/api/resumes/${id}/diff?from=2`)).json()
    expect(toHead).toEqual({ from: 2, to: 3, patch: [{ op: 'add', path: '/basics/label', value: 'Programmer' }] })
    problemOf(await client.get(`/api/resumes/${id}/diff?from=1&to=7`), 404, 'VERSION_NOT_FOUND')
    problemOf(await client.get(`/api/resumes/${id}/diff`), 400, 'VALIDATION_FAILED')

    const restored = await client.post(`/api/resumes/${id}/versions/1/restore`)
    expect(restored.statusCode).toBe(201)
    expect(restored.json()).toMatchObject({
      number: 4,
      restoredFrom: 1,
      message: 'Restored version 1',
      content: minimalResume('Ada'),
    })
    expect((await client.get(`/api/resumes/${id}`)).json()).toMatchObject({
      headVersion: 4,
      content: minimalResume('Ada'),
    })
    // History is kept: version 2 and 3 are still there, unchanged.
    expect((await client.get(`/api/resumes/${id}/versions/2`)).json().content).toEqual(fixed)
    expect((await client.get(`/api/resumes/${id}/diff?from=1&to=4`)).json().patch).toEqual([])

    expect(events.filter((e) => e.resumeId === id).map((e) => e.name)).toEqual([
      'RESUME_UPDATED',
      'DRAFT_SAVED',
      'DRAFT_SAVED',
      'DRAFT_COMMITTED',
      'DRAFT_SAVED',
      'DRAFT_COMMITTED',
      'RESUME_UPDATED',
    ])
  })

  it('needs If-Match on PUT (428) and answers a stale one with 412 and the current ETag; the newer draft survives', async () => {
    const { client, server, email, password } = await signedIn()
    const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
    const laptop = client
    const phone = clientOf(server, login.json().token)
    const id = await createResume(laptop)

    problemOf(await laptop.put(`/api/resumes/${id}/draft`, { content: {} }), 428, 'PRECONDITION_REQUIRED')

    const etag = unquote((await laptop.get(`/api/resumes/${id}/draft`)).headers.etag)
    expect(unquote((await phone.get(`/api/resumes/${id}/draft`)).headers.etag)).toBe(etag)
    const fromPhone = await save(phone, id, etag, minimalResume('From the phone'))
    expect(fromPhone.statusCode).toBe(200)

    const stale = await save(laptop, id, etag, minimalResume('From the laptop'))
    const problem = problemOf(stale, 412, 'DRAFT_VERSION_CONFLICT')
    expect(stale.headers.etag).toBe(fromPhone.headers.etag)
    expect(problem.etag).toBe(unquote(fromPhone.headers.etag))

    const current = await laptop.get(`/api/resumes/${id}/draft`)
    expect(current.json().content).toEqual(minimalResume('From the phone'))
    expect(current.headers.etag).toBe(fromPhone.headers.etag)

    // Weak and unknown tags never match; several tags match if one is current; * overwrites on purpose.
    problemOf(
      await laptop.put(`/api/resumes/${id}/draft`, { content: {} }, { 'if-match': `W/${fromPhone.headers.etag}` }),
      412,
      'DRAFT_VERSION_CONFLICT',
    )
    const listed = await laptop.put(
      `/api/resumes/${id}/draft`,
      { content: { a: 1 } },
      { 'if-match': `"x", ${fromPhone.headers.etag}` },
    )
    expect(listed.statusCode).toBe(200)
    expect((await laptop.put(`/api/resumes/${id}/draft`, { content: { b: 2 } }, { 'if-match': '*' })).statusCode).toBe(
      200,
    )

    // A stale commit or discard is refused too; a current one goes through.
    const latest = (await laptop.get(`/api/resumes/${id}/draft`)).headers.etag as string
    problemOf(
      await laptop.post(`/api/resumes/${id}/draft/commit`, {}, { 'if-match': listed.headers.etag as string }),
      412,
      'DRAFT_VERSION_CONFLICT',
    )
    problemOf(await laptop.delete(`/api/resumes/${id}/draft`, { 'if-match': '"v1"' }), 412, 'DRAFT_VERSION_CONFLICT')
    expect((await laptop.delete(`/api/resumes/${id}/draft`, { 'if-match': latest })).statusCode).toBe(204)
    problemOf(await laptop.delete(`/api/resumes/${id}/draft`), 404, 'DRAFT_NOT_FOUND')
    expect((await laptop.get(`/api/resumes/${id}/draft`)).json()).toMatchObject({ saved: false, etag: 'v1' })
  })

  it('lets exactly one of 50 simultaneous autosaves with the same ETag win, without a 5xx', async () => {
    const { client, server, email, password } = await signedIn()
    const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
    const clients = [client, clientOf(server, login.json().token)]
    const id = await createResume(client)
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => save(clients[i % 2] as Client, id, 'v1', minimalResume(`save ${i}`))),
    )
    const statuses = responses.map((r) => r.statusCode)
    console.log(
      `50 simultaneous saves with one ETag: ${statuses.filter((s) => s === 200).length}×200, ${statuses.filter((s) => s === 412).length}×412`,
    )
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 412)).toHaveLength(49)
    const winner = responses.find((r) => r.statusCode === 200)
    const draft = await client.get(`/api/resumes/${id}/draft`)
    expect(draft.headers.etag).toBe(winner?.headers.etag)
    expect(draft.json().content).toEqual(winner?.json().content)
    for (const loser of responses.filter((r) => r.statusCode === 412))
      expect(loser.headers.etag).toBe(winner?.headers.etag)
  })

  it('keeps one consistent latest draft when two clients autosave 50 times concurrently, retrying on 412', async () => {
    const { client, server, email, password } = await signedIn()
    const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
    const id = await createResume(client)
    const accepted: Array<{ ifMatch: string; etag: string; content: Record<string, unknown> }> = []
    const statuses: number[] = []

    async function autosave(device: Client, name: string, saves: number) {
      let etag = unquote((await device.get(`/api/resumes/${id}/draft`)).headers.etag)
      for (let i = 0; i < saves; ) {
        const content = minimalResume(`${name} edit ${i}`)
        const response = await save(device, id, etag, content)
        statuses.push(response.statusCode)
        if (response.statusCode === 200) {
          accepted.push({ ifMatch: etag, etag: unquote(response.headers.etag), content })
          etag = unquote(response.headers.etag)
          i += 1
        } else if (response.statusCode === 412) {
          etag = response.json().etag // merge with what the other device saved, then try again
        } else {
          throw new Error(`unexpected ${response.statusCode} ${response.body}`)
        }
      }
    }
    await Promise.all([autosave(client, 'laptop', 25), autosave(clientOf(server, login.json().token), 'phone', 25)])

    console.log(
      `two clients × 25 autosaves: ${accepted.length} accepted, ${statuses.filter((s) => s === 412).length} conflicts (412), 0 5xx`,
    )
    expect(statuses.every((s) => s === 200 || s === 412)).toBe(true)
    expect(accepted).toHaveLength(50)
    // Every accepted save built on the one before it: the ETags form a single chain from v1, no save overwrote
    // another unseen.
    const byIfMatch = new Map(accepted.map((a) => [a.ifMatch, a]))
    expect(byIfMatch.size).toBe(50)
    let cursor = 'v1'
    const chain = []
    while (byIfMatch.has(cursor)) {
      const next = byIfMatch.get(cursor) as (typeof accepted)[number]
      chain.push(next)
      cursor = next.etag
    }
    expect(chain).toHaveLength(50)
    const draft = await client.get(`/api/resumes/${id}/draft`)
    expect(unquote(draft.headers.etag)).toBe(cursor)
    expect(draft.json().content).toEqual(chain.at(-1)?.content)
  })
})
