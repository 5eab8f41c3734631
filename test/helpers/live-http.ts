/**
 * A test server on a real loopback port: listening, plain node:http requests, multipart bodies, and a probe that
 * asks GET /api/health/live every 50 ms to show whether the event loop stayed responsive while other work ran.
 */
import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { runInNewContext } from 'node:vm'
import type { FastifyInstance } from 'fastify'

/**
 * JSON.stringify as V8 ships it, for building request bodies. Whatever loads pdfjs-dist's legacy build in a test
 * process (the document helpers, or the app with WORKER_THREADS=0) lets its core-js polyfill replace the global
 * JSON.stringify with one that rescans its output a character at a time (about 5× slower); a test client building
 * megabytes of JSON on the server's own event loop should not add that to what it measures. A fresh context still
 * has the native function.
 */
export const clientStringify = runInNewContext('JSON.stringify') as typeof JSON.stringify

/** Makes the server listen on 127.0.0.1 at a free port (it is closed with the test) and returns its base URL. */
export async function listenOnLoopback(server: FastifyInstance): Promise<string> {
  await server.listen({ port: 0, host: '127.0.0.1' })
  return `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`
}

export interface RawAnswer {
  readonly status: number
  readonly text: string
  readonly etag: string | null
}

/**
 * One request with node:http. Large bodies go this way rather than through fetch: fetch streams a body through web
 * streams on the calling thread (about 150 ms of event-loop time per 6 MB upload on a 2-core machine), and a test
 * client shares the event loop of the server it is measuring.
 */
export function rawRequest(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: Buffer | string | undefined,
  timeoutMs: number,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', reject)
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({ status: response.statusCode ?? 0, text, etag: response.headers.etag ?? null })
      })
    })
    request.on('timeout', () => request.destroy(new Error(`no answer in ${timeoutMs} ms`)))
    request.on('error', reject)
    request.end(body)
  })
}

/** A multipart/form-data body with one file part, as a browser uploads it. */
export function multipart(file: Buffer, fileName: string): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----rr${Math.random().toString(16).slice(2)}`
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

/** Time the main thread spent running and waiting for a core, in ms. */
export interface Schedule {
  readonly ranMs: number
  readonly waitedMs: number
}

/**
 * The main thread's scheduler statistics (Linux; undefined elsewhere). They tell a blocked event loop (the thread
 * ran for the whole of a slow probe) from a starved one (it waited for a core held by workers or other processes).
 */
function mainThreadSchedule(): Schedule | undefined {
  try {
    const [ran, waited] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number)
    return ran === undefined || waited === undefined ? undefined : { ranMs: ran / 1e6, waitedMs: waited / 1e6 }
  } catch {
    return undefined
  }
}

const scheduleBetween = (from: Schedule | undefined, to: Schedule | undefined): Schedule | undefined =>
  from && to ? { ranMs: to.ranMs - from.ranMs, waitedMs: to.waitedMs - from.waitedMs } : undefined

export interface ProbeResult {
  readonly count: number
  readonly worstMs: number
  /** When the worst call was due (performance.now()). */
  readonly worstAt: number
  /** How the main thread spent the time from the call before the worst one to the worst one's answer. */
  readonly worstSchedule: Schedule | undefined
  /** Calls that failed or answered other than 200. */
  readonly failures: readonly string[]
  /** The highest resident set size seen, in bytes. */
  readonly rssPeak: number
}

export interface HealthProbe {
  /** Stops calling and returns what was seen. */
  stop(): Promise<ProbeResult>
}

/**
 * Calls GET /api/health/live every 50 ms until stopped, at most `maxCount` times or for `maxMs`. A latency counts
 * from when the call was due, so a timer held up by a blocked event loop counts as well as a slow answer.
 */
export function startHealthProbe(base: string, { maxCount = 6000, maxMs = 300_000 } = {}): HealthProbe {
  let stopped = false
  let count = 0
  let worstMs = 0
  let worstAt = 0
  let worstSchedule: Schedule | undefined
  let rssPeak = process.memoryUsage.rss()
  const failures: string[] = []
  const running = (async () => {
    const started = performance.now()
    let due = started
    let scheduleBefore = mainThreadSchedule()
    while (!stopped && count < maxCount && performance.now() - started < maxMs) {
      const wait = due - performance.now()
      if (wait > 0) await sleep(wait)
      try {
        const response = await fetch(`${base}/api/health/live`, { signal: AbortSignal.timeout(10_000) })
        await response.arrayBuffer()
        if (response.status !== 200) failures.push(`health/live answered ${response.status}`)
      } catch (error) {
        failures.push(`health/live failed: ${String(error)}`)
      }
      const now = performance.now()
      const schedule = mainThreadSchedule()
      if (now - due > worstMs) {
        worstMs = now - due
        worstAt = due
        worstSchedule = scheduleBetween(scheduleBefore, schedule)
      }
      scheduleBefore = schedule
      count += 1
      rssPeak = Math.max(rssPeak, process.memoryUsage.rss())
      due = Math.max(due + 50, now)
    }
  })()
  return {
    async stop() {
      stopped = true
      await running
      const rss = Math.max(rssPeak, process.memoryUsage.rss())
      return { count, worstMs, worstAt, worstSchedule, failures, rssPeak: rss }
    },
  }
}

/**
 * The probe's worst latency less the time the main thread spent runnable but waiting for a core: what the process
 * itself is answerable for. On a shared two-core machine other test files take the cores for a few hundred
 * milliseconds at a time; a stall is the main thread busy, and that stays in the figure.
 */
export const worstOwnMs = (result: ProbeResult): number => result.worstMs - (result.worstSchedule?.waitedMs ?? 0)

const ms = (value: number | undefined) => (value === undefined ? '?' : `${Math.round(value)} ms`)

/** One line on the probe's worst call, for a test's output. */
export function describeWorst(result: ProbeResult): string {
  const { worstSchedule: schedule } = result
  return (
    `probe ${result.count} calls, worst ${ms(result.worstMs)} (main thread ran ${ms(schedule?.ranMs)} and ` +
    `waited ${ms(schedule?.waitedMs)} for a core since the call before)`
  )
}
