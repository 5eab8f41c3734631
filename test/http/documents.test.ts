/** Export and import over HTTP: formats, headers, versions, templates, ownership, upload limits, background import. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { accuracyOf, FIXTURE_DIR } from '../helpers/document-accuracy.js'
import { pdfOf } from '../helpers/document-files.js'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

const fixture = (name: string) => JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${name}.json`), 'utf8'))
// Counted rate limits are tested with their policies; here they would only get in the way of many uploads.
const ENV = { RATE_LIMIT_ENABLED: 'false', TASK_BACKOFF_MS: '10' }

function multipart(file: Buffer, fileName: string, contentType = 'application/octet-stream') {
  const boundary = `----rr${Math.random().toString(16).slice(2)}`
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

async function createResume(server: FastifyInstance, token: string, content: unknown, title = 'My Resume') {
  const response = await server.inject({
    method: 'POST',
    url: '/api/resumes',
    headers: bearer(token),
    payload: { title, content },
  })
  expect(response.statusCode).toBe(201)
  return response.json() as { id: string }
}

async function upload(server: FastifyInstance, token: string, file: Buffer, fileName: string, query = '') {
  const body = multipart(file, fileName)
  return server.inject({
    method: 'POST',
    url: `/api/resumes/import${query}`,
    headers: { ...bearer(token), ...body.headers },
    payload: body.payload,
  })
}

async function resumeCount(server: FastifyInstance, token: string): Promise<number> {
  const response = await server.inject({ method: 'GET', url: '/api/resumes', headers: bearer(token) })
  return (response.json() as { items: unknown[] }).items.length
}

// Each test starts a server and renders several documents: generous time on a shared 2-core machine.
describe('GET /api/resumes/:id/export', { timeout: 120_000 }, () => {
  it('downloads every format with its type, file name and no-store', async () => {
    const { server } = await startTestServer(ENV)
    const { token } = await registerUser(server)
    const content = fixture('backend-engineer')
    const { id } = await createResume(server, token, content, 'Alex Morgan — Backend')
    const expected = {
      pdf: 'application/pdf',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      html: 'text/html; charset=utf-8',
      md: 'text/markdown; charset=utf-8',
      txt: 'text/plain; charset=utf-8',
      json: 'application/json; charset=utf-8',
    }
    for (const [format, type] of Object.entries(expected)) {
      const response = await server.inject({
        method: 'GET',
        url: `/api/resumes/${id}/export?format=${format}`,
        headers: bearer(token),
      })
      expect(response.statusCode, format).toBe(200)
      expect(response.headers['content-type']).toBe(type)
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="Alex-Morgan-Backend.${format}"; filename*=UTF-8''Alex-Morgan-Backend.${format}`,
      )
      expect(response.headers['cache-control']).toBe('no-store')
    }
    const pdf = await server.inject({
      method: 'GET',
      url: `/api/resumes/${id}/export?format=pdf&paper=a4&template=compact`,
      headers: bearer(token),
    })
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const html = await server.inject({
      method: 'GET',
      url: `/api/resumes/${id}/export?format=html`,
      headers: bearer(token),
    })
    expect(html.headers['content-security-policy']).toContain("default-src 'none'")
    expect(html.body).toContain('<body class="template-classic">')
    const json = await server.inject({
      method: 'GET',
      url: `/api/resumes/${id}/export?format=json`,
      headers: bearer(token),
    })
    expect(json.json()).toEqual(content)
  })

  it('exports an older version when asked, and refuses unknown templates, versions and other users', async () => {
    const { server } = await startTestServer(ENV)
    const { token } = await registerUser(server)
    const first = fixture('minimal')
    const { id } = await createResume(server, token, first)
    const second = { ...first, basics: { ...first.basics, name: 'Kim T. Nguyen' } }
    const patched = await server.inject({
      method: 'PATCH',
      url: `/api/resumes/${id}`,
      headers: bearer(token),
      payload: { content: second },
    })
    expect(patched.statusCode).toBe(200)
    const head = await server.inject({
      method: 'GET',
      url: `/api/resumes/${id}/export?format=txt`,
      headers: bearer(token),
    })
    expect(head.body.split('\n')[0]).toBe('Kim T. Nguyen')
    const v1 = await server.inject({
      method: 'GET',
      url: `/api/resumes/${id}/export?format=json&version=1`,
      headers: bearer(token),
    })
    expect(v1.json()).toEqual(first)
    problemOf(
      await server.inject({
        method: 'GET',
        url: `/api/resumes/${id}/export?format=pdf&version=9`,
        headers: bearer(token),
      }),
      404,
      'VERSION_NOT_FOUND',
    )
    problemOf(
      await server.inject({
        method: 'GET',
        url: `/api/resumes/${id}/export?format=pdf&template=fancy`,
        headers: bearer(token),
      }),
      404,
      'TEMPLATE_NOT_FOUND',
    )
    problemOf(
      await server.inject({ method: 'GET', url: `/api/resumes/${id}/export?format=rtf`, headers: bearer(token) }),
      400,
      'VALIDATION_FAILED',
    )
    const other = await registerUser(server)
    problemOf(
      await server.inject({ method: 'GET', url: `/api/resumes/${id}/export?format=pdf`, headers: bearer(other.token) }),
      404,
      'RESUME_NOT_FOUND',
    )
  })
})

describe('POST /api/resumes/import', { timeout: 120_000 }, () => {
  it('imports an exported PDF as a new resume whose draft holds the parsed content', async () => {
    const { server } = await startTestServer(ENV)
    const { token } = await registerUser(server)
    const content = fixture('designer-portfolio')
    const { id } = await createResume(server, token, content)
    const pdf = await server.inject({
      method: 'GET',
      url: `/api/resumes/${id}/export?format=pdf&template=modern`,
      headers: bearer(token),
    })

    const response = await upload(server, token, pdf.rawPayload, 'cv.pdf')
    expect(response.statusCode).toBe(201)
    const body = response.json() as {
      resume: { id: string; title: string }
      draft: { content: Record<string, unknown>; saved: boolean }
      report: { type: string; recognised: string[]; unrecognised: string[] }
    }
    expect(response.headers.location).toBe(`/api/resumes/${body.resume.id}`)
    expect(body.resume.title).toBe('Mateo Fernández')
    expect(body.report.type).toBe('pdf')
    expect(body.report.recognised).toContain('work[0].position')
    expect(body.report.unrecognised).toEqual([])
    const accuracy = accuracyOf(content, body.draft.content)
    expect(accuracy.recall).toBeGreaterThanOrEqual(0.95)
    expect(accuracy.precision).toBeGreaterThanOrEqual(0.95)

    const draft = await server.inject({
      method: 'GET',
      url: `/api/resumes/${body.resume.id}/draft`,
      headers: bearer(token),
    })
    expect(draft.json()).toMatchObject({ saved: true, content: body.draft.content })
  })

  it('imports a JSON Resume file losslessly and a DOCX by its headings', async () => {
    const { server } = await startTestServer(ENV)
    const { token } = await registerUser(server)
    const content = { ...fixture('career-changer'), meta: { theme: 'even' }, 'x-extra': { keep: [1, 2] } }
    const json = await upload(server, token, Buffer.from(JSON.stringify(content)), 'resume.txt')
    expect(json.statusCode).toBe(201)
    expect(json.json().draft.content).toEqual(content)
    expect(json.json().report.type).toBe('json')

    const { id } = await createResume(server, token, fixture('security-consultant'))
    const docx = await server.inject({
      method: 'GET',
      url: `/api/resumes/${id}/export?format=docx`,
      headers: bearer(token),
    })
    const imported = await upload(server, token, docx.rawPayload, 'cv.docx')
    expect(imported.statusCode).toBe(201)
    expect(imported.json().report.type).toBe('docx')
    expect(accuracyOf(fixture('security-consultant'), imported.json().draft.content).recall).toBe(1)
  })

  it('refuses bad uploads with clear 4xx codes and stores nothing', async () => {
    const { server } = await startTestServer({ ...ENV, IMPORT_MAX_BYTES: '4096' })
    const { token } = await registerUser(server)
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(1000)])
    problemOf(await upload(server, token, exe, 'resume.pdf'), 415, 'IMPORT_UNSUPPORTED_TYPE')
    const encrypted = await pdfOf((doc) => doc.text('Alex Morgan'), { userPassword: 'x', pdfVersion: '1.7' })
    problemOf(await upload(server, token, encrypted, 'locked.pdf'), 422, 'IMPORT_ENCRYPTED')
    problemOf(await upload(server, token, Buffer.from('%PDF-1.4\n%%EOF'), 'broken.pdf'), 422, 'IMPORT_MALFORMED')
    const large = await upload(server, token, Buffer.alloc(5000, 0x20), 'big.json')
    expect(problemOf(large, 413, 'IMPORT_TOO_LARGE').limit).toBe(4096)
    const noFile = await server.inject({
      method: 'POST',
      url: '/api/resumes/import',
      headers: { ...bearer(token), 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--xyz--\r\n',
    })
    problemOf(noFile, 400, 'IMPORT_NO_FILE')
    const notMultipart = await server.inject({
      method: 'POST',
      url: '/api/resumes/import',
      headers: bearer(token),
      payload: { file: 'x' },
    })
    expect(notMultipart.statusCode).toBeGreaterThanOrEqual(400)
    expect(notMultipart.statusCode).toBeLessThan(500)
    expect(await resumeCount(server, token)).toBe(0)
  })

  it('runs a large import as a background task when asked', async () => {
    const { server } = await startTestServer(ENV)
    const { token } = await registerUser(server)
    const { id } = await createResume(server, token, fixture('two-page-veteran'))
    const pdf = await server.inject({
      method: 'GET',
      url: `/api/resumes/${id}/export?format=pdf`,
      headers: bearer(token),
    })
    const accepted = await upload(server, token, pdf.rawPayload, 'cv.pdf', '?async=true')
    expect(accepted.statusCode).toBe(202)
    const task = accepted.json() as { id: string; kind: string; state: string }
    expect(task.kind).toBe('resume.import')
    expect(accepted.headers.location).toBe(`/api/tasks/${task.id}`)
    let body: { state: string; result?: { resumeId: string; report: { type: string } } } = task
    const deadline = Date.now() + 20_000
    while (body.state !== 'succeeded' && body.state !== 'failed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      body = (await server.inject({ method: 'GET', url: `/api/tasks/${task.id}`, headers: bearer(token) })).json()
    }
    expect(body.state).toBe('succeeded')
    expect(body.result?.report.type).toBe('pdf')
    const draft = await server.inject({
      method: 'GET',
      url: `/api/resumes/${body.result?.resumeId}/draft`,
      headers: bearer(token),
    })
    expect(accuracyOf(fixture('two-page-veteran'), draft.json().content).recall).toBeGreaterThanOrEqual(0.95)
  })
})

describe('rate limits on documents', { timeout: 120_000 }, () => {
  it('counts imports against the upload policy and exports against the export policy', async () => {
    const { server } = await startTestServer({ RATE_LIMIT_UPLOADS: '2', RATE_LIMIT_EXPORTS: '2' })
    const { token } = await registerUser(server)
    const json = Buffer.from(JSON.stringify(fixture('minimal')))
    expect((await upload(server, token, json, 'a.json')).statusCode).toBe(201)
    const second = await upload(server, token, json, 'b.json')
    expect(second.statusCode).toBe(201)
    expect(String(second.headers['ratelimit-policy'])).toContain('upload')
    problemOf(await upload(server, token, json, 'c.json'), 429, 'RATE_LIMITED')

    const { id } = await createResume(server, token, fixture('minimal'))
    const exportOnce = () =>
      server.inject({ method: 'GET', url: `/api/resumes/${id}/export?format=txt`, headers: bearer(token) })
    expect((await exportOnce()).statusCode).toBe(200)
    expect((await exportOnce()).statusCode).toBe(200)
    problemOf(await exportOnce(), 429, 'RATE_LIMITED')
  })
})
