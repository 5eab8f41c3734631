/**
 * Exports draw what the editor shows: the working draft when there is one, else the head version; `?version=N`
 * draws that committed version. Imports and tailored copies (whose content sits in a draft) export at once.
 */
import { describe, expect, it } from 'vitest'
import { BACKEND_POSTING } from '../fixtures/postings.js'
import { BACKEND_RESUME } from '../fixtures/resumes.js'
import { docxText, pdfText } from '../helpers/exported-files.js'
import { type Client, clientOf } from '../helpers/resumes.js'
import { registerUser, startTestServer } from '../helpers/server.js'

const ENV = { RATE_LIMIT_ENABLED: 'false' }
const DRAFT_LINE = 'Rebuilt the invoicing pipeline in Rust with zero lost events'

async function setup() {
  const { server } = await startTestServer(ENV)
  const { token } = await registerUser(server)
  return { server, client: clientOf(server, token) }
}

async function exported(client: Client, id: string, format: string, query = ''): Promise<string> {
  const response = await client.get(`/api/resumes/${id}/export?format=${format}${query}`)
  expect(response.statusCode, `${format}${query}: ${response.body.slice(0, 200)}`).toBe(200)
  const body = response.rawPayload
  if (format === 'pdf') return pdfText(body)
  if (format === 'docx') return docxText(body)
  return body.toString('utf8')
}

const flat = (text: string) => text.replace(/\s+/g, ' ')

describe('exports draw the working draft', { timeout: 120_000 }, () => {
  it('shows an uncommitted draft edit in PDF, DOCX and HTML, and ?version=1 does not', async () => {
    const { client } = await setup()
    const created = await client.post('/api/resumes', { title: 'Jana', content: BACKEND_RESUME })
    const id = created.json().id as string
    const edited = structuredClone(BACKEND_RESUME)
    edited.work[0]?.highlights.unshift(DRAFT_LINE)
    const saved = await client.put(`/api/resumes/${id}/draft`, { content: edited }, { 'if-match': '"v1"' })
    expect(saved.statusCode).toBe(200)
    expect((await client.get(`/api/resumes/${id}`)).json()).toMatchObject({ headVersion: 1, hasDraft: true })

    for (const format of ['pdf', 'docx', 'html', 'md', 'txt', 'json']) {
      expect(flat(await exported(client, id, format)), format).toContain(DRAFT_LINE)
      const committed = flat(await exported(client, id, format, '&version=1'))
      expect(committed, `${format} version 1`).not.toContain(DRAFT_LINE)
      expect(committed, `${format} version 1`).toContain('Cut p95 API latency by 38%')
    }

    // Once the draft is discarded, the head is drawn again.
    expect((await client.delete(`/api/resumes/${id}/draft`, { 'if-match': '*' })).statusCode).toBe(204)
    expect(flat(await exported(client, id, 'pdf'))).not.toContain(DRAFT_LINE)
  })

  it('exports an imported PDF at once, though its content is only a draft over an empty version 1', async () => {
    const { server, client } = await setup()
    const source = await client.post('/api/resumes', { title: 'Source', content: BACKEND_RESUME })
    const pdf = (await client.get(`/api/resumes/${source.json().id}/export?format=pdf`)).rawPayload
    const boundary = '----rrexportdraft'
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="jana.pdf"\r\n` +
          'Content-Type: application/pdf\r\n\r\n',
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const imported = await server.inject({
      method: 'POST',
      url: '/api/resumes/import',
      headers: { ...client.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    })
    expect(imported.statusCode).toBe(201)
    const { resume } = imported.json() as { resume: { id: string; content: unknown; hasDraft: boolean } }
    expect(resume).toMatchObject({ content: {}, hasDraft: true })

    const text = flat(await exported(client, resume.id, 'pdf'))
    expect(text).toContain('Jana Novak')
    expect(text).toContain('Parcelly GmbH')
    expect(text).toContain('Cut p95 API latency by 38%')
    expect(flat(await exported(client, resume.id, 'docx'))).toContain('Parcelly GmbH')
    // Version 1 is the empty resume the import was stored over.
    expect(flat(await exported(client, resume.id, 'pdf', '&version=1'))).not.toContain('Jana Novak')
  })

  it('exports a tailored copy tailored, before anyone commits it', async () => {
    const { client } = await setup()
    const base = (await client.post('/api/resumes', { title: 'Jana', content: BACKEND_RESUME })).json()
    const job = (
      await client.post('/api/jobs', { title: 'Senior Backend Engineer', description: BACKEND_POSTING })
    ).json()
    const tailored = await client.post(`/api/resumes/${base.id}/tailor`, { jobId: job.id })
    expect(tailored.statusCode).toBe(201)
    const copy = tailored.json().resume as { id: string }
    const draft = (await client.get(`/api/resumes/${copy.id}/draft`)).json()
    const summary = (draft.content.basics as { summary: string }).summary
    expect(summary).toMatch(/^Targeting the Senior Backend Engineer role/)

    const text = flat(await exported(client, copy.id, 'pdf'))
    expect(text).toContain('Targeting the Senior Backend Engineer role')
    expect(flat(await exported(client, copy.id, 'html'))).toContain('Targeting the Senior Backend Engineer role')
    expect(flat(await exported(client, copy.id, 'pdf', '&version=1'))).not.toContain('Targeting the Senior')
  })
})
