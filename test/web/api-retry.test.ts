import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api, RETRY_DELAYS_MS } from '../../web/src/api.js'

interface Sent {
  url: string
  key: string | undefined
}

/** Answers each fetch with the next of `answers` (an Error is thrown as fetch throws on a lost connection). */
function stubFetch(answers: (Response | Error)[]): Sent[] {
  const sent: Sent[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, key: (init.headers as Record<string, string>)['idempotency-key'] })
    const next = answers.shift()
    if (next === undefined) throw new Error('no answer left')
    if (next instanceof Error) throw next
    return next
  })
  return sent
}

const created = () =>
  new Response(JSON.stringify({ id: 'r1' }), { status: 201, headers: { 'content-type': 'application/json' } })
const problem = (status: number, code: string) =>
  new Response(JSON.stringify({ status, code, title: code }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  })

describe('idempotent creates from the web app', () => {
  const delays = [...RETRY_DELAYS_MS]
  beforeEach(() => RETRY_DELAYS_MS.splice(0, RETRY_DELAYS_MS.length, 1, 1))
  afterEach(() => {
    RETRY_DELAYS_MS.splice(0, RETRY_DELAYS_MS.length, ...delays)
    vi.unstubAllGlobals()
  })

  it('sends a create again with the same key when the connection drops or a gateway fails', async () => {
    const sent = stubFetch([new TypeError('fetch failed'), problem(502, 'BAD_GATEWAY'), created()])
    const body = { title: 'New', content: {} }
    await expect(api.post('/api/resumes', { body } as never)).resolves.toEqual({ id: 'r1' })
    expect(sent).toHaveLength(3)
    expect(sent[0]?.key).toMatch(/^[0-9a-f-]{36}$/)
    expect(new Set(sent.map((s) => s.key)).size).toBe(1)
  })

  it('waits out a first try still being answered (409 IDEMPOTENCY_KEY_IN_USE), and gives up after the last retry', async () => {
    const inUse = stubFetch([problem(409, 'IDEMPOTENCY_KEY_IN_USE'), created()])
    await expect(api.post('/api/jobs', { body: { description: 'x' } } as never)).resolves.toEqual({ id: 'r1' })
    expect(inUse).toHaveLength(2)

    const down = stubFetch([problem(503, 'X'), problem(503, 'X'), problem(503, 'X'), created()])
    await expect(api.post('/api/jobs', { body: { description: 'x' } } as never)).rejects.toBeInstanceOf(ApiError)
    expect(down).toHaveLength(3)
  })

  it('never retries a refusal, nor a request that is not an idempotent create', async () => {
    const refused = stubFetch([problem(400, 'VALIDATION_FAILED'), created()])
    await expect(api.post('/api/jobs', { body: { description: '' } } as never)).rejects.toBeInstanceOf(ApiError)
    expect(refused).toHaveLength(1)

    const other = stubFetch([new TypeError('fetch failed'), created()])
    await expect(
      api.post('/api/resumes/{id}/ats-report', { path: { id: 'r1' }, body: { description: 'x' } } as never),
    ).rejects.toBeInstanceOf(ApiError)
    expect(other).toHaveLength(1)
    expect(other[0]?.key).toBeUndefined()
  })
})
