import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { Redis } from 'ioredis'
import { onTestFinished } from 'vitest'

/** redis-server is installed (CI installs it; a bare machine may not have it). */
export const HAS_REDIS_SERVER = spawnSync('redis-server', ['--version']).status === 0

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface ThrowawayRedis {
  readonly port: number
  readonly url: string
  readonly process: ChildProcess
  /** Kills it (SIGKILL, as a crash would) and waits for the exit. */
  stop(): Promise<void>
}

/**
 * A Redis of this test's own on a loopback port (the shared one is never touched), answering PING before this
 * resolves; killed when the test ends. Give `port` to bring one back where an earlier one died.
 */
export async function startThrowawayRedis(port?: number): Promise<ThrowawayRedis> {
  const at = port ?? (await freePort())
  const child = spawn(
    'redis-server',
    ['--port', String(at), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    await new Promise((resolve) => {
      child.once('exit', resolve)
      child.kill('SIGKILL')
    })
  }
  onTestFinished(stop)
  const client = new Redis({ port: at, lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: 0 })
  client.on('error', () => {})
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        if ((await client.ping()) === 'PONG') break
      } catch (error) {
        if (attempt > 200) throw new Error(`redis-server on ${at} did not answer`, { cause: error })
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    }
  } finally {
    client.disconnect()
  }
  return { port: at, url: `redis://127.0.0.1:${at}`, process: child, stop }
}
