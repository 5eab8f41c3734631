/**
 * GET /api/resumes/:id with the cache on against the same route with the cache off (CACHE_ENABLED=false), measured in
 * the same run on loopback and printed side by side with their ratio. Each server runs in its own process with its
 * own storage (PGlite in memory, or a fresh database each on DATABASE_URL; REDIS_URL adds the shared tier to the
 * cached one); the load comes from autocannon in this process. Rounds alternate the two servers so slow phases of a
 * shared machine hit both; the median round is reported.
 *   npm run bench:cache -- [seconds per round] [rounds]
 *   DATABASE_URL=postgres://… REDIS_URL=redis://… npm run bench:cache
 */
import { type ChildProcess, spawn } from 'node:child_process'
import autocannon from 'autocannon'
import { createPostgresDatabase } from '../test/helpers/postgres.js'

const seconds = Number(process.argv[2] ?? 3)
const rounds = Number(process.argv[3] ?? 5)
const connections = 10

interface Server {
  readonly mode: 'on' | 'off'
  readonly child: ChildProcess
  readonly url: string
  readonly token: string
}

async function startServer(mode: 'on' | 'off', databaseUrl: string | undefined): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/cache-read-server.ts', mode], {
    stdio: ['ignore', 'inherit', 'pipe'],
    env: { ...process.env, ...(databaseUrl && { DATABASE_URL: databaseUrl }) },
  })
  return await new Promise<Server>((resolve, reject) => {
    let buffered = ''
    child.stderr?.on('data', (chunk) => {
      buffered += chunk
      const match = /READY (\d+) (\S+) (\S+)/.exec(buffered)
      if (match)
        resolve({ mode, child, url: `http://127.0.0.1:${match[1]}/api/resumes/${match[3]}`, token: match[2] as string })
    })
    child.once('exit', (code) => reject(new Error(`cache ${mode} server exited with ${code}:\n${buffered}`)))
  })
}

async function measure(server: Server, duration: number) {
  const result = await autocannon({
    url: server.url,
    headers: { authorization: `Bearer ${server.token}` },
    connections,
    duration,
  })
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`cache ${server.mode}: ${result.non2xx} non-2xx answers and ${result.errors} errors`)
  }
  return { rps: result.requests.average, p99: result.latency.p99 }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

const databases = process.env.DATABASE_URL
  ? await Promise.all([createPostgresDatabase(), createPostgresDatabase()])
  : undefined
const servers = await Promise.all([startServer('on', databases?.[0]?.url), startServer('off', databases?.[1]?.url)])
try {
  for (const server of servers) await measure(server, 2) // warm-up: JIT, connections, the first load
  const results = { on: [] as { rps: number; p99: number }[], off: [] as { rps: number; p99: number }[] }
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? servers : [...servers].reverse()
    for (const server of order) results[server.mode].push(await measure(server, seconds))
  }
  const storage = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'
  const tier = process.env.REDIS_URL ? 'memory + Redis' : 'memory'
  console.log(
    `GET /api/resumes/:id, two-page resume, ${connections} connections, ${rounds} rounds of ${seconds} s, ${storage}`,
  )
  const on = { rps: median(results.on.map((r) => r.rps)), p99: median(results.on.map((r) => r.p99)) }
  const off = { rps: median(results.off.map((r) => r.rps)), p99: median(results.off.map((r) => r.p99)) }
  console.log(`cache on  (${tier.padEnd(14)}) ${on.rps.toFixed(0).padStart(6)} req/s   p99 ${on.p99.toFixed(1)} ms`)
  console.log(`cache off (database only  ) ${off.rps.toFixed(0).padStart(6)} req/s   p99 ${off.p99.toFixed(1)} ms`)
  console.log(`ratio on/off: throughput ${(on.rps / off.rps).toFixed(2)}x, p99 ${(off.p99 / on.p99).toFixed(2)}x lower`)
} finally {
  for (const server of servers) server.child.kill('SIGTERM')
  await Promise.all(
    servers.map(
      (s) => new Promise((resolve) => (s.child.exitCode !== null ? resolve(null) : s.child.once('exit', resolve))),
    ),
  )
  if (databases) for (const database of databases) await database.drop()
}
