/**
 * Issue #22: PostgreSQL and Redis going away while the service runs under mixed read/write load, with real servers
 * of the test's own (the shared ones at DATABASE_URL and REDIS_URL are never stopped) and requests over loopback TCP.
 *
 * A writer autosaves a draft with If-Match, another commits versions and a third saves jobs, each create sent with an
 * Idempotency-Key and sent again with the same key until it is acknowledged (a 2xx answer); readers read resumes,
 * lists and health probes. Every acknowledged write is kept in a ledger and checked against the stored data after
 * the outage: present exactly once, nothing duplicated by a retry.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'kysely'
import { describe, expect, it, onTestFinished } from 'vitest'
import { openDatabase } from '../../src/adapters/postgres/database.js'
import { loadConfig } from '../../src/config/config.js'
import { listenOnLoopback } from '../helpers/live-http.js'
import { HAS_REDIS_SERVER, startThrowawayRedis } from '../helpers/redis-server.js'
import { minimalResume } from '../helpers/resumes.js'
import { anEmail, startTestServer } from '../helpers/server.js'
import { startThrowawayPostgres, THROWAWAY_POSTGRES_MISSING } from '../helpers/throwaway-postgres.js'

/** Longest any request may take while a dependency is down (connection timeout 1 s, statement timeout 2 s). */
const ANSWER_BOUND_MS = 3_000
/** Readiness and every writer are back within this long of the dependency being up again. */
const RECOVERY_BOUND_MS = 5_000

/** Settings for the service under test: short database timeouts, limits high enough for the load to pass. */
const SERVICE_ENV = {
  DATABASE_CONNECTION_TIMEOUT_MS: '1000',
  DATABASE_STATEMENT_TIMEOUT_MS: '2000',
  DATABASE_POOL_MAX: '5',
  RATE_LIMIT_GLOBAL: '1000000',
  RATE_LIMIT_PER_USER: '1000000',
}

interface Sample {
  readonly label: string
  readonly startedAt: number
  readonly ms: number
  /** 0 when no answer came (connection refused, reset or timed out). */
  readonly status: number
  readonly code: string | undefined
  readonly detail: string | undefined
  readonly retryAfter: string | null
  readonly problemJson: boolean
  readonly error: string | undefined
}

interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly body: string
}

class Client {
  readonly samples: Sample[] = []
  token = ''

  constructor(readonly base: string) {}

  async call(
    label: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const startedAt = performance.now()
    try {
      const response = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          ...(this.token && { authorization: `Bearer ${this.token}` }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(15_000),
      })
      const text = await response.text()
      const problemJson = String(response.headers.get('content-type')).startsWith('application/problem+json')
      const problem = problemJson ? (JSON.parse(text) as { code?: string; detail?: string }) : {}
      this.samples.push({
        label,
        startedAt,
        ms: performance.now() - startedAt,
        status: response.status,
        code: problem.code,
        detail: problem.detail,
        retryAfter: response.headers.get('retry-after'),
        problemJson,
        error: undefined,
      })
      return { status: response.status, headers: response.headers, body: text }
    } catch (error) {
      const message = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error)
      this.samples.push({
        label,
        startedAt,
        ms: performance.now() - startedAt,
        status: 0,
        code: undefined,
        detail: undefined,
        retryAfter: null,
        problemJson: false,
        error: message,
      })
      return { status: 0, headers: new Headers(), body: message }
    }
  }
}

const ok = (answer: Answer) => answer.status >= 200 && answer.status < 300

interface Ledger {
  /** The content number of the last acknowledged autosave. */
  lastDraft: number
  draftConflicts: number
  /** Acknowledged commits: version number by message. */
  commits: Map<string, number>
  /** Commits whose answer was lost and whose retry found the draft already committed (409 DRAFT_NOT_FOUND). */
  commitsAppliedUnacknowledged: string[]
  /** Acknowledged jobs: id by description. */
  jobs: Map<string, string>
  replays: number
  /** When each writer was first acknowledged after a moment (performance.now()). */
  firstAckAfter(moment: number): number
}

interface Load {
  /** Stops issuing new work, lets each writer get its current write acknowledged, and returns the ledger. */
  stop(): Promise<Ledger>
}

const quoted = (etag: string) => (etag.startsWith('"') ? etag : `"${etag}"`)

/**
 * Writers (draft autosaves with If-Match, commits and job saves with an Idempotency-Key, each retried with its key
 * until acknowledged) and two readers, until stopped.
 */
