/**
 * In-process throughput of the deterministic intelligence engine: analyzeJob on an ~800-word posting and atsReport
 * of a two-page resume (6 jobs, 30 bullets) against it, each timed call by call after a warm-up. Prints medians,
 * p95, CPU time per call and ops/s, with the 5 ms median target of the ATS report as a ratio.
 * Run: npm run bench:intelligence [-- --runs 300 --rounds 5]
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { JobAnalysis } from '../src/domain/intelligence/analysis/analysis.types.js'
import { analyzeJob } from '../src/domain/intelligence/analysis/job-analysis.js'
import { atsReport } from '../src/domain/intelligence/ats/ats-report.js'
import { jsonResumeProblems } from '../src/domain/resumes/json-resume.js'

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`)
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback
  return Number.isFinite(value) && value > 0 ? value : fallback
}
const RUNS = argument('runs', 300)
const ROUNDS = argument('rounds', 5)
const WARM_UP = 300
const TARGET_MS = 5
const AS_OF = '2026-11'

const fixtures = path.resolve(import.meta.dirname, '../eval/bench')
const description = readFileSync(path.join(fixtures, 'posting-800-words.txt'), 'utf8')
const resume = JSON.parse(readFileSync(path.join(fixtures, 'resume-two-page.json'), 'utf8')) as Record<string, unknown>
const problems = jsonResumeProblems(resume, '')
if (problems.length > 0) throw new Error(`bench resume is not valid JSON Resume: ${JSON.stringify(problems)}`)

const work = Array.isArray(resume.work) ? (resume.work as { highlights?: unknown[] }[]) : []
const bullets = work.reduce((n, w) => n + (w.highlights?.length ?? 0), 0)
const words = description.split(/\s+/).filter(Boolean).length
const posting = { title: 'Staff Software Engineer, Platform', company: 'Harborline', description }

// Results feed a checksum so no call can be optimised away.
let checksum = 0
const runAnalysis = () => {
  const analysis = analyzeJob(posting)
  checksum += analysis.keywords.length
  return analysis
}
const runReport = (analysis: JobAnalysis) => {
  checksum += atsReport(resume, analysis, { asOf: AS_OF }).overall
}

// The first call builds the taxonomy index (thousands of skills): a one-off per process, reported on its own.
const coldStart = performance.now()
const analysis = runAnalysis()
runReport(analysis)
const coldMs = performance.now() - coldStart

for (let i = 0; i < WARM_UP; i += 1) runReport(runAnalysis())

interface Series {
  readonly wall: number[]
  cpuMicros: number
  count: number
}
const series = (): Series => ({ wall: [], cpuMicros: 0, count: 0 })
const results = { analysis: series(), report: series(), both: series() }

function measure(target: Series, call: () => void) {
  const cpu = process.cpuUsage()
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now()
    call()
    target.wall.push(performance.now() - start)
  }
  const used = process.cpuUsage(cpu)
  target.cpuMicros += used.user + used.system
  target.count += RUNS
}

// Rounds alternate the three measurements so a burst of load from elsewhere on the machine hits all of them.
for (let round = 0; round < ROUNDS; round += 1) {
  measure(results.analysis, () => void runAnalysis())
  measure(results.report, () => runReport(analysis))
  measure(results.both, () => runReport(runAnalysis()))
}

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number
}
const ms = (value: number) => `${value.toFixed(3)} ms`

const rows = [
  ['Job analysis', `analyzeJob, ${words}-word posting`, results.analysis],
  ['ATS report', `atsReport, ${work.length} jobs / ${bullets} bullets`, results.report],
  ['Analysis + report', 'both, as an uncached request', results.both],
] as const

console.log(`RoleReady intelligence engine, in process (node ${process.version}, ${ROUNDS} rounds x ${RUNS} runs)`)
console.log(`Cold first call (builds the taxonomy index): ${ms(coldMs)}\n`)
const header = ['measure', 'what', 'median', 'p95', 'p99', 'CPU/call', 'ops/s (median)', 'ops/s (CPU)']
const table = rows.map(([name, what, s]) => {
  const median = quantile(s.wall, 0.5)
  const cpuMs = s.cpuMicros / 1000 / s.count
  return [
    name,
    what,
    ms(median),
    ms(quantile(s.wall, 0.95)),
    ms(quantile(s.wall, 0.99)),
    ms(cpuMs),
    Math.round(1000 / median).toLocaleString('en-US'),
    Math.round(1000 / cpuMs).toLocaleString('en-US'),
  ]
})
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)))
const line = (cells: readonly string[]) =>
  cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
console.log([line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...table.map(line)].join('\n'))
console.log('')
for (const [name, , s] of rows) {
  const median = quantile(s.wall, 0.5)
  console.log(
    `${name} median ${median.toFixed(2)} ms (target ${TARGET_MS} ms, ratio ${(median / TARGET_MS).toFixed(2)}), p95 ${quantile(s.wall, 0.95).toFixed(2)} ms`,
  )
}
console.log(`\n(checksum ${checksum})`)
