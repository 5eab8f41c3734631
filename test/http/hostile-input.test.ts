/**
 * Hostile input over real TCP: each reproduction here once stalled the event loop or a request for seconds to
 * minutes. The server listens on a loopback port and serves one round of ordinary work to warm up; then, while the
 * reproductions are sent, a probe asks for GET /api/health/live every 50 ms. Every hostile request must answer
 * within its worker budget plus a second (and SLACK_MS for this noisy shared machine) with a 4xx or a correct 2xx,
 * never a 5xx; the probe's worst latency, less the time the main thread waited for a core, must stay under 250 ms; the process must not grow by more than
 * RSS_GROWTH_LIMIT; and the pool must serve ordinary work again afterwards. Each test prints its timings.
 */
import { describe, expect, it } from 'vitest'
import {
  deepJsonResume,
  docxOfParagraphs,
  forgedCursor,
  hostilePostings,
  nestedArrays,
  type PdfBox,
  pdfWithBox,
  RESUME_LINES,
} from '../helpers/hostile-files.js'
import {
  clientStringify,
  describeWorst,
  listenOnLoopback,
  multipart,
  type RawAnswer,
  rawRequest,
  startHealthProbe,
  worstOwnMs,
} from '../helpers/live-http.js'
import { minimalResume } from '../helpers/resumes.js'
import { registerUser, startTestServer } from '../helpers/server.js'

const ANALYSIS_BUDGET_MS = 1500
const IMPORT_BUDGET_MS = 3000
const ENV = {
  WORKER_ANALYSIS_BUDGET_MS: String(ANALYSIS_BUDGET_MS),
  IMPORT_TIMEOUT_MS: String(IMPORT_BUDGET_MS),
  WORKER_THREADS: '2',
  // Dozens of uploads and AI calls by one user: the counted limits have their own tests.
  RATE_LIMIT_ENABLED: 'false',
}
/** The promise: a hostile request answers within its budget plus one second. */
const PROMISED_EXTRA_MS = 1000
/**
 * Allowance for this machine: two shared cores that other suites load, so a replaced worker can take a second or
 * more to start and a request can wait behind garbage collection. A real stall (the bugs reproduced here) takes
 * many seconds to minutes, so the slack does not hide one.
 */
const SLACK_MS = 2500
/** Worst GET /api/health/live latency allowed while hostile requests run. */
const PROBE_LIMIT_MS = 250
/** Most the process (server, workers and this test) may grow in resident memory during one burst. */
const RSS_GROWTH_LIMIT = 600 * 1024 * 1024
const UUID = '00000000-0000-4000-8000-000000000000'

interface Reply {
  readonly label: string
  readonly status: number
  /** When it was sent (performance.now()) and how long its answer took. */
  readonly at: number
  readonly ms: number
  readonly limitMs: number
  readonly text: string
  readonly etag: string | null
  json<T = Record<string, unknown>>(): T
}

interface Send {
  method?: string
  json?: unknown
  /** A prebuilt body (build large ones before the probe starts: this test shares the server's event loop). */
  body?: Buffer | string
  headers?: Record<string, string>
  /** The worker budget the request may use; 0 for requests that never reach a worker. */
  budgetMs: number
}

/** A listening server, a signed-in user with one resume, and a recorder of hostile requests. */
async function hostileServer() {
  const { server } = await startTestServer(ENV)
  const base = await listenOnLoopback(server)
  const user = await registerUser(server)
  const replies: Reply[] = []

  async function send(label: string, path: string, options: Send): Promise<Reply> {
    const headers: Record<string, string> = { authorization: `Bearer ${user.token}`, ...options.headers }
    let body = options.body
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = typeof options.json === 'string' ? options.json : clientStringify(options.json)
    }
    const method = options.method ?? (body === undefined ? 'GET' : 'POST')
    const limitMs = options.budgetMs + PROMISED_EXTRA_MS + SLACK_MS
    const at = performance.now()
    let answer: RawAnswer = { status: 0, text: '', etag: null }
    try {
      answer = await rawRequest(`${base}${path}`, method, headers, body, limitMs + 60_000)
    } catch (error) {
      answer = { ...answer, text: String(error) }
    }
    const { status, text, etag } = answer
    const reply: Reply = {
      label,
      status,
      at,
      ms: performance.now() - at,
      limitMs,
      text,
      etag,
      json: <T>() => JSON.parse(text) as T,
    }
    replies.push(reply)
    return reply
  }

  async function createResume(content: unknown = minimalResume()): Promise<string> {
    const created = await send('create resume', '/api/resumes', { json: { title: 'Hostile', content }, budgetMs: 0 })
    if (created.status !== 201) throw new Error(`create failed: ${created.status} ${created.text}`)
    return created.json<{ id: string }>().id
  }

  const resumeId = await createResume()
  return { server, base, send, createResume, resumeId, replies }
}

