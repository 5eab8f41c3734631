import { describe, expect, it } from 'vitest'
import { clientOf, createResume, minimalResume } from '../helpers/resumes.js'
import { problemOf, registerUser, startTestServer } from '../helpers/server.js'

// Building a server (database, templates) is slow on a loaded machine; the work under test is fast.
describe('resume ownership over HTTP', { timeout: 120_000 }, () => {
  it('answers 404 RESUME_NOT_FOUND to another user on every resume route and changes nothing', async () => {
    const { server } = await startTestServer()
    const alice = clientOf(server, (await registerUser(server)).token)
    const bob = clientOf(server, (await registerUser(server)).token)
    const id = await createResume(alice, { title: 'Alice', tags: ['private'] })
    await alice.patch(`/api/resumes/${id}`, { content: minimalResume('Alice v2') })
    const draft = await alice.put(
      `/api/resumes/${id}/draft`,
      { content: minimalResume('Alice draft') },
      { 'if-match': '"v2"' },
    )
    const etag = draft.headers.etag as string
    const before = (await alice.get(`/api/resumes/${id}`)).json()

    const attempts = [
      () => bob.get(`/api/resumes/${id}`),
      () => bob.patch(`/api/resumes/${id}`, { title: 'Bob was here' }),
      () => bob.patch(`/api/resumes/${id}`, { content: minimalResume('Bob') }),
      () => bob.delete(`/api/resumes/${id}`),
      () => bob.post(`/api/resumes/${id}/restore`),
      () => bob.get(`/api/resumes/${id}/tailored`),
      () => bob.get(`/api/resumes/${id}/draft`),
      () => bob.put(`/api/resumes/${id}/draft`, { content: minimalResume('Bob') }, { 'if-match': etag }),
      () => bob.put(`/api/resumes/${id}/draft`, { content: minimalResume('Bob') }, { 'if-match': '*' }),
      () => bob.delete(`/api/resumes/${id}/draft`),
      () => bob.post(`/api/resumes/${id}/draft/commit`, { message: 'Bob' }),
      () => bob.get(`/api/resumes/${id}/versions`),
      () => bob.get(`/api/resumes/${id}/versions/1`),
      () => bob.post(`/api/resumes/${id}/versions/1/restore`),
      () => bob.get(`/api/resumes/${id}/diff?from=1&to=2`),
      () => bob.post('/api/resumes', { tailoredFrom: { resumeId: id, version: 1, jobId: 'job' } }),
    ]
    for (const attempt of attempts) problemOf(await attempt(), 404, 'RESUME_NOT_FOUND')
    expect(attempts).toHaveLength(16)

    expect((await bob.get('/api/resumes')).json().items).toEqual([])
    expect((await bob.get('/api/resumes?tag=private')).json().items).toEqual([])
    expect((await bob.get('/api/resumes?trashed=true')).json().items).toEqual([])

    // Alice sees exactly what she left.
    expect((await alice.get(`/api/resumes/${id}`)).json()).toEqual(before)
    const aliceDraft = await alice.get(`/api/resumes/${id}/draft`)
    expect(aliceDraft.headers.etag).toBe(etag)
    expect(aliceDraft.json().content).toEqual(minimalResume('Alice draft'))
    expect((await alice.get(`/api/resumes/${id}/versions`)).json().items).toHaveLength(2)

    // Bob cannot tailor his own resume to Alice's saved job either.
    const aliceJob = (await alice.post('/api/jobs', { description: 'Required: TypeScript.' })).json().id as string
    const bobResume = await createResume(bob, { title: 'Bob' })
    problemOf(
      await bob.post('/api/resumes', { tailoredFrom: { resumeId: bobResume, version: 1, jobId: aliceJob } }),
      404,
      'JOB_NOT_FOUND',
    )
    expect((await bob.get(`/api/resumes/${bobResume}/tailored`)).json().items).toEqual([])
  })

  it('answers 401 without a session and 400 for an id that is not a UUID', async () => {
    const { server } = await startTestServer()
    problemOf(await server.inject({ method: 'GET', url: '/api/resumes' }), 401, 'UNAUTHENTICATED')
    const alice = clientOf(server, (await registerUser(server)).token)
    problemOf(await alice.get('/api/resumes/not-a-uuid'), 400, 'VALIDATION_FAILED')
  })
})
