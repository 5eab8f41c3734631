/** The heavy-work pool as operators see it: a task over budget is a 422, counted in metrics and in health. */
import { describe, expect, it } from 'vitest'
import { multipart } from '../helpers/live-http.js'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'
import { DOCX_SKELETON, zipOf } from '../helpers/zip-files.js'

/** A DOCX whose document holds `paragraphs` short paragraphs: seconds of parsing, far more than 100 ms. */
function longDocx(paragraphs: number): Buffer {
  // Numbered, so the archive stays under the compression-ratio guard.
  const body = Array.from(
    { length: paragraphs },
    (_, i) => `<w:p><w:r><w:t>Shipped feature ${(i * 7919).toString(36)}</w:t></w:r></w:p>`,
  ).join('')
  const document = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`
  return zipOf([...DOCX_SKELETON, { name: 'word/document.xml', data: document }])
}

describe('heavy-work pool over HTTP', () => {
  it('stops an import over its budget with 422 IMPORT_TIMEOUT, stores nothing, counts it, and keeps serving', async () => {
    const { server } = await startTestServer({ IMPORT_TIMEOUT_MS: '100', RATE_LIMIT_ENABLED: 'false' })
    const { token } = await registerUser(server)
    const body = multipart(longDocx(60_000), 'long.docx')
    const started = performance.now()
    const response = await server.inject({
      method: 'POST',
      url: '/api/resumes/import',
      headers: { ...bearer(token), ...body.headers },
      payload: body.body,
    })
    problemOf(response, 422, 'IMPORT_TIMEOUT')
    expect(performance.now() - started).toBeLessThan(5000)
    const list = await server.inject({ method: 'GET', url: '/api/resumes', headers: bearer(token) })
    expect((list.json() as { items: unknown[] }).items).toHaveLength(0)

    const metrics = (await server.inject({ method: 'GET', url: '/metrics' })).body
    expect(metrics).toMatch(/^worker_tasks_killed_total\{task="importFile",reason="time"\} 1$/m)
    expect(metrics).toMatch(/^worker_pool_threads \d+$/m)
    expect(metrics).toMatch(/^worker_pool_queue_length 0$/m)
    expect(metrics).toMatch(/^worker_task_duration_seconds_count\{task="importFile",outcome="killed"\} 1$/m)

    const health = (await server.inject({ method: 'GET', url: '/api/health/detailed' })).json() as {
      checks: Record<string, { status: string; output?: string; observedUnit: string }[]>
    }
    const [workers] = health.checks['workers:utilization'] ?? []
    expect(workers).toMatchObject({ status: 'pass', observedUnit: 'percent' })
    expect(workers?.output).toMatch(/1 tasks stopped over budget/)

    // A fresh worker took the stopped one's place: ordinary work goes on.
    const report = await server.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: bearer(token),
      payload: { description: 'Backend engineer. Requirements: TypeScript, PostgreSQL.' },
    })
    expect(report.statusCode).toBe(201)
    const analysis = await server.inject({
      method: 'GET',
      url: `/api/jobs/${(report.json() as { id: string }).id}/analysis`,
      headers: bearer(token),
    })
    expect(analysis.statusCode).toBe(200)
  })
})
