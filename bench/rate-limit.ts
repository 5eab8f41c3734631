/**
 * Cost of rate limiting: the same routes served with limits off, on the in-memory limiter and on Redis (when
 * REDIS_URL is set). Limits are set high so every request is counted and allowed (the cost of counting, not of
 * refusing). Two measures, rounds alternating between setups, medians printed with the ratio against limits off:
 *  - throughput under autocannon load (16 connections, from a worker thread): wall-clock, so it moves with whatever
 *    else the machine runs;
 *  - CPU time per request (process.cpuUsage over sequential batches of in-process requests): what the server itself
 *    spends, far less sensitive to other load; a CPU-bound server's throughput is its inverse.
 *   npx tsx bench/rate-limit.ts [seconds per run = 5] [rounds = 3]
 *   REDIS_URL=redis://127.0.0.1:6379 npx tsx bench/rate-limit.ts
 */
import { randomUUID } from 'node:crypto'
import autocannon from 'autocannon'
import type { FastifyInstance } from 'fastify'
import { type App, buildApp } from '../src/app.js'
import { loadConfig } from '../src/config/config.js'
import { buildServer } from '../src/http/server.js'

const seconds = Number(process.argv[2] ?? 5)
const rounds = Number(process.argv[3] ?? 3)
const redisUrl = process.env.REDIS_URL

interface Setup {
  name: string
  /** The setup without limits that this one is compared with (same session store and database). */
  baseline: string
  env: Record<string, string>
}

const HIGH = '1000000000'
const ON = { RATE_LIMIT_GLOBAL: HIGH, RATE_LIMIT_PER_USER: HIGH }
// With REDIS_URL, sessions also move to Redis: the Redis limiter is compared with limits off on the same Redis setup.
const setups: Setup[] = [
  { name: 'off', baseline: 'off', env: { RATE_LIMIT_ENABLED: 'false', REDIS_URL: '' } },
  { name: 'memory', baseline: 'off', env: { ...ON, REDIS_URL: '' } },
  ...(redisUrl
    ? [
        { name: 'off+redis', baseline: 'off+redis', env: { RATE_LIMIT_ENABLED: 'false', REDIS_URL: redisUrl } },
        { name: 'redis', baseline: 'off+redis', env: { ...ON, REDIS_URL: redisUrl } },
      ]
    : []),
]

// A route that does nothing, so the limiter's share of the work is as large as it can be, and a signed-in one.
async function benchRoutes(server: FastifyInstance): Promise<void> {
  server.get('/bench/ping', async () => ({ ok: true }))
}

interface Running {
  setup: Setup
  app: App
  server: FastifyInstance
  url: string
  token: string
}

async function start(setup: Setup): Promise<Running> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    PASSWORD_HASH_COST: '10',
    REDIS_KEY_PREFIX: `bench:${randomUUID()}:`,
    ...setup.env,
  })
  const app = await buildApp(config)
  const server = await buildServer(app, { routes: [benchRoutes] })
  const address = await server.listen({ port: 0, host: '127.0.0.1' })
  const registered = await server.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email: `bench.${randomUUID()}@example.com`, password: 'correct horse battery' },
  })
  return { setup, app, server, url: address, token: (registered.json() as { token: string }).token }
}

async function load(url: string, headers: Record<string, string> = {}): Promise<number> {
  const result = await autocannon({ url, connections: 16, duration: seconds, workers: 1, headers })
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return result.requests.average
}

