import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { startFakeLlm } from '../helpers/fake-llm.js'
import { countStatuses, rateLimitFields } from '../helpers/rate-limits.js'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

// Memory limiter on purpose (REDIS_URL cleared); the policies are the same on Redis.
const MEMORY = { REDIS_URL: '' }

const RESUME = {
  basics: { name: 'Ada Lovelace', summary: 'Backend engineer.' },
  work: [{ name: 'Acme', position: 'Engineer', startDate: '2020-01', highlights: ['Built services in Go.'] }],
  skills: [{ name: 'Languages', keywords: ['Go'] }],
}

async function signedIn(server: FastifyInstance) {
  const user = await registerUser(server)
  const headers = bearer(user.token)
  const post = (url: string, payload: Record<string, unknown>) =>
    server.inject({ method: 'POST', url, headers, payload })
  const get = (url: string, extra: Record<string, string> = {}) =>
    server.inject({ method: 'GET', url, headers: { ...headers, ...extra } })
  const resumeId = (await post('/api/resumes', { title: 'CV', content: RESUME })).json().id as string
  const jobId = (await post('/api/jobs', { description: 'Required: TypeScript, PostgreSQL and Kubernetes.' })).json()
    .id as string
  const status = async () =>
    Object.fromEntries(
      ((await get('/api/rate-limits')).json().policies as Array<{ name: string; used: number; limit: number }>).map(
        (p) => [p.name, p],
      ),
    )
  return { user, headers, post, get, resumeId, jobId, status }
}

describe('rate-limit policies for a person using the app', () => {
  it('lets 30 suggestions be applied with re-scoring in a minute when no LLM is configured, none counted as AI', async () => {
    const { server } = await startTestServer(MEMORY)
    const { headers, post, get, resumeId, jobId, status } = await signedIn(server)

    let etag = (await get(`/api/resumes/${resumeId}/draft`)).headers.etag as string
    const statuses: number[] = []
    for (let i = 0; i < 30; i++) {
      // Applying a suggestion: the autosave, then the report and the suggestions again, as the web app does.
      const saved = await server.inject({
        method: 'PUT',
        url: `/api/resumes/${resumeId}/draft`,
        headers: { ...headers, 'if-match': etag },
        payload: { content: { ...RESUME, skills: [{ name: 'Languages', keywords: ['Go', `Skill ${i}`] }] } },
      })
      etag = saved.headers.etag as string
      const [report, suggestions] = await Promise.all([
        post(`/api/resumes/${resumeId}/ats-report`, { jobId }),
        // Half of them ask for rewritten bullets: the built-in engine writes them, so they are not AI calls either.
        post(`/api/resumes/${resumeId}/suggestions`, { jobId, ...(i % 2 === 0 && { ai: true }) }),
      ])
      statuses.push(saved.statusCode, report.statusCode, suggestions.statusCode)
      if (i === 28) {
        expect([...rateLimitFields(suggestions).keys()]).toEqual(['global', 'user', 'analysis'])
        expect(suggestions.json().ai).toMatchObject({ engine: 'deterministic', fallbackReason: 'not-configured' })
      }
    }

    expect(statuses).toEqual(Array.from({ length: 90 }, () => 200))
    const policies = await status()
    expect(policies.analysis).toMatchObject({ used: 60, limit: 120 })
    expect(policies.ai).toMatchObject({ used: 0, limit: 10 })
  })

  it('refuses a script past the analysis policy with 429 problem+json naming it', async () => {
    const { server } = await startTestServer({ ...MEMORY, RATE_LIMIT_ANALYSIS: '5' })
    const { post, get, resumeId, jobId } = await signedIn(server)

    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        post(`/api/resumes/${resumeId}/${i % 2 ? 'ats-report' : 'suggestions'}`, { jobId }),
      ),
    )
    expect(countStatuses(responses)).toEqual({ 200: 5, 429: 3 })
    const refused = responses.find((r) => r.statusCode === 429)
    const body = problemOf(refused as never, 429, 'RATE_LIMITED')
    expect(body.policies).toEqual(['analysis'])
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    // Other routes still answer: the per-user policy has room.
    expect((await get('/api/me')).statusCode).toBe(200)
  })

  it('counts against the AI policy only the requests that call the configured LLM', async () => {
    const llm = await startFakeLlm()
    const { server } = await startTestServer({
      ...MEMORY,
      AI_BASE_URL: llm.baseUrl,
      AI_MODEL: 'gpt-4o-mini',
      AI_MAX_RETRIES: '0',
      RATE_LIMIT_AI: '2',
    })
    const { post, resumeId, status } = await signedIn(server)
    const suggest = (description: string, ai = true) =>
      post(`/api/resumes/${resumeId}/suggestions`, { description, ai })

    expect((await suggest('Required: Rust.')).statusCode).toBe(200)
    // The same question again is answered from the cache: no LLM call, nothing counted.
    const cached = await suggest('Required: Rust.')
    expect(cached.statusCode).toBe(200)
    expect(cached.json().ai).toMatchObject({ engine: 'llm' })
    expect((await suggest('Required: Rust.', false)).statusCode).toBe(200)
    expect(llm.requests).toHaveLength(1)
    expect((await status()).ai).toMatchObject({ used: 1 })

    const second = await suggest('Required: Haskell.')
    expect(second.statusCode).toBe(200)
    expect([...rateLimitFields(second).keys()]).toEqual(['global', 'user', 'analysis', 'ai'])
    const refused = await suggest('Required: Elixir.')
    expect(problemOf(refused, 429, 'RATE_LIMITED').policies).toEqual(['ai'])
    expect(llm.requests).toHaveLength(2)
    // The refusal stops only LLM work: deterministic suggestions and reports go on.
    expect((await suggest('Required: Elixir.', false)).statusCode).toBe(200)
    expect((await post(`/api/resumes/${resumeId}/ai-draft`, { description: 'Required: Scala.' })).statusCode).toBe(429)
    expect(llm.requests).toHaveLength(2)
  })
})

