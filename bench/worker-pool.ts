/**
 * What the heavy-work pool costs on normal input: ATS reports (a two-page resume against an ~800-word posting) and
 * PDF imports (a one-page resume drawn by RoleReady) run in process, through RoleReady's piscina pool, and through
 * the same worker file on tinypool, in alternating rounds of the same run. Prints ops/s and each pool's ratio to in
 * process. The goal: the pool costs at most 20% on normal input (ratio ≥ 0.80 with one thread; with more threads
 * than one it may go above 1, since in-process work uses one core).
 * Run: npm run bench:workers [-- --seconds 3 --rounds 3 --threads 1]
 */

import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { MessageChannel } from 'node:worker_threads'
import { Tinypool } from 'tinypool'
import { createHeavyTasks, type HeavyTaskSettings } from '../src/adapters/workers/heavy-tasks.js'
import type { WorkerResult } from '../src/adapters/workers/heavy-work.worker.js'
import { compiledWorkerFile } from '../src/adapters/workers/source-worker.js'
import { WorkerPool } from '../src/adapters/workers/worker-pool.js'
import { INPUT_LIMIT_DEFAULTS } from '../src/config/defaults.js'
import type { HeavyInput, HeavyTaskName } from '../src/domain/work/heavy-work.js'

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`)
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback
  return Number.isFinite(value) && value > 0 ? value : fallback
}
const SECONDS = argument('seconds', 3)
const ROUNDS = argument('rounds', 3)
const THREADS = argument('threads', 1)
// Enough tasks in flight to keep every worker busy while the main thread hands out the next.
const IN_FLIGHT = THREADS * 4

const fixtures = path.resolve(import.meta.dirname, '../eval/bench')
const description = readFileSync(path.join(fixtures, 'posting-800-words.txt'), 'utf8')
const resume = JSON.parse(readFileSync(path.join(fixtures, 'resume-two-page.json'), 'utf8')) as Record<string, unknown>

const settings: HeavyTaskSettings = {
  importLimits: {
    maxBytes: 10 * 1024 * 1024,
    timeoutMs: 20_000,
    maxEntries: 1000,
    maxUncompressedBytes: 50 << 20,
    input: INPUT_LIMIT_DEFAULTS,
  },
  pdfFallbackFont: undefined,
}
const inProcess = await createHeavyTasks(settings)
const analysis = inProcess.analyzeJob({ title: 'Staff Software Engineer', description })
const pdf = (
  await inProcess.exportResume({
    content: resume,
    request: { format: 'pdf', templateId: 'classic', paper: 'letter', title: 'Bench resume' },
  })
).body

interface Runner {
  run<K extends HeavyTaskName>(name: K, input: HeavyInput<K>): Promise<unknown>
}

const local: Runner = { run: (name, input) => Promise.resolve((inProcess[name] as (i: unknown) => unknown)(input)) }
const piscina = new WorkerPool(
  {
    threads: THREADS,
    maxQueue: 10_000,
    budgetsMs: { analysis: 30_000, import: 30_000, export: 30_000 },
    maxHeapMb: 512,
    tasks: settings,
  },
  {},
)
const tiny = new Tinypool({
  filename: pathToFileURL(compiledWorkerFile(path.resolve(import.meta.dirname, 'tinypool.worker.ts'))).href,
  minThreads: THREADS,
  maxThreads: THREADS,
  workerData: settings,
})
const tinypool: Runner = {
  async run(name, input) {
    const { port1, port2 } = new MessageChannel()
    try {
      const result = (await tiny.run({ name, input, started: port2 }, { transferList: [port2] })) as WorkerResult
      if (!result.ok) throw new Error(result.error.message)
      return result.value
    } finally {
      port1.close()
    }
  },
}

const cases = {
  'ATS report': () => ['atsReport', { content: resume, analysis, asOf: '2026-11' }] as const,
  'PDF import': () => ['importFile', new Uint8Array(pdf)] as const,
}

async function throughput(runner: Runner, make: () => readonly [HeavyTaskName, unknown]): Promise<number> {
  const until = performance.now() + SECONDS * 1000
  let done = 0
  const lane = async () => {
    while (performance.now() < until) {
      const [name, input] = make()
      await runner.run(name, input as never)
      done += 1
    }
  }
  const start = performance.now()
  await Promise.all(Array.from({ length: runner === local ? 1 : IN_FLIGHT }, lane))
  return done / ((performance.now() - start) / 1000)
}

const runners = { 'in process': local, 'piscina pool': piscina, 'tinypool pool': tinypool } as const
// Warm-up: workers load, JIT warms.
for (const make of Object.values(cases)) for (const runner of Object.values(runners)) await throughput(runner, make)

console.log(
  `heavy-work pool bench: ${THREADS} worker thread(s), ${IN_FLIGHT} in flight, ${ROUNDS} rounds × ${SECONDS} s, ` +
    `${availableParallelism()} cores`,
)
for (const [label, make] of Object.entries(cases)) {
  const totals: Record<string, number[]> = {}
  for (let round = 0; round < ROUNDS; round += 1) {
    // Alternating order each round, so drift on a shared machine falls on every runner alike.
    const order = round % 2 === 0 ? Object.entries(runners) : Object.entries(runners).reverse()
    for (const [name, runner] of order) {
      const opsPerSecond = await throughput(runner, make)
      totals[name] = [...(totals[name] ?? []), opsPerSecond]
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
  const base = median(totals['in process'] ?? [])
  console.log(`\n${label}`)
  for (const name of Object.keys(runners)) {
    const value = median(totals[name] ?? [])
    console.log(
      `  ${name.padEnd(14)} ${value.toFixed(0).padStart(7)} ops/s   ratio to in process ${(value / base).toFixed(3)}`,
    )
  }
}

await piscina.close()
await tiny.destroy()
