/**
 * The built service's start time and idle memory: `node dist/main.js` is started on a data directory (or database)
 * that an earlier start already migrated, timed until GET /api/health/ready answers 200, left idle for a few seconds,
 * and its resident set size read from /proc. Each start is repeated and the median printed, with the targets.
 *   npm run build && npm run bench:footprint -- [starts]
 *   DATABASE_URL=postgres://… REDIS_URL=redis://… npm run bench:footprint
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { createPostgresDatabase } from '../test/helpers/postgres.js'
import { freePort } from '../test/helpers/redis-server.js'

const starts = Number(process.argv[2] ?? 3)
const IDLE_MS = 5000
const onPostgres = Boolean(process.env.DATABASE_URL)
const targets = onPostgres ? { rssMb: 150, readyMs: 2000 } : { rssMb: 250, readyMs: 2000 }

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN)
  return kb / 1024
}

async function startOnce(env: Record<string, string>): Promise<{ child: ChildProcess; readyMs: number }> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, ['dist/main.js'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
  })
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`)
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health/ready`)
      await response.arrayBuffer()
      if (response.status === 200) return { child, readyMs: performance.now() - started }
    } catch {
      // not listening yet
    }
    await delay(20)
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

const scratch = await mkdtemp(path.join(tmpdir(), 'roleready-footprint-'))
const database = onPostgres ? await createPostgresDatabase() : undefined
const env: Record<string, string> = database
  ? {
      DATABASE_URL: database.url,
      AUTO_MIGRATE: 'true',
      ...(process.env.REDIS_URL && { REDIS_URL: process.env.REDIS_URL }),
    }
  : { DATA_DIR: path.join(scratch, 'data') }
env.LOG_DIR = path.join(scratch, 'logs')
try {
  // The first start migrates; the figures are for starts on an already-migrated database, as on a restart.
  const first = await startOnce(env)
  await delay(IDLE_MS)
  const firstRss = await rssMb(first.child.pid as number)
  await stop(first.child)
  const readies: number[] = []
  const rsses: number[] = []
  for (let i = 0; i < starts; i++) {
    const { child, readyMs } = await startOnce(env)
    await delay(IDLE_MS)
    rsses.push(await rssMb(child.pid as number))
    readies.push(readyMs)
    await stop(child)
  }
  const ready = median(readies)
  const rss = median(rsses)
  const backend = onPostgres ? `PostgreSQL${process.env.REDIS_URL ? ' + Redis' : ''}` : 'embedded (PGlite)'
  process.stdout.write(
    `footprint on ${backend}, ${starts} starts on a migrated database (median), load ${(await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')}\n` +
      `  first start (migrating): idle RSS ${firstRss.toFixed(0)} MB\n` +
      `  ready in     ${ready.toFixed(0).padStart(6)} ms   target < ${targets.readyMs} ms   ${ready < targets.readyMs ? 'met' : 'NOT met'}\n` +
      `  idle RSS     ${rss.toFixed(0).padStart(6)} MB   target ≤ ${targets.rssMb} MB   ${rss <= targets.rssMb ? 'met' : 'NOT met'}\n`,
  )
} finally {
  await database?.drop()
  await rm(scratch, { recursive: true, force: true })
}
