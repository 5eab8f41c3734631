/**
 * Seeded fuzzing of every route in the OpenAPI document: wrong types, huge strings, deep nesting, bad JSON, bad UTF-8,
 * odd headers, path traversal in ids, and hostile values mixed into bodies and query strings (nesting past the
 * depth limit, long runs of one character, pathological whitespace, numbers JSON cannot hold exactly, strings at and
 * just past the length limits). No response may be a 5xx, every 4xx must be problem+json, the process must keep
 * serving, a bystander's data must be unchanged, and GET /api/health/live, asked every 50 ms over TCP while the fuzz
 * runs, must never take 250 ms (less any time the main thread waited for a core). `FUZZ_REQUESTS` (default 1500) sets the count and `FUZZ_SEED` the seed; `.ci/run`
 * runs 10,000.
 */
import { setImmediate } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { clientStringify, describeWorst, listenOnLoopback, startHealthProbe, worstOwnMs } from '../helpers/live-http.js'
import { encode, fillPath, type Operation, operationsOf } from '../helpers/openapi.js'
import { clientOf, createResume, minimalResume } from '../helpers/resumes.js'
import { bearer, registerUser, startTestServer } from '../helpers/server.js'

const COUNT = Number(process.env.FUZZ_REQUESTS ?? 1500)
const SEED = Number(process.env.FUZZ_SEED ?? 20261129)
/** Worst GET /api/health/live latency allowed while the fuzz runs, less time spent waiting for a core. */
const PROBE_LIMIT_MS = 250

/** mulberry32: small, fast, reproducible. */
function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  }
}
type Rng = ReturnType<typeof rng>

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, meant literally
  '${jndi:ldap://x}',
  '{{7*7}}',
  '\uD800',
  '\uFFFF\uFEFF',
  'ｆｕｌｌｗｉｄｔｈ',
  '👩‍💻'.repeat(50),
  '-1',
  '0',
  '99999999999999999999999',
  'NaN',
  'true',
  'null',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '%',
  '%00',
  '\\',
  '/',
  '?a=b',
  '#frag',
]

/** Printable ASCII only: what a header value can carry at all. */
function isHeaderSafe(value: string): boolean {
  return [...value].every((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) < 0x7f)
}

function hugeString(r: Rng): string {
  return r.pick(['a', 'é', '𝄞', '<', '"', '\\']).repeat(r.pick([1_000, 70_000, 300_000]))
}

function deep(r: Rng, depth: number): unknown {
  let value: unknown = r.pick([1, 'x', null, true])
  for (let i = 0; i < depth; i++) value = r.chance(0.5) ? [value] : { a: value }
  return value
}

/** Characters whose long runs once made a pattern retry at every offset, or a splitter emit one item per character. */
const RUN_UNITS = [
  'a',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '.',
  '/',
  '-',
  '@',
  '<',
  '0',
  '\u2022',
  '\u00a0',
  '\u3000',
  'C/',
  'a ',
  ',;/|-',
]

/** Lengths at and around the limits: 50,000 for a posting, 100,000 for any string (INPUT_MAX_STRING_LENGTH). */
const NEAR_LIMITS = [255, 256, 4_096, 49_999, 50_000, 50_001, 99_999, 100_000, 100_001]

/** One unit repeated to about `length` characters. */
const runOf = (unit: string, length: number) => unit.repeat(Math.max(1, Math.floor(length / unit.length)))

/** Whitespace shaped to defeat a tokenizer: runs, mixtures of Unicode spaces, a digit then tabs, blank lines. */
function pathologicalWhitespace(r: Rng): string {
  const length = r.pick([1_000, 25_000, 49_999])
  return r.pick([
    () => `Backend engineer\n5${'\t'.repeat(length)}x`,
    () => runOf(' \t', length),
    () => runOf('\u2028\u2029\u200b\ufeff\u00a0', length),
    () => `a${' '.repeat(length)}b`,
    () => runOf('\n', length),
    () => runOf('-\n', length),
    () => `${' '.repeat(length)}x${'\t'.repeat(length)}`,
  ])()
}