describe('previews and downloads', () => {
  it('answers previews of one draft from the ETag, without spending the export budget; downloads still spend it', async () => {
    const { server } = await startTestServer({ ...MEMORY, RATE_LIMIT_EXPORTS: '2' })
    const { headers, get, resumeId } = await signedIn(server)
    const preview = (query: string, extra: Record<string, string> = {}) =>
      get(`/api/resumes/${resumeId}/preview${query}`, extra)

    const first = await preview('')
    expect(first.statusCode).toBe(200)
    expect(first.headers['content-type']).toMatch(/^text\/html/)
    expect(first.headers['cache-control']).toBe('private, no-cache')
    expect(first.headers['content-security-policy']).toContain("default-src 'none'")
    expect(first.body).toContain('Ada Lovelace')
    expect([...rateLimitFields(first).keys()]).toEqual(['global', 'user', 'analysis'])
    const etag = first.headers.etag as string

    // The same draft, template and design: 304 without drawing, as often as the screen asks.
    for (let i = 0; i < 4; i++) {
      const again = await preview('', { 'if-none-match': etag })
      expect(again.statusCode).toBe(304)
      expect(again.body).toBe('')
    }
    // Another template, another design option or a PDF is another drawing with another ETag.
    const modern = await preview('?template=modern', { 'if-none-match': etag })
    expect(modern.statusCode).toBe(200)
    expect(modern.headers.etag).not.toBe(etag)
    const accent = await preview('?accentColor=%23aa3300', { 'if-none-match': etag })
    expect(accent.statusCode).toBe(200)
    const pdf = await preview('?format=pdf')
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')

    // A saved draft changes the ETag: the old copy is no longer current.
    const draftEtag = (await get(`/api/resumes/${resumeId}/draft`)).headers.etag as string
    const saved = await server.inject({
      method: 'PUT',
      url: `/api/resumes/${resumeId}/draft`,
      headers: { ...headers, 'if-match': draftEtag },
      payload: { content: { ...RESUME, basics: { name: 'Ada King' } } },
    })
    expect(saved.statusCode).toBe(200)
    const changed = await preview('', { 'if-none-match': etag })
    expect(changed.statusCode).toBe(200)
    expect(changed.body).toContain('Ada King')

    // Nine previews later the export budget is whole: two downloads pass, the third is refused.
    const downloads = []
    for (let i = 0; i < 3; i++) downloads.push(await get(`/api/resumes/${resumeId}/export?format=md`))
    expect(downloads.map((r) => r.statusCode)).toEqual([200, 200, 429])
    expect(problemOf(downloads[2] as never, 429, 'RATE_LIMITED').policies).toEqual(['export'])
  })

  it("answers 404 for another user's resume and 400 for a format a preview does not draw", async () => {
    const { server } = await startTestServer(MEMORY)
    const { resumeId, get } = await signedIn(server)
    const intruder = await registerUser(server)

    const foreign = await server.inject({
      method: 'GET',
      url: `/api/resumes/${resumeId}/preview`,
      headers: bearer(intruder.token),
    })
    problemOf(foreign, 404, 'RESUME_NOT_FOUND')
    problemOf(await get(`/api/resumes/${resumeId}/preview?format=docx`), 400, 'VALIDATION_FAILED')
    problemOf(await get(`/api/resumes/${resumeId}/preview?version=1`), 400, 'VALIDATION_FAILED')
  })
})
