import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'

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

/** Polls `url` until it answers; fails at once, with what the process printed, if the process ends first. */
async function waitFor(
  url: string,
  deadlineMs: number,
  process: { exitCode: number | null; output(): string },
): Promise<Response> {
  const until = Date.now() + deadlineMs
  for (;;) {
    try {
      return await fetch(url)
    } catch (error) {
      if (process.exitCode !== null) throw new Error(`npm start exited with ${process.exitCode}:\n${process.output()}`)
      if (Date.now() > until) throw new Error(`nothing answered at ${url}:\n${process.output()}`, { cause: error })
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
}

describe('npm start on embedded defaults', () => {
  it('builds, migrates an embedded database in DATA_DIR, serves /api/health/live and stops on SIGTERM', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'roleready-start-'))
    onTestFinished(() => rm(dir, { recursive: true, force: true }))
    const port = await freePort()
    // Only what a bare machine has: no DATABASE_URL, no REDIS_URL.
    const child = spawn('npm', ['start', '--silent'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? dir,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: path.join(dir, 'data'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    onTestFinished(() => {
      if (child.exitCode === null) process.kill(-(child.pid as number), 'SIGKILL')
    })

    // `npm start` compiles first; on a busy two-core machine running the rest of the suite that takes a while.
    const live = await waitFor(`http://127.0.0.1:${port}/api/health/live`, 200_000, {
      get exitCode() {
        return child.exitCode
      },
      output: () => output,
    })
    expect(live.status).toBe(200)
    expect(await live.json()).toEqual({ status: 'ok' })
    expect(live.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect((await readdir(path.join(dir, 'data'))).length).toBeGreaterThan(0)
    // Log lines are written off the main thread: they may reach the pipe a moment after the first response.
    for (const until = Date.now() + 10_000; !output.includes('RoleReady is listening') && Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const lines = output.split('\n').filter((line) => line.startsWith('{'))
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(
      expect.arrayContaining(['database migrated', 'RoleReady is listening']),
    )

    // The signal reaches npm and the service alike; the service logs its shutdown and the group exits promptly.
    const stopping = Date.now()
    process.kill(-(child.pid as number), 'SIGTERM')
    await exited
    expect(Date.now() - stopping).toBeLessThan(25_000)
    expect(output).toContain('"msg":"shutting down"')
  }, 240_000)
})
