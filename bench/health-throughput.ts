/**
 * Throughput of GET /api/health with RoleReady's observability layer on (request ids, context, logging to stdout and
 * rotating files, metrics), and with RoleReady's whole stack (that layer plus security headers, CORS, cookies, rate
 * limits), against a bare Fastify route, measured in the same run on loopback and printed as ratios (target ≥ 0.5). Each server runs in its own process; the load comes from autocannon in this one.
 *   npm run bench:health -- [seconds per round] [rounds]
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'

const seconds = Number(process.argv[2] ?? 3)
const rounds = Number(process.argv[3] ?? 5)
const connections = 10

async function startServer(
  mode: 'bare' | 'layer' | 'full',
  logDir: string,
): Promise<{ port: number; child: ChildProcess }> {
  // The full server's stdout (its JSON log lines) goes to a file, as a process manager would collect it.
  mkdirSync(logDir, { recursive: true })
  const stdout = openSync(path.join(logDir, 'stdout.log'), 'a')
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/health-server.ts', mode, logDir], {
    stdio: ['ignore', stdout, 'pipe'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = ''
    child.stderr?.on('data', (chunk) => {
      buffered += chunk
      const match = /PORT (\d+)/.exec(buffered)
      if (match) resolve(Number(match[1]))
    })
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)))
  })
  return { port, child }
}

async function measure(port: number): Promise<number> {
  const result = await autocannon({ url: `http://127.0.0.1:${port}/api/health`, connections, duration: seconds })
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${result.non2xx} non-2xx answers and ${result.errors} errors`)
  }
  return result.requests.average
}

const logDir = mkdtempSync(path.join(tmpdir(), 'roleready-bench-'))
const modes = ['bare', 'layer', 'full'] as const
const servers = await Promise.all(modes.map((mode) => startServer(mode, path.join(logDir, mode))))
try {
  // Warm-up (JIT, the first database probe) before measuring.
  for (const { port } of servers) {
    await autocannon({ url: `http://127.0.0.1:${port}/api/health`, connections, duration: 3 })
  }
  // Each round measures the three servers one after another, and each ratio compares with the bare route of the
  // same round, so slow phases of a shared machine hit both sides; the median round is reported.
  const rates: Record<(typeof modes)[number], number[]> = { bare: [], layer: [], full: [] }
  for (let round = 0; round < rounds; round++) {
    for (const [i, mode] of modes.entries()) rates[mode].push(await measure(servers[i]?.port ?? 0))
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
  const ratios = (mode: 'layer' | 'full') => rates[mode].map((rate, i) => rate / (rates.bare[i] ?? 1))
  const show = (values: number[]) => values.map((v) => v.toFixed(v < 10 ? 2 : 0)).join(', ')
  console.log(`GET /api/health, ${connections} connections, ${rounds} rounds of ${seconds} s per server, loopback`)
  console.log(`  bare Fastify route                       req/s: ${show(rates.bare)}`)
  console.log(`  Fastify + observability layer            req/s: ${show(rates.layer)}  ratios ${show(ratios('layer'))}`)
  console.log(`  RoleReady whole stack (security, limits) req/s: ${show(rates.full)}  ratios ${show(ratios('full'))}`)
  console.log(`  log files: ${readdirSync(path.join(logDir, 'full')).join(', ')}`)
  const layerRatio = median(ratios('layer'))
  const fullRatio = median(ratios('full'))
  console.log(
    `ratio observability layer / bare: ${layerRatio.toFixed(2)} (target ≥ 0.50) ${layerRatio >= 0.5 ? 'PASS' : 'BELOW TARGET'}`,
  )
  console.log(
    `ratio whole stack / bare: ${fullRatio.toFixed(2)} (target ≥ 0.50) ${fullRatio >= 0.5 ? 'PASS' : 'BELOW TARGET'}`,
  )
} finally {
  for (const { child } of servers) child.kill('SIGTERM')
  setTimeout(() => rmSync(logDir, { recursive: true, force: true }), 1000)
}
