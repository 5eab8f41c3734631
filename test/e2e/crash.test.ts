import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createPostgresDatabase, POSTGRES_URL } from '../helpers/postgres.js'

// The service runs as a real process; it is killed with SIGKILL (no shutdown hooks, no flush) right after it
// acknowledged a write, then started again on the same storage. Every acknowledged write must be there.

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

interface Running {
  child: ChildProcess
  base: string
  output: () => string
}

async function startService(env: Record<string, string>): Promise<Running> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PASSWORD_HASH_COST: '10',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  const base = `http://127.0.0.1:${port}`
  const until = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`service exited early:\n${output}`)
    try {
      if ((await fetch(`${base}/api/health/live`)).ok) break
    } catch (error) {
      if (Date.now() > until) throw error
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return { child, base, output: () => output }
}

async function killHard(service: Running): Promise<void> {
  const exited = new Promise((resolve) => service.child.once('exit', resolve))
  service.child.kill('SIGKILL')
  await exited
  expect(service.child.signalCode).toBe('SIGKILL')
}

/** One request; a 503 (a freshly started process may shed load while it warms up) is retried as a client would. */
async function call(base: string, method: string, url: string, token?: string, body?: unknown, headers = {}) {
  const until = Date.now() + 60_000
  for (;;) {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: {
        ...(token && { authorization: `Bearer ${token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    })
    if (response.status !== 503 || Date.now() > until) return response
    await response.arrayBuffer()
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

async function crashCycle(env: Record<string, string>) {
  const email = `crash.${Date.now()}@example.com`
  const password = 'correct horse battery'
  const draftContent = { basics: { name: 'Saved Before The Crash', email: 'ada@example.com' }, 'x-note': 'kept' }

  // 1. Create, save a draft, and kill the process as soon as the save is acknowledged.
  let service = await startService(env)
  const registered = await call(service.base, 'POST', '/api/auth/register', undefined, { email, password })
  expect(registered.status, await registered.clone().text()).toBe(201)
  const created = await call(
    service.base,
    'POST',
    '/api/resumes',
    ((await registered.json()) as { token: string }).token,
    {
      title: 'Crash test',
      content: { basics: { name: 'Version One' } },
    },
  )
  expect(created.status).toBe(201)
  const { id } = (await created.json()) as { id: string }
  const token = await login(service.base, email, password)
  const saved = await call(
    service.base,
    'PUT',
    `/api/resumes/${id}/draft`,
    token,
    { content: draftContent },
    { 'if-match': '"v1"' },
  )
  expect(saved.status).toBe(200)
  await killHard(service)

  // 2. Restart on the same storage: the draft is there. Commit it, and kill right after the 201.
  service = await startService(env)
  const token2 = await login(service.base, email, password)
  const draft = await call(service.base, 'GET', `/api/resumes/${id}/draft`, token2)
  expect(draft.status).toBe(200)
  const draftBody = await draft.json()
  expect(draftBody).toMatchObject({ saved: true, content: draftContent })
  expect(draft.headers.get('etag')).toBe(saved.headers.get('etag'))
  const committed = await call(service.base, 'POST', `/api/resumes/${id}/draft/commit`, token2, {
    message: 'Before the crash',
  })
  expect(committed.status).toBe(201)
  await killHard(service)

  // 3. Restart again: the commit is there and the draft is gone.
  service = await startService(env)
  const token3 = await login(service.base, email, password)
  const resume = await (await call(service.base, 'GET', `/api/resumes/${id}`, token3)).json()
  expect(resume).toMatchObject({ headVersion: 2, hasDraft: false, content: draftContent })
  const version = await (await call(service.base, 'GET', `/api/resumes/${id}/versions/2`, token3)).json()
  expect(version).toMatchObject({ number: 2, message: 'Before the crash', content: draftContent })
  await killHard(service)
}

async function login(base: string, email: string, password: string): Promise<string> {
  const response = await call(base, 'POST', '/api/auth/login', undefined, { email, password })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

describe('acknowledged writes survive SIGKILL', () => {
  it('on embedded PGlite in DATA_DIR', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'roleready-crash-'))
    onTestFinished(() => rm(dir, { recursive: true, force: true }))
    await crashCycle({ DATA_DIR: path.join(dir, 'data') })
  }, 240_000)

  it.skipIf(!POSTGRES_URL)(
    'on PostgreSQL',
    async () => {
      const database = await createPostgresDatabase()
      onTestFinished(database.drop)
      await crashCycle({ DATABASE_URL: database.url, AUTO_MIGRATE: 'true' })
    },
    240_000,
  )
})
