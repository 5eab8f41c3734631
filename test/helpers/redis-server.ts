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
  // A free port can be taken by another test's server between choosing it and binding it; then this server exits
  // and the ping is answered by the other one. Only a server whose process id is ours counts; else try another port.
  for (let tries = 1; ; tries++) {
    const started = await startRedisOn(port ?? (await freePort()))
    if (started) return started
    if (port !== undefined || tries >= 5) throw new Error(`could not start redis-server${port ? ` on ${port}` : ''}`)
  }
}

async function startRedisOn(at: number): Promise<ThrowawayRedis | undefined> {
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
      if (child.exitCode !== null) return undefined
      try {
        if ((await client.ping()) === 'PONG') break
      } catch (error) {
        if (attempt > 200) throw new Error(`redis-server on ${at} did not answer`, { cause: error })
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    }
    const info = String(await client.info('server'))
    if (!new RegExp(`^process_id:${child.pid}\\r?$`, 'm').test(info)) {
      await stop()
      return undefined
    }
  } finally {
    client.disconnect()
  }
  return { port: at, url: `redis://127.0.0.1:${at}`, process: child, stop }
}