/** A string that has once stalled a parser, scorer or database, at a length near a limit. */
function hostileString(r: Rng, maxLength = 100_001): string {
  const length = Math.min(maxLength, r.pick(NEAR_LIMITS))
  if (r.chance(0.3)) return pathologicalWhitespace(r).slice(0, length)
  if (r.chance(0.1)) return `a@${'.'.repeat(Math.max(0, length - 3))}@`
  return runOf(r.pick(RUN_UNITS), length)
}

/** Numbers JSON can carry that are out of any sensible range: the largest doubles, past int32 and 2^53. */
const HUGE_NUMBERS = [1e308, -1e308, 2 ** 53 + 1, -(2 ** 53 + 1), 2 ** 31, -(2 ** 31) - 1, 1e20, 5e-324, -0]

/**
 * Number literals no JavaScript number holds exactly (overflow to Infinity, underflow, past 2^53): a body carries
 * them as raw JSON text, marked in the value until the body is serialised (see withRawNumbers).
 */
const RAW_NUMBERS = ['1e309', '-1e309', '1e-400', '9007199254740993', '123456789012345678901234567890', '-0', '1.0e+3']
const rawNumber = (r: Rng) => `@@number:${r.pick(RAW_NUMBERS)}@@`
/** Replaces each marked raw number in serialised JSON with its literal. */
const withRawNumbers = (json: string) => json.replace(/"@@number:([^"@]+)@@"/g, '$1')
/** A query value: a marked raw number is sent as its literal. */
const queryText = (value: unknown) => String(value).replace(/^@@number:(.*)@@$/, '$1')

function hostileNumber(r: Rng): unknown {
  return r.chance(0.4) ? rawNumber(r) : r.pick(HUGE_NUMBERS)
}

