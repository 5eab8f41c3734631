/**
 * A user who keeps writing while a deploy runs, through nginx: autosaves a draft (PUT with If-Match, re-reading the
 * ETag on 412), commits versions and saves jobs, each create with an Idempotency-Key. Every write the service
 * acknowledged (2xx) goes into a ledger; verify() reads everything back and says what is missing or duplicated.
 *
 * An answer that never came (connection error, timeout) or a 502/503/504 leaves a write unacknowledged: the writer
 * sends it again (a create with the same key, so the service answers the first result instead of creating a second
 * one) until it is acknowledged, so at the end every write it attempted is in the ledger.
 */
import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'

/** Statuses after which a write is sent again: no answer from the service, or the proxy's / a draining instance's. */
const RETRIED = new Set([502, 503, 504])
const REQUEST_TIMEOUT_MS = 10_000
/** How long one write is retried before the writer gives up (a claim left by a killed process expires after 60 s). */
const GIVE_UP_MS = 90_000
/** One create in this many has its first answer thrown away and is sent again (see create()). */
const LOSE_EVERY = 10

interface Answer {
  status: number
  body: unknown
  etag: string | null
  replayed: boolean
}

export interface LedgerCounts {
  acknowledged: number
  found: number
  missing: number
  duplicated: number
}

export interface WriterReport {
  /** Every acknowledged write: the resume, each autosave, each committed version, each job. */
  total: LedgerCounts
  autosaves: LedgerCounts
  versions: LedgerCounts
  jobs: LedgerCounts
  resumes: LedgerCounts
  /** Version numbers are 1..n with no gap or repeat. */
  versionNumbers: { count: number; gaps: number[]; repeats: number[] }
  /** Attempts that got no usable answer and were sent again, by method and cause (`POST error`, `PUT 503`, …). */
  retried: Record<string, number>
  /** Creates answered from the service's idempotency store (`idempotent-replayed: true`). */
  replayed: number
  /** 412s on autosave, each followed by a re-read of the ETag. */
  conflicts: number
  /** Answers that were neither 2xx nor retried (a refusal): each fails the writer's scenario. */
  refused: string[]
}

const counts = (acknowledged: number, found: number, duplicated: number): LedgerCounts => ({
  acknowledged,
  found,
  missing: acknowledged - found,
  duplicated,
})

/** JSON Resume content whose skills list every autosave marker written so far, in order. */
const contentWith = (markers: string[]) => ({
  basics: { name: 'Deploy Writer', label: 'Keeps saving through deploys' },
  skills: markers.map((name) => ({ name })),
})
const markersOf = (content: unknown) =>
  ((content as { skills?: { name: string }[] }).skills ?? []).map((skill) => skill.name)

/**
 * Starts writing as a new user at `url` (nginx); stop() ends the loops after their current write and verify() reads
 * the data back. `pauseMs` is the pause between one loop's writes (two loops run: draft + commits, jobs).
 */
