import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { TAXONOMY_ATTRIBUTION } from '../../src/domain/intelligence/analysis/taxonomy.js'
import { BACKEND_POSTING } from '../fixtures/postings.js'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

describe('saved job postings', () => {
  it('saves, reads, lists, analyses and deletes a posting', async () => {
    const { server } = await startTestServer()
    const { token } = await registerUser(server)
    const created = await server.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: bearer(token),
      payload: {
        title: 'Senior Backend Engineer',
        company: 'Northwind',
        url: 'https://jobs.example.com/42',
        description: BACKEND_POSTING,
      },
    })
    expect(created.statusCode).toBe(201)
    const job = created.json()
    expect(job).toMatchObject({ title: 'Senior Backend Engineer', company: 'Northwind', description: BACKEND_POSTING })
    expect(created.headers.location).toBe(`/api/jobs/${job.id}`)

    const read = await server.inject({ method: 'GET', url: `/api/jobs/${job.id}`, headers: bearer(token) })
    expect(read.json()).toEqual(job)

    const list = await server.inject({ method: 'GET', url: '/api/jobs', headers: bearer(token) })
    expect(list.json()).toEqual({ items: [job] })

    const analysis = await server.inject({ method: 'GET', url: `/api/jobs/${job.id}/analysis`, headers: bearer(token) })
    expect(analysis.statusCode).toBe(200)
    const body = analysis.json()
    expect(body.title).toBe('Senior Backend Engineer')
    expect(body.company).toBe('Northwind')
    expect(body.remote).toBe('Hybrid')
    expect(body.seniority).toEqual({ level: 'senior', inferred: false })
    expect(body.yearsOfExperience).toMatchObject({ min: 5, importance: 'required' })
    expect(body.education).toMatchObject({ level: 'bachelor', field: 'Computer Science', equivalentExperience: true })
    const k8s = body.requiredSkills.find((s: { id: string }) => s.id === 'kubernetes')
    expect(k8s).toMatchObject({
      name: 'Kubernetes',
      asWritten: 'k8s',
      sentence: 'Design and operate services on k8s and AWS',
    })
    expect(body.preferredSkills.map((s: { name: string }) => s.name)).toEqual([
      'Apache Kafka',
      'Terraform',
      'Mentoring',
    ])
    expect(body.attribution).toEqual([...TAXONOMY_ATTRIBUTION])

    const deleted = await server.inject({ method: 'DELETE', url: `/api/jobs/${job.id}`, headers: bearer(token) })
    expect(deleted.statusCode).toBe(204)
    problemOf(
      await server.inject({ method: 'GET', url: `/api/jobs/${job.id}`, headers: bearer(token) }),
      404,
      'JOB_NOT_FOUND',
    )
  })

  it("answers 404 JOB_NOT_FOUND for another user's job on every route", async () => {
    const { server } = await startTestServer()
    const owner = await registerUser(server)
    const stranger = await registerUser(server)
    const job = (
      await server.inject({
        method: 'POST',
        url: '/api/jobs',
        headers: bearer(owner.token),
        payload: { description: BACKEND_POSTING },
      })
    ).json()
    for (const [method, url] of [
      ['GET', `/api/jobs/${job.id}`],
      ['GET', `/api/jobs/${job.id}/analysis`],
      ['DELETE', `/api/jobs/${job.id}`],
    ] as const) {
      problemOf(await server.inject({ method, url, headers: bearer(stranger.token) }), 404, 'JOB_NOT_FOUND')
    }
    expect((await server.inject({ method: 'GET', url: '/api/jobs', headers: bearer(stranger.token) })).json()).toEqual({
      items: [],
    })
    problemOf(
      await server.inject({ method: 'GET', url: `/api/jobs/${randomUUID()}`, headers: bearer(owner.token) }),
      404,
      'JOB_NOT_FOUND',
    )
  })

  it('pages the list with a cursor and validates input', async () => {
    const { server } = await startTestServer()
    const { token } = await registerUser(server)
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const response = await server.inject({
        method: 'POST',
        url: '/api/jobs',
        headers: bearer(token),
        payload: { title: `Job ${i}`, description: `Posting ${i}: we need SQL.` },
      })
      ids.push(response.json().id)
    }
    const first = (await server.inject({ method: 'GET', url: '/api/jobs?limit=2', headers: bearer(token) })).json()
    expect(first.items).toHaveLength(2)
    const second = (
      await server.inject({
        method: 'GET',
        url: `/api/jobs?limit=2&cursor=${first.nextCursor}`,
        headers: bearer(token),
      })
    ).json()
    expect(second.nextCursor).toBeUndefined()
    expect([...first.items, ...second.items].map((j: { id: string }) => j.id).sort()).toEqual([...ids].sort())

    problemOf(
      await server.inject({
        method: 'POST',
        url: '/api/jobs',
        headers: bearer(token),
        payload: { description: '   ' },
      }),
      400,
      'VALIDATION_FAILED',
    )
    problemOf(
      await server.inject({
        method: 'POST',
        url: '/api/jobs',
        headers: bearer(token),
        payload: { description: 'x', url: 'ftp://a' },
      }),
      400,
      'VALIDATION_FAILED',
    )
    problemOf(
      await server.inject({ method: 'GET', url: '/api/jobs?cursor=bogus', headers: bearer(token) }),
      400,
      'VALIDATION_FAILED',
    )
    problemOf(await server.inject({ method: 'GET', url: '/api/jobs' }), 401, 'UNAUTHENTICATED')
  })
})
