import { spawn } from 'node:child_process'
import { describe, expect, it, onTestFinished } from 'vitest'
import { freePort } from '../helpers/redis-server.js'

async function waitFor(url: string, deadlineMs: number, exited: () => boolean, output: () => string) {
  const until = Date.now() + deadlineMs
  for (;;) {
    try {
      return await fetch(url)
    } catch (error) {
      if (exited()) throw new Error(`the server exited:\n${output()}`)
      if (Date.now() > until) throw new Error(`nothing answered at ${url}:\n${output()}`, { cause: error })
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
}

describe('the process with METRICS_PORT', () => {
  it('serves /metrics on the metrics port only, and closes both ports on SIGTERM', async () => {
    const [port, metricsPort] = [await freePort(), await freePort()]
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        HOST: '127.0.0.1',
        PORT: String(port),
        METRICS_PORT: String(metricsPort),
        DATA_DIR: 'memory://',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL')
    })

    const live = await waitFor(
      `http://127.0.0.1:${port}/api/health/live`,
      120_000,
      () => child.exitCode !== null,
      () => output,
    )
    expect(live.status).toBe(200)
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404)
    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`)
    expect(metrics.status).toBe(200)
    expect(await metrics.text()).toMatch(/route="\/api\/health\/live",status_code="200"/)

    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    await expect(fetch(`http://127.0.0.1:${metricsPort}/metrics`)).rejects.toThrow()
  }, 180_000)
})
