import { spawn, spawnSync } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import http from 'node:http'
import { createServer } from 'node:net'
import path from 'node:path'
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { freshStorageEnv } from '../helpers/server.js'

const REPO = path.resolve(import.meta.dirname, '../..')
// The server as `npm run build:server` compiles it, into a directory of its own: `npm start` in start.test.ts
// rewrites dist/ while this file runs.
const OUT_DIR = 'dist-e2e'
const MAIN = path.join(REPO, OUT_DIR, 'main.js')

/** Compiles the server again only when a source file is newer than the last build. */
async function ensureBuiltServer(): Promise<void> {
  const built = await stat(MAIN).then(
    (s) => s.mtimeMs,
    () => 0,
  )
  const sources = (await readdir(path.join(REPO, 'src'), { recursive: true })).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  )
  const newest = Math.max(
    ...(await Promise.all(sources.map(async (f) => (await stat(path.join(REPO, 'src', f))).mtimeMs))),
  )
  if (built >= newest) return
  const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', OUT_DIR], {
    cwd: REPO,
    encoding: 'utf8',
  })
  if (build.status !== 0) throw new Error(`building the server failed:\n${build.stdout}${build.stderr}`)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

interface Outcome {
  status?: number
  error?: string
  startedAt: number
  endedAt: number
}

/** One request on a fresh connection (no keep-alive race), resolved with its status or its socket error. */
function request(port: number, method: string, path: string, body?: unknown): Promise<Outcome> {
  const startedAt = Date.now()
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        timeout: 20_000,
        headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode, startedAt, endedAt: Date.now() }))
        res.on('error', (error) => resolve({ error: error.message, startedAt, endedAt: Date.now() }))
      },
    )
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ error: error.code ?? error.message, startedAt, endedAt: Date.now() }),
    )
    req.end(payload)
  })
}

describe('graceful shutdown of the built server process', () => {
  beforeAll(ensureBuiltServer, 300_000)

  it('under steady load, SIGTERM makes ready 503 within 1 s, fails no in-flight request and exits within 25 s', async () => {
    const port = await freePort()
    const storage = await freshStorageEnv()
    const child = spawn(process.execPath, [MAIN], {
      env: {
        // A fresh database on the Postgres server when DATABASE_URL is set (else PGlite in memory), and Redis when
        // REDIS_URL is: their pools and clients are closed for real.
        ...storage,
        ...(process.env.REDIS_URL && { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `e2e:${port}:` }),
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        SHUTDOWN_DELAY_MS: '2000',
        PASSWORD_HASH_COST: '12',
        REGISTRATIONS_PER_IP_PER_HOUR: '1000000',
        RATE_LIMIT_ENABLED: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL')
    })

    const until = Date.now() + 120_000
    while ((await request(port, 'GET', '/api/health/live')).status !== 200) {
      if (Date.now() > until || child.exitCode !== null) throw new Error(`server did not start:\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }

    // An idle keep-alive connection: the server must close it rather than wait for it.
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 })
    let idleClosedAt = 0
    await new Promise<void>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/health/live', agent: keepAlive }, (res) => {
        res.resume()
        res.on('end', resolve)
      })
      req.on('socket', (socket) => socket.once('close', () => (idleClosedAt = Date.now())))
      req.on('error', reject)
    })

    // Steady load: 6 workers, each sending one request after another (a health read or a sign-up that hashes a
    // password), bounded in count. Like a load balancer, they send no new request once readiness has failed.
    let signalAt = 0
    let readyFailedAt = 0
    const outcomes: Outcome[] = []
    let counter = 0
    const worker = async (w: number) => {
      for (let i = 0; i < 3000 && readyFailedAt === 0; i++) {
        const outcome =
          i % 2 === 0
            ? await request(port, 'GET', '/api/health')
            : await request(port, 'POST', '/api/auth/register', {
                email: `load.${w}.${counter++}.${Date.now()}@example.com`,
                password: 'correct horse battery staple',
              })
        outcomes.push(outcome)
      }
    }
    const load = Promise.all([0, 1, 2, 3, 4, 5].map(worker))
    await new Promise((resolve) => setTimeout(resolve, 1500))

    // A slow upload in flight across the close: its body ends only after the server has begun closing.
    const slowBody = JSON.stringify({
      email: `slow.${Date.now()}@example.com`,
      password: 'correct horse battery staple',
    })
    const slow = new Promise<Outcome>((resolve) => {
      const startedAt = Date.now()
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/auth/register',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(slowBody) },
        },
        (res) => {
          res.resume()
          res.on('end', () => resolve({ status: res.statusCode, startedAt, endedAt: Date.now() }))
        },
      )
      req.on('error', (error: NodeJS.ErrnoException) =>
        resolve({ error: error.code ?? error.message, startedAt, endedAt: Date.now() }),
      )
      req.write(slowBody.slice(0, 10))
      setTimeout(() => req.end(slowBody.slice(10)), 1500 + 2000 + 500)
    })
    await new Promise((resolve) => setTimeout(resolve, 100))

    signalAt = Date.now()
    child.kill('SIGTERM')
    while (readyFailedAt === 0 && Date.now() - signalAt < 3000) {
      const ready = await request(port, 'GET', '/api/health/ready')
      if (ready.status === 503) readyFailedAt = ready.endedAt
      else await new Promise((resolve) => setTimeout(resolve, 50))
    }
    await load
    const slowOutcome = await slow
    const code = await exited
    const exitedAt = Date.now()
    keepAlive.destroy()

    expect(readyFailedAt, 'ready never answered 503').toBeGreaterThan(0)
    expect(readyFailedAt - signalAt).toBeLessThan(1000)
    // Every request sent was answered, none with a 5xx.
    const failed = outcomes.filter((o) => o.error || (o.status ?? 0) >= 500)
    expect(failed).toEqual([])
    expect(slowOutcome).toMatchObject({ status: 201 })
    expect(slowOutcome.endedAt - signalAt).toBeGreaterThan(2000)
    const inFlightAtSignal = outcomes.filter((o) => o.startedAt <= signalAt && o.endedAt >= signalAt)
    expect(inFlightAtSignal.length).toBeGreaterThan(0)
    expect(inFlightAtSignal.every((o) => o.status !== undefined && o.status < 500)).toBe(true)
    expect(code).toBe(0)
    expect(exitedAt - signalAt).toBeLessThan(25_000)
    expect(idleClosedAt).toBeGreaterThan(signalAt)
    expect(output).toContain('"msg":"shutting down"')
    console.log(
      `shutdown: ${outcomes.length} requests, ${inFlightAtSignal.length} in flight at SIGTERM, ready 503 after ${
        readyFailedAt - signalAt
      } ms, exit after ${exitedAt - signalAt} ms`,
    )
  }, 180_000)
})