function startLoad(client: Client, ids: { drafted: string; committed: string }, writeUntilMs: number): Load {
  let stopping = false
  const acks: { writer: string; at: number }[] = []
  const ledger: Ledger = {
    lastDraft: 0,
    draftConflicts: 0,
    commits: new Map(),
    commitsAppliedUnacknowledged: [],
    jobs: new Map(),
    replays: 0,
    firstAckAfter(moment) {
      const writers = ['draft', 'commit', 'job']
      return Math.max(...writers.map((w) => acks.find((a) => a.writer === w && a.at >= moment)?.at ?? Infinity))
    },
  }
  const acked = (writer: string) => acks.push({ writer, at: performance.now() })
  /** Retries a write until acknowledged; gives up (returning the last answer) once stopping and past the deadline. */
  async function untilAcknowledged(send: () => Promise<Answer>, retryOn: (a: Answer) => boolean): Promise<Answer> {
    for (;;) {
      const answer = await send()
      if (!retryOn(answer)) return answer
      if (stopping && performance.now() > writeUntilMs) return answer
      await sleep(100)
    }
  }
  const lost = (a: Answer) => a.status === 0 || a.status >= 500 || a.status === 409

  const autosaver = (async () => {
    let etag = '*'
    for (let n = 1; !stopping; n++) {
      const answer = await client.call(
        'draft PUT',
        'PUT',
        `/api/resumes/${ids.drafted}/draft`,
        { content: minimalResume(`Draft ${n}`) },
        { 'if-match': etag },
      )
      if (ok(answer)) {
        ledger.lastDraft = n
        etag = quoted(answer.headers.get('etag') ?? '*')
        acked('draft')
      } else if (answer.status === 412) {
        // An earlier save was applied but its answer lost: carry on from what is stored.
        ledger.draftConflicts += 1
        etag = quoted(answer.headers.get('etag') ?? '*')
      }
      await sleep(40)
    }
    // The last word is an acknowledged save, so the stored draft must be the ledger's.
    for (let n = 1_000_000; ; n++) {
      const answer = await client.call(
        'draft PUT',
        'PUT',
        `/api/resumes/${ids.drafted}/draft`,
        { content: minimalResume(`Draft ${n}`) },
        { 'if-match': '*' },
      )
      if (ok(answer)) {
        ledger.lastDraft = n
        return
      }
      if (performance.now() > writeUntilMs) throw new Error(`final autosave not acknowledged: ${answer.status}`)
      await sleep(100)
    }
  })()

  const committer = (async () => {
    for (let i = 1; !stopping; i++) {
      const message = `commit ${i}`
      const saved = await untilAcknowledged(
        () =>
          client.call(
            'commit draft PUT',
            'PUT',
            `/api/resumes/${ids.committed}/draft`,
            { content: minimalResume(`Committed ${i}`) },
            { 'if-match': '*' },
          ),
        (a) => !ok(a),
      )
      if (!ok(saved)) return
      const key = `outage-commit-${i}`
      const committed = await untilAcknowledged(
        () =>
          client.call(
            'commit POST',
            'POST',
            `/api/resumes/${ids.committed}/draft/commit`,
            { message },
            {
              'idempotency-key': key,
            },
          ),
        lost,
      )
      if (ok(committed)) {
        if (committed.headers.get('idempotent-replayed') === 'true') ledger.replays += 1
        ledger.commits.set(message, (JSON.parse(committed.body) as { number: number }).number)
        acked('commit')
      } else if (committed.status === 409 && committed.body.includes('DRAFT_NOT_FOUND')) {
        ledger.commitsAppliedUnacknowledged.push(message)
      } else if (!lost(committed)) {
        throw new Error(`commit refused: ${committed.status} ${committed.body}`)
      }
      await sleep(60)
    }
  })()

  const jobSaver = (async () => {
    for (let i = 1; ; i++) {
      const description = `Backend engineer ${i}: Go, PostgreSQL, Redis, on call during outages.`
      const created = await untilAcknowledged(
        () => client.call('job POST', 'POST', '/api/jobs', { description }, { 'idempotency-key': `outage-job-${i}` }),
        lost,
      )
      if (!ok(created)) throw new Error(`job ${i} not acknowledged: ${created.status} ${created.body}`)
      if (created.headers.get('idempotent-replayed') === 'true') ledger.replays += 1
      ledger.jobs.set(description, (JSON.parse(created.body) as { id: string }).id)
      acked('job')
      if (stopping) return
      await sleep(60)
    }
  })()

  const reader = (paths: readonly [string, string][]) =>
    (async () => {
      while (!stopping) {
        for (const [label, path] of paths) await client.call(label, 'GET', path)
        await sleep(30)
      }
    })()
  const readers = [
    reader([
      ['resume GET', `/api/resumes/${ids.drafted}`],
      ['resume list', '/api/resumes'],
      ['health/ready', '/api/health/ready'],
    ]),
    reader([
      ['job list', '/api/jobs'],
      ['draft GET', `/api/resumes/${ids.drafted}/draft`],
      ['health/live', '/api/health/live'],
    ]),
  ]

  return {
    async stop() {
      stopping = true
      await Promise.all([autosaver, committer, jobSaver, ...readers])
      return ledger
    },
  }
}