export async function startWriter(url: string, name: string, pauseMs = 40) {
  const retried: Record<string, number> = {}
  const refused: string[] = []
  let replayed = 0
  let conflicts = 0
  let token = ''

  async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    const text = await response.text()
    return {
      status: response.status,
      body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
      etag: response.headers.get('etag'),
      replayed: response.headers.get('idempotent-replayed') === 'true',
    } satisfies Answer
  }

  /**
   * Sends until an answer comes that is not a lost one (a 2xx, or a refusal such as 412), retrying lost answers and
   * `409 IDEMPOTENCY_KEY_IN_USE` (the first try of the same key still running) with the same request.
   */
  async function untilAnswered(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const deadline = Date.now() + GIVE_UP_MS
    for (let attempt = 0; ; attempt++) {
      let cause: string
      try {
        const answer = await send(method, path, body, headers)
        const inUse = answer.status === 409 && JSON.stringify(answer.body).includes('IDEMPOTENCY_KEY_IN_USE')
        if (!RETRIED.has(answer.status) && !inUse) {
          if (answer.replayed) replayed++
          return answer
        }
        cause = String(answer.status)
      } catch {
        cause = 'error'
      }
      retried[`${method} ${cause}`] = (retried[`${method} ${cause}`] ?? 0) + 1
      if (Date.now() > deadline) throw new Error(`${method} ${path}: no answer in ${GIVE_UP_MS} ms (last: ${cause})`)
      await sleep(Math.min(100 * 2 ** attempt, 1000))
    }
  }

  const expect2xx = (what: string, answer: Answer) => {
    if (answer.status >= 200 && answer.status < 300) return true
    refused.push(`${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`)
    return false
  }

  /**
   * A create with a new Idempotency-Key. Every LOSE_EVERY-th one plays a lost answer on purpose: its first answer is
   * read and thrown away, as if the connection had dropped after the service acted, and the same request is sent
   * again, so the service's replay is exercised on every scenario and not only when a deploy happens to cut one.
   */
  let creates = 0
  const create = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const withKey = { 'idempotency-key': randomUUID(), ...headers }
    if (++creates % LOSE_EVERY === 0) {
      await send('POST', path, body, withKey).catch(() => undefined)
      retried['POST lost'] = (retried['POST lost'] ?? 0) + 1
    }
    return untilAnswered('POST', path, body, withKey)
  }

  // Setup, before any deploy: an account and one resume.
  const email = `writer-${name.replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}@example.com`
  const registered = await untilAnswered('POST', '/api/auth/register', { email, password: 'deploys lose nothing' })
  if (!expect2xx('register', registered)) throw new Error(refused.join('\n'))
  token = (registered.body as { token: string }).token
  const created = await create('/api/resumes', { title: `Writer ${name}`, content: contentWith([]) })
  if (!expect2xx('create resume', created)) throw new Error(refused.join('\n'))
  const resumeId = (created.body as { id: string }).id

  // The ledger.
  const savedMarkers: string[] = []
  const committed: { number: number; markers: number }[] = []
  const jobs: { id: string; marker: string }[] = []
  let stopped = false

  async function readEtag(): Promise<string> {
    const answer = await untilAnswered('GET', `/api/resumes/${resumeId}/draft`)
    if (!expect2xx('read draft', answer) || !answer.etag) throw new Error(refused.join('\n'))
    return answer.etag
  }

  async function draftLoop(): Promise<void> {
    let etag = await readEtag()
    for (let n = 1; !stopped; n++) {
      const marker = `save-${n}`
      const body = { content: contentWith([...savedMarkers, marker]) }
      // Autosave: on a stale ETag (a save whose answer was lost may have landed), re-read it and save again.
      for (;;) {
        const answer = await untilAnswered('PUT', `/api/resumes/${resumeId}/draft`, body, { 'if-match': etag })
        if (answer.status === 412) {
          conflicts++
          etag = await readEtag()
          continue
        }
        if (!expect2xx(`autosave ${marker}`, answer)) return
        etag = answer.etag ?? (await readEtag())
        savedMarkers.push(marker)
        break
      }
      if (n % 4 === 0) {
        const answer = await create(
          `/api/resumes/${resumeId}/draft/commit`,
          { message: `after ${marker}` },
          {
            'if-match': etag,
          },
        )
        if (!expect2xx(`commit after ${marker}`, answer)) return
        committed.push({ number: (answer.body as { number: number }).number, markers: savedMarkers.length })
        etag = await readEtag()
      }
      await sleep(pauseMs)
    }
  }

  async function jobLoop(): Promise<void> {
    for (let n = 1; !stopped; n++) {
      const marker = `${name} job ${n} ${randomUUID().slice(0, 8)}`
      const answer = await create('/api/jobs', {
        title: marker,
        company: 'Deploy Writer Ltd',
        description: `Backend engineer (${marker}): TypeScript, PostgreSQL, nginx, zero-downtime deploys.`,
      })
      if (!expect2xx(`create job ${n}`, answer)) return
      jobs.push({ id: (answer.body as { id: string }).id, marker })
      await sleep(pauseMs * 2)
    }
  }

  const loops = Promise.all([draftLoop(), jobLoop()])

  async function readAll<T>(path: string): Promise<T[]> {
    const items: T[] = []
    let cursor: string | null = null
    do {
      const query: string = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
      const answer = await untilAnswered('GET', `${path}?${query}`)
      if (!expect2xx(`list ${path}`, answer)) throw new Error(refused.join('\n'))
      const page = answer.body as { items: T[]; nextCursor: string | null }
      items.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return items
  }

  return {
    /** Ends both loops after the write each is doing (retries of it included). */
    async stop(): Promise<void> {
      stopped = true
      await loops
    },

    /** Reads the account's resumes, draft, versions and jobs back and compares them with the ledger. */
    async verify(): Promise<WriterReport> {
      const resumes = await readAll<{ id: string }>('/api/resumes')
      const draft = await untilAnswered('GET', `/api/resumes/${resumeId}/draft`)
      expect2xx('read draft', draft)
      const markers = markersOf((draft.body as { content: unknown }).content)
      const seen = new Map<string, number>()
      for (const marker of markers) seen.set(marker, (seen.get(marker) ?? 0) + 1)
      const autosavesFound = savedMarkers.filter((marker) => seen.has(marker)).length
      const autosavesDuplicated = [...seen.values()].reduce((sum, n) => sum + n - 1, 0)

      const summaries = await readAll<{ number: number }>(`/api/resumes/${resumeId}/versions`)
      const numbers = summaries.map((v) => v.number).sort((a, b) => a - b)
      const repeats = numbers.filter((n, i) => i > 0 && numbers[i - 1] === n)
      const gaps: number[] = []
      for (let n = 1; n <= (numbers.at(-1) ?? 0); n++) if (!numbers.includes(n)) gaps.push(n)
      // A committed version holds every autosave acknowledged before its commit, and nothing after.
      let versionsFound = 0
      for (const { number, markers: expected } of committed) {
        const version = await untilAnswered('GET', `/api/resumes/${resumeId}/versions/${number}`)
        if (version.status !== 200) continue
        const held = markersOf((version.body as { content: unknown }).content)
        if (held.length === expected && held.join() === savedMarkers.slice(0, expected).join()) versionsFound++
      }
      // Version 1 is the resume's creation; every later one must be an acknowledged commit, each once.
      const committedNumbers = new Set(committed.map((c) => c.number))
      const versionsDuplicated =
        numbers.filter((n) => n > 1 && !committedNumbers.has(n)).length + (committed.length - committedNumbers.size)

      const listed = await readAll<{ id: string; title: string | null }>('/api/jobs')
      const listedIds = new Set(listed.map((job) => job.id))
      const jobsFound = jobs.filter((job) => listedIds.has(job.id)).length
      const byMarker = new Map<string, number>()
      for (const job of listed) byMarker.set(job.title ?? '', (byMarker.get(job.title ?? '') ?? 0) + 1)
      const jobsDuplicated =
        [...byMarker.values()].reduce((sum, n) => sum + n - 1, 0) +
        listed.filter((job) => !jobs.some((mine) => mine.marker === job.title)).length

      const resumeCounts = counts(1, resumes.some((r) => r.id === resumeId) ? 1 : 0, resumes.length - 1)
      const autosaveCounts = counts(savedMarkers.length, autosavesFound, autosavesDuplicated)
      const versionCounts = counts(committed.length, versionsFound, versionsDuplicated)
      const jobCounts = counts(jobs.length, jobsFound, jobsDuplicated)
      const all = [resumeCounts, autosaveCounts, versionCounts, jobCounts]
      const sum = (field: keyof LedgerCounts) => all.reduce((total, c) => total + c[field], 0)
      return {
        total: {
          acknowledged: sum('acknowledged'),
          found: sum('found'),
          missing: sum('missing'),
          duplicated: sum('duplicated'),
        },
        autosaves: autosaveCounts,
        versions: versionCounts,
        jobs: jobCounts,
        resumes: resumeCounts,
        versionNumbers: { count: numbers.length, gaps, repeats },
        retried,
        replayed,
        conflicts,
        refused,
      }
    },
  }
}

/** One line for the test log: the ledger's counts and how many writes had to be sent again. */
export function formatLedger(scenario: string, report: WriterReport): string {
  const kinds = (['resumes', 'autosaves', 'versions', 'jobs'] as const)
    .map((kind) => `${report[kind].acknowledged} ${kind}`)
    .join(', ')
  const { acknowledged, found, missing, duplicated } = report.total
  return (
    `[deploy e2e] ledger ${scenario}: acknowledged ${acknowledged} (${kinds}), found ${found}, missing ${missing}, ` +
    `duplicated ${duplicated}; versions 1..${report.versionNumbers.count} (gaps ${report.versionNumbers.gaps.length}, ` +
    `repeats ${report.versionNumbers.repeats.length}); sent again ${JSON.stringify(report.retried)}, ` +
    `replayed ${report.replayed}, 412 re-reads ${report.conflicts}, refused ${report.refused.length}`
  )
}