/** CPU microseconds the process spends per request, over `count` requests sent 16 at a time. */
async function cpuPerRequest(r: Running, path: string, auth: boolean, count = 2_000): Promise<number> {
  const headers = auth ? { authorization: `Bearer ${r.token}` } : {}
  const before = process.cpuUsage()
  for (let sent = 0; sent < count; sent += 16) {
    const batch = await Promise.all(
      Array.from({ length: 16 }, () => r.server.inject({ method: 'GET', url: path, headers })),
    )
    if (batch.some((response) => response.statusCode !== 200)) throw new Error(`${path}: non-200 in ${r.setup.name}`)
  }
  const used = process.cpuUsage(before)
  return (used.user + used.system) / count
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

const running: Running[] = []
for (const setup of setups) running.push(await start(setup))
const routes = [
  { name: 'GET /bench/ping (anonymous)', path: '/bench/ping', auth: false },
  { name: 'GET /api/me (signed in)', path: '/api/me', auth: true },
]
const samples = new Map<string, number[]>()
const cpu = new Map<string, number[]>()
const add = (map: Map<string, number[]>, key: string, value: number) => map.set(key, [...(map.get(key) ?? []), value])
for (const r of running) for (const route of routes) await cpuPerRequest(r, route.path, route.auth, 500) // warm-up
for (let round = 0; round < rounds; round++) {
  for (const route of routes) {
    for (const r of running) {
      const key = `${route.name}|${r.setup.name}`
      add(cpu, key, await cpuPerRequest(r, route.path, route.auth))
      add(samples, key, await load(`${r.url}${route.path}`, route.auth ? { authorization: `Bearer ${r.token}` } : {}))
    }
  }
}

const lines = [
  `rate-limit overhead: ${rounds} rounds × ${seconds} s, 16 connections, median requests/s`,
  `${'route'.padEnd(30)} ${'setup'.padEnd(9)} ${'req/s'.padStart(9)} ${'µs/req'.padStart(8)} ${'overhead'.padStart(10)} ${'ratio'.padStart(6)} ${'loss'.padStart(7)}`,
]
for (const route of routes) {
  for (const r of running) {
    const off = median(samples.get(`${route.name}|${r.setup.baseline}`) ?? [])
    const rps = median(samples.get(`${route.name}|${r.setup.name}`) ?? [])
    const overheadUs = 1e6 / rps - 1e6 / off
    lines.push(
      `${route.name.padEnd(30)} ${r.setup.name.padEnd(9)} ${rps.toFixed(0).padStart(9)} ${(1e6 / rps).toFixed(1).padStart(8)} ` +
        `${r.setup.name === r.setup.baseline ? '—'.padStart(10) : `${overheadUs.toFixed(1)} µs`.padStart(10)} ` +
        `${(rps / off).toFixed(3).padStart(6)} ${`${((1 - rps / off) * 100).toFixed(1)}%`.padStart(7)}`,
    )
  }
}
lines.push(
  '',
  `CPU time per request (in-process, ${rounds} rounds × 2,000 requests, median)`,
  `${'route'.padEnd(30)} ${'setup'.padEnd(9)} ${'CPU µs'.padStart(8)} ${'overhead'.padStart(10)} ${'ratio'.padStart(6)} ${'loss'.padStart(7)}`,
)
for (const route of routes) {
  for (const r of running) {
    const base = median(cpu.get(`${route.name}|${r.setup.baseline}`) ?? [])
    const own = median(cpu.get(`${route.name}|${r.setup.name}`) ?? [])
    // Throughput of a CPU-bound server is 1 / CPU per request: ratio = base / own.
    lines.push(
      `${route.name.padEnd(30)} ${r.setup.name.padEnd(9)} ${own.toFixed(1).padStart(8)} ` +
        `${r.setup.name === r.setup.baseline ? '—'.padStart(10) : `${(own - base).toFixed(1)} µs`.padStart(10)} ` +
        `${(base / own).toFixed(3).padStart(6)} ${`${((1 - base / own) * 100).toFixed(1)}%`.padStart(7)}`,
    )
  }
}
lines.push(
  '',
  'µs/req = 1 / throughput; overhead = its growth over the baseline; ratio = throughput with limits / without',
  '(memory vs off, redis vs off+redis; 1.000 = no cost); target on memory: loss ≤ 10%',
)
process.stdout.write(`${lines.join('\n')}\n`)

for (const r of running) {
  await r.server.close()
  await r.app.close()
}
