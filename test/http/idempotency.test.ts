/**
 * Idempotency-Key on create requests: a repeated request gets the first answer again (and creates nothing), the key
 * is the user's own, another request under the same key is refused, a malformed key is a 400.
 */
import { describe, expect, it } from 'vitest'
import { clientOf, createResume, minimalResume } from '../helpers/resumes.js'
import { problemOf, registerUser, startTestServer } from '../helpers/server.js'

const KEY = { 'idempotency-key': 'create-resume-6f1c9a' }

async function twoUsers() {
  const { server } = await startTestServer()
  const alice = clientOf(server, (await registerUser(server)).token)
  const bob = clientOf(server, (await registerUser(server)).token)
  return { server, alice, bob }
}

const countOf = async (client: ReturnType<typeof clientOf>, url: string) =>
  ((await client.get(url)).json() as { items: unknown[] }).items.length

describe('Idempotency-Key', () => {
  it('answers a repeated create with the first answer, marked as a replay, and creates one resume', async () => {
    const { alice } = await twoUsers()
    const body = { title: 'Retried', content: minimalResume() }
    const first = await alice.post('/api/resumes', body, KEY)
    expect(first.statusCode, first.body).toBe(201)
    expect(first.headers['idempotent-replayed']).toBeUndefined()
    const again = await alice.post('/api/resumes', body, KEY)
    expect(again.statusCode).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.headers.location).toBe(first.headers.location)
    expect(again.json()).toEqual(first.json())
    expect(await countOf(alice, '/api/resumes')).toBe(1)

    // Without a key, a repeat is a new request.
    await alice.post('/api/resumes', body)
    expect(await countOf(alice, '/api/resumes')).toBe(2)
  })

  it('refuses the same key with another body (422) and keeps keys apart per user', async () => {
    const { alice, bob } = await twoUsers()
    expect((await alice.post('/api/jobs', { description: 'Backend engineer, Go.' }, KEY)).statusCode).toBe(201)
    problemOf(await alice.post('/api/jobs', { description: 'Frontend engineer.' }, KEY), 422, 'IDEMPOTENCY_KEY_REUSED')
    // The same key on another route is another request too.
    problemOf(
      await alice.post('/api/resumes', { title: 'x', content: minimalResume() }, KEY),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    )
    // Bob's key of the same name is his own.
    const bobs = await bob.post('/api/jobs', { description: 'Backend engineer, Go.' }, KEY)
    expect(bobs.statusCode).toBe(201)
    expect(bobs.headers['idempotent-replayed']).toBeUndefined()
    expect(await countOf(alice, '/api/jobs')).toBe(1)
    expect(await countOf(bob, '/api/jobs')).toBe(1)
  })

  it('commits a draft once when the commit is sent twice with one key', async () => {
    const { alice } = await twoUsers()
    const id = await createResume(alice)
    const draft = await alice.put(
      `/api/resumes/${id}/draft`,
      { content: minimalResume('Ada Retry') },
      { 'if-match': '*' },
    )
    expect(draft.statusCode, draft.body).toBe(200)
    const commit = () =>
      alice.post(`/api/resumes/${id}/draft/commit`, { message: 'once' }, { 'idempotency-key': 'c-1' })
    const [a, b] = await Promise.all([commit(), commit()])
    // Sent at once: one runs, the other waits for nothing and is told the key is in use, or replays the answer.
    const statuses = [a.statusCode, b.statusCode].sort()
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses)
    const late = await commit()
    expect(late.statusCode).toBe(201)
    expect(late.headers['idempotent-replayed']).toBe('true')
    expect(await countOf(alice, `/api/resumes/${id}/versions`)).toBe(2)
  })

  it('refuses a malformed key with 400 naming the header', async () => {
    const { alice } = await twoUsers()
    for (const key of ['', 'has space', 'x'.repeat(256)]) {
      const body = problemOf(
        await alice.post('/api/jobs', { description: 'Backend engineer.' }, { 'idempotency-key': key }),
        400,
        'VALIDATION_FAILED',
      )
      expect(body.errors).toEqual([expect.objectContaining({ pointer: '/headers/idempotency-key' })])
    }
    expect(await countOf(alice, '/api/jobs')).toBe(0)
  })
})