/** A JSON body as raw text that no value can be serialised to: nesting far past the limit, or megabytes of spaces. */
function hostileJsonText(r: Rng): string {
  const depth = r.pick([33, 1_000, 5_000, 100_000])
  return r.pick([
    () => `{"content":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
    () => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
    () => `${' '.repeat(1_000_000)}{}`,
    () => `{"description":"x"${' \t\n\r'.repeat(100_000)}}`,
    () => `{"version":${r.pick(RAW_NUMBERS)},"limit":${r.pick(RAW_NUMBERS)}}`,
  ])()
}

function randomValue(r: Rng, depth = 0): unknown {
  switch (r.int(depth > 3 ? 6 : 9)) {
    case 0:
      return r.chance(0.2) ? hostileString(r) : r.pick(NASTY_STRINGS)
    case 1:
      return r.chance(0.3) ? hostileNumber(r) : r.pick([0, -1, 1.5, 2 ** 53 + 1, -(2 ** 31), 1e308, Number.MIN_VALUE])
    case 2:
      return r.chance(0.5)
    case 3:
      return null
    case 4:
      return hugeString(r)
    case 5:
      return `${r.pick(NASTY_STRINGS)}${r.int(1000)}`
    case 6:
      return Array.from({ length: r.int(5) }, () => randomValue(r, depth + 1))
    case 7:
      return Object.fromEntries(
        Array.from({ length: r.int(5) }, () => [
          r.pick(['__proto__', 'constructor', 'a', 'email', 'x'.repeat(300)]),
          randomValue(r, depth + 1),
        ]),
      )
    default:
      return deep(r, r.pick([10, 31, 32, 33, 100, 2_000]))
  }
}

/** A value shaped like the schema (so validation passes further in), with random breakage. */
function fromSchema(r: Rng, schema: Record<string, unknown> | undefined, depth = 0): unknown {
  if (!schema || depth > 6 || r.chance(0.15)) return randomValue(r, depth)
  const type = schema.type
  if (Array.isArray(schema.anyOf ?? schema.oneOf)) {
    return fromSchema(r, r.pick((schema.anyOf ?? schema.oneOf) as Record<string, unknown>[]), depth + 1)
  }
  if ('const' in schema) return schema.const
  if (Array.isArray(schema.enum)) return r.pick(schema.enum)
  if (type === 'object' || schema.properties) {
    const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(properties)) {
      if (r.chance(0.8)) out[key] = fromSchema(r, child, depth + 1)
    }
    if (r.chance(0.1)) out[r.pick(['unexpected', '__proto__', 'constructor'])] = randomValue(r, depth + 1)
    return out
  }
  if (type === 'array') return Array.from({ length: r.int(4) }, () => fromSchema(r, schema.items as never, depth + 1))
  if (type === 'string') {
    if (r.chance(0.08)) return hostileString(r, (schema.maxLength as number | undefined) ?? 100_001)
    if (schema.format === 'email') return r.chance(0.7) ? `fuzz${r.int(1e9)}@example.com` : r.pick(NASTY_STRINGS)
    return r.chance(0.6) ? `value ${r.int(1e6)}` : r.pick(NASTY_STRINGS)
  }
  if (type === 'integer' || type === 'number') return r.chance(0.2) ? hostileNumber(r) : r.pick([0, 1, 2, 10, -5, 1e9])
  if (type === 'boolean') return r.chance(0.5)
  return randomValue(r, depth)
}

interface FuzzRequest {
  method: string
  url: string
  headers: Record<string, string>
  payload?: string | Buffer
}

function buildRequest(r: Rng, operation: Operation, tokens: { a: string }, ids: Record<string, string>): FuzzRequest {
  const pathValues: Record<string, string> = {}
  for (const param of operation.params) {
    pathValues[param] =
      r.chance(0.3) && ids[param]
        ? (ids[param] as string)
        : r.chance(0.5)
          ? r.pick(NASTY_STRINGS)
          : hugeString(r).slice(0, r.pick([40, 300, 5000]))
  }
  let url = fillPath(operation.path, pathValues)
  if (r.chance(0.3)) url = url.replace(/\/[^/]*$/, `/${r.pick(['..', '%2e%2e', '%2F..%2F', '%', '%ZZ'])}`)
  const query = operation.querySchema
    .filter(() => r.chance(0.6))
    .map(({ name, schema }) => `${encode(name)}=${encode(queryText(fromSchema(r, schema)))}`)
  if (r.chance(0.2)) query.push(`${encode(r.pick(NASTY_STRINGS))}=${encode(r.pick(NASTY_STRINGS))}`)
  // Hostile query values stay under 16 KB: over TCP a longer request line is refused before any route sees it.
  if (r.chance(0.1)) {
    const name = r.pick([...operation.querySchema.map((q) => q.name), 'cursor', 'limit', 'version'])
    const value = r.chance(0.5) ? queryText(hostileNumber(r)) : hostileString(r, 16_000)
    query.push(`${encode(name)}=${encode(value)}`)
  }
  if (r.chance(0.05)) query.push(`a[b][c][d]=1&a=${'x'.repeat(5000)}`)
  if (query.length) url += `?${query.join('&')}`

  const headers: Record<string, string> = {}
  const auth = r.int(10)
  if (auth < 7) Object.assign(headers, bearer(tokens.a))
  else if (auth === 7)
    headers.authorization = r.pick([
      'Bearer',
      'Bearer ',
      `Bearer ${'x'.repeat(5000)}`,
      'Basic Zm9vOmJhcg==',
      'Bearer ../../',
    ])
  if (r.chance(0.1)) headers['if-match'] = r.pick(['*', '"x"', 'W/"1"', '', 'garbage"', '"'.repeat(100)])
  if (r.chance(0.1)) headers['x-request-id'] = r.pick(NASTY_STRINGS.filter(isHeaderSafe))
  if (r.chance(0.05)) headers.accept = r.pick(['text/html', '*/*', 'application/xml', ''])

  if (operation.hasBody || r.chance(0.1)) {
    const kind = r.int(11)
    if (kind < 5) {
      headers['content-type'] = 'application/json'
      const payload = withRawNumbers(clientStringify(fromSchema(r, operation.bodySchema)))
      return { method: operation.method, url, headers, payload }
    }
    if (kind === 10) {
      headers['content-type'] = 'application/json'
      return { method: operation.method, url, headers, payload: hostileJsonText(r) }
    }
    if (kind === 5) {
      headers['content-type'] = 'application/json'
      return {
        method: operation.method,
        url,
        headers,
        payload: r.pick(['{', '{"a":', '[1,2', 'nul', '"\\u12"', '{"a":1}}', '\u0000']),
      }
    }
    if (kind === 6) {
      headers['content-type'] = r.pick(['application/json', 'application/json; charset=utf-8'])
      return {
        method: operation.method,
        url,
        headers,
        payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
      }
    }
    if (kind === 7) {
      headers['content-type'] = r.pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'multipart/form-data; boundary=xyz',
        'application/xml',
        'application/json; charset=utf-16',
        'image/png',
        '',
      ])
      return {
        method: operation.method,
        url,
        headers,
        payload: r.chance(0.5)
          ? 'a=b&c=d'
          : '--xyz\r\nContent-Disposition: form-data; name="file"; filename="../../x.exe"\r\n\r\nMZ\x90\x00\r\n--xyz--\r\n',
      }
    }
    headers['content-type'] = 'application/json'
    return { method: operation.method, url, headers, payload: withRawNumbers(clientStringify(randomValue(r))) }
  }
  return { method: operation.method, url, headers }
}

describe('fuzzing every route', () => {
  it(`answers ${COUNT} generated requests (seed ${SEED}) without a 5xx, with problem+json for every 4xx`, async () => {
    const { server } = await startTestServer({
      REGISTRATIONS_PER_IP_PER_HOUR: '1000000',
      LOGIN_FAILURES_PER_IP_PER_DAY: '1000000',
      LOGIN_FAILURES_PER_ACCOUNT: '1000',
      LOGIN_SLOWDOWN_MS: '0',
      RATE_LIMIT_GLOBAL: '1000000',
      RATE_LIMIT_PER_USER: '100000',
      RATE_LIMIT_UPLOADS: '100000',
      RATE_LIMIT_EXPORTS: '100000',
      RATE_LIMIT_AI: '100000',
      // Thousands of requests by one user: rate limits would answer most of them with 429 instead of the route.
      RATE_LIMIT_ENABLED: 'false',
      // Hostile postings and files may run to their budget: small budgets keep the default sample fast.
      WORKER_ANALYSIS_BUDGET_MS: '1500',
      IMPORT_TIMEOUT_MS: '3000',
      WORKER_THREADS: '2',
      LOG_LEVEL: process.env.FUZZ_LOG_LEVEL ?? 'silent',
    })
    const base = await listenOnLoopback(server)
    const fuzzer = await registerUser(server)
    const bystander = await registerUser(server)
    // The bystander owns a resume with a draft, a saved job and an application; the fuzzer tries their ids too.
    const owner = clientOf(server, bystander.token)
    const resumeId = await createResume(owner, { title: 'Bystander', tags: ['private'] })
    const draft = await owner.put(
      `/api/resumes/${resumeId}/draft`,
      { content: minimalResume('Draft') },
      { 'if-match': '*' },
    )
    expect(draft.statusCode).toBe(200)
    const job = await owner.post('/api/jobs', { title: 'Bystander job', description: 'Required: TypeScript.' })
    expect(job.statusCode).toBe(201)
    const jobId = job.json().id as string
    // The job names no company: the application gives one.
    const application = await owner.post('/api/applications', {
      jobId,
      company: 'Bystander Ltd',
      resumeId,
      status: 'applied',
    })
    expect(application.statusCode).toBe(201)
    const applicationId = application.json().id as string
    const snapshot = async () =>
      Promise.all(
        [
          '/api/me',
          '/api/me/settings',
          '/api/resumes',
          `/api/resumes/${resumeId}`,
          `/api/resumes/${resumeId}/draft`,
          `/api/resumes/${resumeId}/versions`,
          '/api/jobs',
          `/api/jobs/${jobId}`,
          '/api/applications',
          `/api/applications/${applicationId}`,
        ].map(async (url) => {
          const response = await owner.get(url)
          return `${url} ${response.statusCode} ${response.headers.etag ?? ''} ${response.body}`
        }),
      )
    const before = await snapshot()
    for (const line of before) expect(line).toMatch(/^\S+ 200 /)
    const operations = (await operationsOf(server)).filter((op) => op.path !== '/api/auth/logout-all')
    const r = rng(SEED)
    const failures: string[] = []
    const statuses = new Map<number, number>()
    // The fuzz goes through inject, on the same event loop as the server's socket: the probe sees any stall.
    const probe = startHealthProbe(base, { maxCount: 100_000, maxMs: 600_000 })
    const timings: { at: number; ms: number; label: string }[] = []
    for (let i = 0; i < COUNT; i++) {
      const operation = r.pick(operations)
      const id = [fuzzer.userId, resumeId, jobId, applicationId][i % 4] as string
      const request = buildRequest(r, operation, { a: fuzzer.token }, { id })
      // A remote client's requests arrive between turns of the event loop; inject's would otherwise run back to back
      // as promise callbacks, and the probe would measure this loop, not the server.
      await setImmediate()
      const started = performance.now()
      const response = await server.inject(request as never)
      const tookMs = performance.now() - started
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1)
      const label = `#${i} ${request.method} ${request.url.slice(0, 120)} → ${response.statusCode}`
      timings.push({ at: started, ms: tookMs, label })
      if (response.headers['x-content-type-options'] !== 'nosniff') failures.push(`${label} without nosniff`)
      if (response.statusCode >= 500) failures.push(`${label} ${response.body.slice(0, 200)}`)
      else if (response.statusCode >= 400) {
        const type = String(response.headers['content-type'])
        const code = type.startsWith('application/problem+json')
          ? (response.json() as { code?: unknown }).code
          : undefined
        if (typeof code !== 'string') failures.push(`${label} not problem+json: ${type} ${response.body.slice(0, 120)}`)
      }
      // Logging out or changing the password ends the fuzzer's session: sign in again to keep covering routes.
      // Keep track of credential changes the fuzzer made, so it can sign in again.
      if (request.url.startsWith('/api/auth/password') && response.statusCode === 200) {
        fuzzer.password = JSON.parse(String(request.payload)).newPassword
      }
      if (request.method === 'PATCH' && request.url === '/api/me' && response.statusCode === 200) {
        fuzzer.email = response.json().email
      }
      if (request.url.startsWith('/api/auth/') && response.statusCode < 300) {
        const login = await server.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: fuzzer.email, password: fuzzer.password },
        })
        if (login.statusCode === 200) fuzzer.token = login.json().token
      }
    }
    const health = await probe.stop()
    const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a))
    const worstEnd = health.worstAt + health.worstMs
    const during = timings.filter((t) => t.at < worstEnd && t.at + t.ms > health.worstAt)
    process.stdout.write(
      `fuzz: ${COUNT} requests over ${operations.length} operations, statuses ${JSON.stringify(Object.fromEntries(statuses))}; ` +
        `slowest ${slowest.label} in ${Math.round(slowest.ms)} ms; ${describeWorst(health)} during\n` +
        during.map((t) => `  ${t.label} in ${Math.round(t.ms)} ms\n`).join(''),
    )
    expect(failures.slice(0, 20)).toEqual([])
    expect(health.failures).toEqual([])
    expect(worstOwnMs(health)).toBeLessThan(PROBE_LIMIT_MS)
    expect((await server.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200)
    expect(await snapshot()).toEqual(before)
  }, 600_000)
})