/** Signs a user up and creates the two resumes the writers use; everything must be up. */
async function setUp(client: Client): Promise<{ drafted: string; committed: string }> {
  const registered = await client.call('setup', 'POST', '/api/auth/register', {
    email: anEmail('outage'),
    password: 'correct horse battery',
  })
  expect(registered.status, registered.body).toBe(201)
  client.token = (JSON.parse(registered.body) as { token: string }).token
  const create = async (title: string) => {
    const created = await client.call('setup', 'POST', '/api/resumes', { title, content: minimalResume() })
    expect(created.status, created.body).toBe(201)
    return (JSON.parse(created.body) as { id: string }).id
  }
  return { drafted: await create('Autosaved'), committed: await create('Committed') }
}

/** Checks the ledger against what the service stores, with every dependency up. */
async function verifyLedger(client: Client, ids: { drafted: string; committed: string }, ledger: Ledger) {
  const draft = await client.call('verify', 'GET', `/api/resumes/${ids.drafted}/draft`)
  expect(draft.status).toBe(200)
  expect((JSON.parse(draft.body) as { content: { basics: { name: string } } }).content.basics.name).toBe(
    `Draft ${ledger.lastDraft}`,
  )

  const versions: { number: number; message: string }[] = []
  let cursor: string | undefined
  do {
    const page = await client.call(
      'verify',
      'GET',
      `/api/resumes/${ids.committed}/versions?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    )
    expect(page.status, page.body).toBe(200)
    const body = JSON.parse(page.body) as { items: { number: number; message: string }[]; nextCursor?: string }
    versions.push(...body.items)
    cursor = body.nextCursor
  } while (cursor)
  const numbers = versions.map((v) => v.number).sort((a, b) => a - b)
  expect(numbers).toEqual(numbers.map((_, index) => index + 1))
  const byMessage = new Map<string, number[]>()
  for (const v of versions) byMessage.set(v.message, [...(byMessage.get(v.message) ?? []), v.number])
  for (const [message, number] of ledger.commits) expect(byMessage.get(message), message).toEqual([number])
  for (const [message, numbers] of byMessage) expect(numbers.length, `${message} committed once`).toBe(1)

  const jobs: { id: string; description: string }[] = []
  cursor = undefined
  do {
    const page = await client.call('verify', 'GET', `/api/jobs?limit=100${cursor ? `&cursor=${cursor}` : ''}`)
    expect(page.status, page.body).toBe(200)
    const body = JSON.parse(page.body) as { items: { id: string; description: string }[]; nextCursor?: string }
    jobs.push(...body.items)
    cursor = body.nextCursor
  } while (cursor)
  // Every job was retried with its key until acknowledged, so the stored jobs are exactly the ledger's.
  expect(jobs.map((j) => j.description).sort()).toEqual([...ledger.jobs.keys()].sort())
  for (const job of jobs) expect(ledger.jobs.get(job.description)).toBe(job.id)
  return { versions: versions.length, jobs: jobs.length }
}

/** Requests that started within [from, to), by label and status, and the longest answer. */
function summarise(samples: readonly Sample[], from: number, to: number) {
  const within = samples.filter((s) => s.startedAt >= from && s.startedAt < to && s.label !== 'verify')
  const byStatus = new Map<string, { count: number; maxMs: number }>()
  for (const s of within) {
    const key = `${s.label} ${s.status || 'no answer'}${s.code ? ` ${s.code}` : ''}`
    const seen = byStatus.get(key) ?? { count: 0, maxMs: 0 }
    byStatus.set(key, { count: seen.count + 1, maxMs: Math.max(seen.maxMs, s.ms) })
  }
  const longest = within.reduce((worst, s) => (s.ms > worst.ms ? s : worst), within[0] as Sample)
  return { within, byStatus: [...byStatus].sort(([a], [b]) => a.localeCompare(b)), longest }
}

function report(title: string, lines: readonly string[]): void {
  process.stdout.write(`\n[outages] ${title}\n${lines.map((line) => `  ${line}\n`).join('')}`)
}

/** Polls readiness until 200; the time it took from `since`. */
async function readyAgain(client: Client, since: number, boundMs: number): Promise<number> {
  for (;;) {
    const ready = await client.call('recovery ready', 'GET', '/api/health/ready')
    if (ready.status === 200) return performance.now() - since
    if (performance.now() - since > boundMs * 3) throw new Error(`not ready again: ${ready.status} ${ready.body}`)
    await sleep(50)
  }
}

function watchForCrashes(): string[] {
  const seen: string[] = []
  const record = (kind: string) => (reason: unknown) =>
    seen.push(`${kind}: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`)
  const rejection = record('unhandled rejection')
  const exception = record('uncaught exception')
  process.on('unhandledRejection', rejection)
  process.on('uncaughtException', exception)
  onTestFinished(() => {
    process.off('unhandledRejection', rejection)
    process.off('uncaughtException', exception)
  })
  return seen
}

describe.skipIf(THROWAWAY_POSTGRES_MISSING)('PostgreSQL outage under mixed load', () => {
  it('answers 503 with Retry-After promptly while the database is down, recovers without a restart and loses no acknowledged write', async () => {
    const crashes = watchForCrashes()
    const postgres = await startThrowawayPostgres()
    const { server } = await startTestServer({ ...SERVICE_ENV, DATABASE_URL: postgres.url, AUTO_MIGRATE: 'true' })
    const client = new Client(await listenOnLoopback(server))
    const ids = await setUp(client)

    const load = startLoad(client, ids, performance.now() + 60_000)
    await sleep(2_000)
    const stopBegan = performance.now()
    await postgres.stop('fast')
    const down = performance.now()
    await sleep(10_000)
    const restartBegan = performance.now()
    await postgres.start()
    const up = performance.now()
    const readyMs = await readyAgain(client, up, RECOVERY_BOUND_MS)
    await sleep(3_000)
    const ledger = await load.stop()
    const writersBackMs = ledger.firstAckAfter(up) - up
    const stored = await verifyLedger(client, ids, ledger)

    const outage = summarise(client.samples, stopBegan, up)
    report('PostgreSQL stopped (fast shutdown) for 10 s', [
      `stop took ${Math.round(down - stopBegan)} ms, start ${Math.round(up - restartBegan)} ms`,
      `${outage.within.length} requests during the outage, by status:`,
      ...outage.byStatus.map(([key, { count, maxMs }]) => `  ${key}: ${count} (longest ${Math.round(maxMs)} ms)`),
      `longest answer during the outage: ${Math.round(outage.longest.ms)} ms (${outage.longest.label} ${outage.longest.status})`,
      `ready again ${Math.round(readyMs)} ms after the database was up; every writer acknowledged again after ${Math.round(writersBackMs)} ms`,
      `ledger: last draft ${ledger.lastDraft} (${ledger.draftConflicts} stale ETags), ${ledger.commits.size} commits ` +
        `acknowledged of ${stored.versions} versions, ${ledger.commitsAppliedUnacknowledged.length} applied without an answer, ` +
        `${ledger.jobs.size} jobs, ${ledger.replays} idempotent replays`,
    ])

    // While the database was surely down: probes, prompt 503 problems with Retry-After and a stable code.
    const surelyDown = client.samples.filter((s) => s.startedAt >= down && s.startedAt + s.ms <= restartBegan)
    expect(surelyDown.length).toBeGreaterThan(50)
    expect(surelyDown.filter((s) => s.label === 'health/ready').every((s) => s.status === 503)).toBe(true)
    expect(surelyDown.filter((s) => s.label === 'health/live').every((s) => s.status === 200)).toBe(true)
    const failed = surelyDown.filter((s) => !s.label.startsWith('health/') && (s.status < 200 || s.status >= 300))
    expect(failed.length).toBeGreaterThan(0)
    for (const s of failed) {
      expect({ ...s, ms: 0, startedAt: 0 }).toMatchObject({
        status: 503,
        problemJson: true,
        code: 'DATABASE_UNAVAILABLE',
        retryAfter: expect.stringMatching(/^\d+$/),
      })
    }
    expect(outage.longest.ms).toBeLessThan(ANSWER_BOUND_MS)
    expect(outage.within.filter((s) => s.status === 0)).toEqual([])

    expect(readyMs).toBeLessThan(RECOVERY_BOUND_MS)
    expect(writersBackMs).toBeLessThan(RECOVERY_BOUND_MS)
    expect(crashes).toEqual([])
  }, 80_000)
})

describe.skipIf(THROWAWAY_POSTGRES_MISSING)('PostgreSQL shutting down under an open transaction', () => {
  it('fails the transaction without crashing the process, and the pool reconnects once the database is back', async () => {
    const crashes = watchForCrashes()
    const postgres = await startThrowawayPostgres()
    const database = await openDatabase(loadConfig({ DATABASE_URL: postgres.url }))
    onTestFinished(() => database.close())
    // The connection is checked out and between statements when the server ends it (57P01): pg reports that on
    // the client, not on a query.
    const transaction = database.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx)
      await postgres.stop('fast')
      await sleep(200)
      await sql`select 1`.execute(trx)
    })
    await expect(transaction).rejects.toThrow()
    expect(crashes).toEqual([])
    await postgres.start()
    await expect(database.ping()).resolves.toBeUndefined()
  })
})

describe.skipIf(!HAS_REDIS_SERVER)('Redis outage under mixed load', () => {
  it('keeps reads and writes working while Redis is down, names it in readiness and recovers without a restart', async () => {
    const crashes = watchForCrashes()
    const redis = await startThrowawayRedis()
    const { server } = await startTestServer({ ...SERVICE_ENV, REDIS_URL: redis.url })
    const client = new Client(await listenOnLoopback(server))
    const ids = await setUp(client)

    const load = startLoad(client, ids, performance.now() + 40_000)
    await sleep(2_000)
    const stopBegan = performance.now()
    await redis.stop()
    const down = performance.now()
    await sleep(4_000)
    const restartBegan = performance.now()
    await startThrowawayRedis(redis.port)
    const up = performance.now()
    const readyMs = await readyAgain(client, up, RECOVERY_BOUND_MS)
    await sleep(2_000)
    const ledger = await load.stop()
    const writersBackMs = ledger.firstAckAfter(up) - up
    const stored = await verifyLedger(client, ids, ledger)

    const outage = summarise(client.samples, stopBegan, up)
    report('Redis killed for 4 s, then started again on its port', [
      `stop took ${Math.round(down - stopBegan)} ms, start ${Math.round(up - restartBegan)} ms`,
      `${outage.within.length} requests during the outage, by status:`,
      ...outage.byStatus.map(([key, { count, maxMs }]) => `  ${key}: ${count} (longest ${Math.round(maxMs)} ms)`),
      `longest answer during the outage: ${Math.round(outage.longest.ms)} ms (${outage.longest.label} ${outage.longest.status})`,
      `ready again ${Math.round(readyMs)} ms after Redis was up; every writer acknowledged again after ${Math.round(writersBackMs)} ms`,
      `ledger: last draft ${ledger.lastDraft} (${ledger.draftConflicts} stale ETags), ${ledger.commits.size} commits ` +
        `acknowledged of ${stored.versions} versions, ${ledger.jobs.size} jobs, ${ledger.replays} idempotent replays`,
    ])

    const surelyDown = client.samples.filter((s) => s.startedAt >= down && s.startedAt + s.ms <= restartBegan)
    expect(surelyDown.length).toBeGreaterThan(50)
    // The API keeps answering from the database (the cache and rate limits fall back to memory).
    const api = surelyDown.filter((s) => !s.label.startsWith('health/'))
    expect(api.filter((s) => s.status < 200 || s.status >= 300)).toEqual([])
    expect(surelyDown.filter((s) => s.label === 'health/live').every((s) => s.status === 200)).toBe(true)
    // Redis is a required dependency: readiness fails naming it.
    const ready = surelyDown.filter((s) => s.label === 'health/ready')
    expect(ready.length).toBeGreaterThan(0)
    for (const s of ready) {
      expect(s).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', detail: expect.stringContaining('redis') })
    }
    expect(outage.longest.ms).toBeLessThan(ANSWER_BOUND_MS)
    expect(outage.within.filter((s) => s.status === 0)).toEqual([])

    expect(readyMs).toBeLessThan(RECOVERY_BOUND_MS)
    expect(writersBackMs).toBeLessThan(RECOVERY_BOUND_MS)
    expect(crashes).toEqual([])
  }, 60_000)
})