type HostileServer = Awaited<ReturnType<typeof hostileServer>>

/** Every way a reply breaks the promise: a 5xx or no answer, or an answer later than its limit. */
function brokenPromises(replies: readonly Reply[]): string[] {
  return replies.flatMap((r) => {
    const line = `${r.label}: ${r.status} in ${Math.round(r.ms)} ms (limit ${r.limitMs}) ${r.text.slice(0, 160)}`
    return r.status === 0 || r.status >= 500 || r.ms > r.limitMs ? [line] : []
  })
}

/**
 * Ordinary work: an import, an ATS report on a normal resume and a job analysis. Before the probe starts it warms
 * the routes up (schemas compiled, workers' code run once), so the probe measures hostile input, not a cold start;
 * after the burst it shows the pool recovered.
 */
async function expectNormalWork({ send, createResume }: HostileServer, phase: 'warm-up' | 'after'): Promise<void> {
  const { body, headers } = multipart(Buffer.from(JSON.stringify(minimalResume())), 'resume.json')
  const imported = await send(`${phase}: JSON import`, '/api/resumes/import', {
    body,
    headers,
    budgetMs: IMPORT_BUDGET_MS,
  })
  expect(imported.status, imported.text).toBe(201)
  const id = await createResume()
  const report = await send(`${phase}: ATS report`, `/api/resumes/${id}/ats-report`, {
    json: { description: 'Backend engineer with TypeScript and PostgreSQL' },
    budgetMs: 2 * ANALYSIS_BUDGET_MS,
  })
  expect(report.status, report.text).toBe(200)
  expect(report.json<{ overall: number }>().overall).toEqual(expect.any(Number))
  const job = await send(`${phase}: job`, '/api/jobs', {
    json: { description: 'Backend engineer\nRequired: TypeScript, Node.js and PostgreSQL.' },
    budgetMs: 0,
  })
  expect(job.status, job.text).toBe(201)
  const analysis = await send(`${phase}: job analysis`, `/api/jobs/${job.json<{ id: string }>().id}/analysis`, {
    budgetMs: ANALYSIS_BUDGET_MS,
  })
  expect(analysis.status, analysis.text).toBe(200)
  expect(JSON.stringify(analysis.json())).toContain('TypeScript')
}

/**
 * Runs `burst` against a fresh listening server with the probe going, then checks the promises: no 5xx, every
 * answer in time, the probe fast throughout, bounded memory growth, and a pool that still serves.
 */
async function underProbe(burst: (s: HostileServer) => Promise<void>): Promise<Reply[]> {
  const s = await hostileServer()
  await expectNormalWork(s, 'warm-up')
  const rssBefore = process.memoryUsage.rss()
  const probe = startHealthProbe(s.base)
  const first = s.replies.length
  await burst(s)
  const hostile = s.replies.slice(first)
  await expectNormalWork(s, 'after')
  const result = await probe.stop()
  const slowest = hostile.reduce((a, b) => (b.ms > a.ms ? b : a))
  const worstEnd = result.worstAt + result.worstMs
  const inFlight = s.replies.filter((r) => r.at < worstEnd && r.at + r.ms > result.worstAt).map((r) => r.label)
  process.stdout.write(
    `hostile: ${hostile.length} requests, slowest ${slowest.label} ${Math.round(slowest.ms)} ms; ` +
      `${describeWorst(result)} during ${JSON.stringify(inFlight)}; ` +
      `rss ${mb(rssBefore)} → peak ${mb(result.rssPeak)} MB\n` +
      hostile.map((r) => `  ${r.label}: ${r.status} in ${Math.round(r.ms)} ms\n`).join(''),
  )
  expect(brokenPromises(s.replies)).toEqual([])
  expect(result.failures).toEqual([])
  expect(result.count).toBeGreaterThan(0)
  expect(worstOwnMs(result)).toBeLessThan(PROBE_LIMIT_MS)
  expect(result.rssPeak - rssBefore).toBeLessThan(RSS_GROWTH_LIMIT)
  return s.replies
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)

