import { describe, expect, it } from 'vitest'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

describe('GET /api/resumes?q=', () => {
  it('finds resumes by words of their title and working content, only the caller’s, and follows autosaves', async () => {
    const { server } = await startTestServer()
    const user = await registerUser(server)
    const other = await registerUser(server)
    const headers = bearer(user.token)
    const create = async (token: string, title: string, skill: string) =>
      (
        await server.inject({
          method: 'POST',
          url: '/api/resumes',
          headers: bearer(token),
          payload: {
            title,
            content: { basics: { name: 'Ada Lovelace' }, skills: [{ name: 'Core', keywords: [skill] }] },
          },
        })
      ).json().id as string
    const backend = await create(user.token, 'Backend', 'PostgreSQL')
    const data = await create(user.token, 'Data', 'Spark')
    await create(other.token, 'Backend', 'PostgreSQL')
    const search = async (q: string) => {
      const response = await server.inject({ method: 'GET', url: `/api/resumes?q=${encodeURIComponent(q)}`, headers })
      expect(response.statusCode, response.body).toBe(200)
      return (response.json().items as Array<{ id: string }>).map((r) => r.id)
    }

    expect(await search('postgres')).toEqual([backend])
    expect(await search('lovelace')).toEqual([data, backend])
    expect(await search('Lovelace spark')).toEqual([data])
    expect(await search('data')).toEqual([data])

    // An autosave changes what is found at once (the cached list is keyed by the query and dropped on save).
    const etag = (await server.inject({ method: 'GET', url: `/api/resumes/${data}/draft`, headers })).headers.etag
    const saved = await server.inject({
      method: 'PUT',
      url: `/api/resumes/${data}/draft`,
      headers: { ...headers, 'if-match': String(etag) },
      payload: { content: { basics: { name: 'Ada Lovelace' }, skills: [{ name: 'Core', keywords: ['Flink'] }] } },
    })
    expect(saved.statusCode).toBe(200)
    expect(await search('spark')).toEqual([])
    expect(await search('flink')).toEqual([data])
    // Punctuation alone is no filter.
    expect(await search('--')).toEqual([data, backend])
  })

  it('answers 400 problem+json for a query that is empty or too long', async () => {
    const { server } = await startTestServer()
    const user = await registerUser(server)
    for (const q of ['', 'x'.repeat(201)]) {
      const response = await server.inject({ method: 'GET', url: `/api/resumes?q=${q}`, headers: bearer(user.token) })
      problemOf(response, 400, 'VALIDATION_FAILED')
    }
  })
})