/** Asserts a 4xx problem whose code is one of `codes`. */
function expectRefused(reply: Reply, codes: readonly string[]): void {
  expect(reply.status, `${reply.label}: ${reply.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400)
  expect(reply.status, `${reply.label}: ${reply.text.slice(0, 300)}`).toBeLessThan(500)
  expect(codes, `${reply.label}: ${reply.text.slice(0, 300)}`).toContain(reply.json<{ code: string }>().code)
}

/** Asserts a 2xx whose body passes `correct`, or a 4xx problem (the server may refuse what it cannot finish). */
function expectAnsweredOrRefused(reply: Reply, correct: (body: Record<string, unknown>) => void): void {
  const context = `${reply.label}: ${reply.status} ${reply.text.slice(0, 300)}`
  expect(reply.status, context).toBeGreaterThanOrEqual(200)
  expect(reply.status, context).toBeLessThan(500)
  if (reply.status < 300) correct(reply.json())
  else {
    expect(reply.status, context).toBeGreaterThanOrEqual(400)
    expect(reply.json<{ code: unknown }>().code, context).toEqual(expect.any(String))
  }
}

/** The string leaves of a JSON value. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf)
  return []
}

/** Whether `token` is one or more of `words` run together (text read from lines a page box squeezed onto one). */
function isMadeOf(token: string, words: ReadonlySet<string>): boolean {
  const reachable = [true, ...Array.from(token, () => false)]
  for (let end = 1; end <= token.length; end++) {
    for (let start = 0; start < end && !reachable[end]; start++) {
      reachable[end] = Boolean(reachable[start]) && words.has(token.slice(start, end))
    }
  }
  return Boolean(reachable[token.length])
}

const DRAWN_WORDS = new Set(RESUME_LINES.flatMap((line) => line.split(/[\s,]+/)).filter(Boolean))

/** An imported PDF is correct when every word in its draft is one that was drawn on the page. */
function holdsOnlyDrawnText(imported: Record<string, unknown>): void {
  const content = (imported.draft as { content: unknown }).content
  const words = stringsOf(content).flatMap((text) => text.split(/[\s,]+/).filter(Boolean))
  expect(words.length).toBeGreaterThan(0)
  expect(words.filter((word) => !isMadeOf(word, DRAWN_WORDS))).toEqual([])
}

const isAtsReport = (body: Record<string, unknown>) => {
  expect(body.overall).toEqual(expect.any(Number))
  expect(body.requirements).toEqual(expect.any(Array))
}

describe('hostile input over real HTTP', { timeout: 300_000 }, () => {
  it('refuses an email of 100,000 dots and scores, suggests and drafts for one at the string limit within budget', async () => {
    await underProbe(async ({ send, resumeId }) => {
      const content = minimalResume()
      const withEmail = (email: string) => ({
        content: { ...content, basics: { ...(content.basics as object), email } },
      })
      const put = async (label: string, email: string) => {
        const draft = await send('GET draft', `/api/resumes/${resumeId}/draft`, { budgetMs: 0 })
        expect(draft.status).toBe(200)
        return send(label, `/api/resumes/${resumeId}/draft`, {
          method: 'PUT',
          json: withEmail(email),
          headers: { 'if-match': draft.etag ?? '*' },
          budgetMs: 0,
        })
      }
      // The reproduction as reported is 100,003 characters: one string past INPUT_MAX_STRING_LENGTH.
      const over = await put('PUT draft, email "a@" + 100,000 dots + "@"', `a@${'.'.repeat(100_000)}@`)
      expectRefused(over, ['VALIDATION_FAILED'])
      // The same shape at the limit is stored, so scoring has to face it.
      const atLimit = await put('PUT draft, email of 99,997 dots (at the limit)', `a@${'.'.repeat(99_997)}@`)
      expect(atLimit.status, atLimit.text.slice(0, 300)).toBe(200)
      const description = 'Backend engineer with TypeScript'
      // Analysing the posting and scoring the draft are two tasks, each with its own budget.
      const budgetMs = 2 * ANALYSIS_BUDGET_MS
      const report = await send('ATS report', `/api/resumes/${resumeId}/ats-report`, {
        json: { description },
        budgetMs,
      })
      expectAnsweredOrRefused(report, isAtsReport)
      const suggestions = await send('suggestions', `/api/resumes/${resumeId}/suggestions`, {
        json: { description },
        budgetMs,
      })
      expectAnsweredOrRefused(suggestions, (body) => expect(body).toBeTypeOf('object'))
      const aiDraft = await send('AI draft', `/api/resumes/${resumeId}/ai-draft`, { json: { description }, budgetMs })
      expectAnsweredOrRefused(aiDraft, (body) => expect(body.engine).toBe('deterministic'))
    })
  })

  it('imports PDFs with page boxes 1e9 and 1e30 wide, 1e9 tall or far from the origin within the import budget', async () => {
    const boxes: Record<string, PdfBox> = {
      '1e9 wide': [0, 0, 1e9, 792],
      '1e30 wide': [0, 0, 1e30, 792],
      '1e9 tall': [0, 0, 612, 1e9],
      'negative origin': [-1e9, -1e9, 612, 792],
      'huge origin': [1e15, 1e15, 1e15 + 612, 1e15 + 792],
      'negative huge box': [-1e30, -1e30, 1e30, 1e30],
    }
    const uploads = Object.entries(boxes).map(([name, box]) => ({
      name,
      upload: multipart(pdfWithBox(box, RESUME_LINES), 'resume.pdf'),
    }))
    await underProbe(async ({ send }) => {
      for (const { name, upload } of uploads) {
        const reply = await send(`PDF ${name}`, '/api/resumes/import', { ...upload, budgetMs: IMPORT_BUDGET_MS })
        // Whatever the page size, the text read is text drawn there (how much of it survives an absurd box may vary).
        expectAnsweredOrRefused(reply, holdsOnlyDrawnText)
      }
    })
  })

  it('analyses job postings built to stall pattern matching within the analysis budget', async () => {
    const postings = Object.entries(hostilePostings())
    await underProbe(async ({ send }) => {
      for (const [name, description] of postings) {
        const job = await send(`job ${name}`, '/api/jobs', { json: { description }, budgetMs: 0 })
        expect(job.status, `${name}: ${job.text.slice(0, 300)}`).toBe(201)
        const analysis = await send(`analysis ${name}`, `/api/jobs/${job.json<{ id: string }>().id}/analysis`, {
          budgetMs: ANALYSIS_BUDGET_MS,
        })
        expectAnsweredOrRefused(analysis, (body) => expect(body.skills).toEqual(expect.any(Array)))
      }
    })
  })

  it('refuses a DOCX of 40 MB of tiny paragraphs within the import budget and answers a 600 KB one', async () => {
    const hugeUpload = multipart(docxOfParagraphs(40 * 1024 * 1024), 'resume.docx')
    const largeUpload = multipart(docxOfParagraphs(600 * 1024, 11), 'resume.docx')
    await underProbe(async ({ send }) => {
      const refused = await send('DOCX 40 MB of paragraphs', '/api/resumes/import', {
        ...hugeUpload,
        budgetMs: IMPORT_BUDGET_MS,
      })
      expectRefused(refused, ['IMPORT_TIMEOUT', 'INPUT_TOO_COMPLEX', 'IMPORT_ARCHIVE_LIMIT'])
      const answered = await send('DOCX 600 KB of paragraphs', '/api/resumes/import', {
        ...largeUpload,
        budgetMs: IMPORT_BUDGET_MS,
      })
      expectAnsweredOrRefused(answered, (imported) => expect(imported.resume).toBeTypeOf('object'))
    })
  })

  it('refuses a JSON import nested 5,000 deep and a draft nested 3,000 deep with 400', async () => {
    const deepUpload = multipart(deepJsonResume(5_000), 'resume.json')
    await underProbe(async ({ send, resumeId }) => {
      const imported = await send('JSON import nested 5,000 deep', '/api/resumes/import', {
        ...deepUpload,
        budgetMs: IMPORT_BUDGET_MS,
      })
      expectRefused(imported, ['VALIDATION_FAILED'])
      expect(imported.status).toBe(400)
      const draft = await send('GET draft', `/api/resumes/${resumeId}/draft`, { budgetMs: 0 })
      const put = await send('PUT draft nested 3,000 deep', `/api/resumes/${resumeId}/draft`, {
        method: 'PUT',
        json: `{"content":{"basics":{"name":"Ada"},"deep":${nestedArrays(3_000)}}}`,
        headers: { 'if-match': draft.etag ?? '*' },
        budgetMs: 0,
      })
      expectRefused(put, ['VALIDATION_FAILED'])
      expect(put.status).toBe(400)
    })
  })

  it('answers out-of-range versions and forged cursors with 400, never 500', async () => {
    await underProbe(async ({ send, resumeId }) => {
      const refusals: Reply[] = [
        await send('export version 2^31', `/api/resumes/${resumeId}/export?format=json&version=2147483648`, {
          budgetMs: 0,
        }),
        await send('ATS report version 1e20', `/api/resumes/${resumeId}/ats-report`, {
          json: '{"description":"Backend engineer with TypeScript","version":1e20}',
          budgetMs: 0,
        }),
        await send(
          'versions cursor n 1e300',
          `/api/resumes/${resumeId}/versions?cursor=${forgedCursor('{"n":1e300}')}`,
          {
            budgetMs: 0,
          },
        ),
      ]
      for (const at of ['-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z']) {
        const resumeCursor = forgedCursor(JSON.stringify({ c: at, i: UUID }))
        refusals.push(await send(`resumes cursor ${at}`, `/api/resumes?cursor=${resumeCursor}`, { budgetMs: 0 }))
        const jobCursor = forgedCursor(`${at}|${UUID}`)
        refusals.push(await send(`jobs cursor ${at}`, `/api/jobs?cursor=${jobCursor}`, { budgetMs: 0 }))
      }
      for (const reply of refusals) {
        expectRefused(reply, ['VALIDATION_FAILED'])
        expect(reply.status, reply.label).toBe(400)
      }
    })
  })
})
