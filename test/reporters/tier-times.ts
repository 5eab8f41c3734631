import type { Reporter, TestModule } from 'vitest/node'

interface Tier {
  files: number
  tests: number
  failed: number
  /** When its first file started and its last file ended, in ms since the epoch. */
  firstStart: number
  lastEnd: number
  /** Time its files ran, added up (more than the span when files run side by side). */
  fileTime: number
}

/**
 * Prints, after the run, one line a tier (Vitest project): its files and tests, the span from its first file's
 * start to its last file's end, and its files' time added up; then the whole run's wall time. `.ci/run` shows it.
 */
export default class TierTimesReporter implements Reporter {
  readonly #started = new Map<string, number>()
  readonly #tiers = new Map<string, Tier>()
  #runStart = Date.now()

  onTestRunStart(): void {
    this.#runStart = Date.now()
  }

  onTestModuleStart(module: TestModule): void {
    this.#started.set(module.moduleId, Date.now())
  }

  onTestModuleEnd(module: TestModule): void {
    const end = Date.now()
    const start = this.#started.get(module.moduleId) ?? end
    const name = module.project.name || 'default'
    const tier = this.#tiers.get(name) ?? {
      files: 0,
      tests: 0,
      failed: 0,
      firstStart: start,
      lastEnd: end,
      fileTime: 0,
    }
    const tests = [...module.children.allTests()]
    tier.files += 1
    tier.tests += tests.length
    tier.failed += tests.filter((test) => test.result().state === 'failed').length
    tier.firstStart = Math.min(tier.firstStart, start)
    tier.lastEnd = Math.max(tier.lastEnd, end)
    tier.fileTime += module.diagnostic().duration
    this.#tiers.set(name, tier)
  }

  onTestRunEnd(): void {
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
    const lines = [...this.#tiers.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([name, tier]) =>
          `  ${name.padEnd(12)} ${String(tier.files).padStart(3)} files ${String(tier.tests).padStart(4)} tests` +
          `${tier.failed > 0 ? ` (${tier.failed} failed)` : ''}  span ${seconds(tier.lastEnd - tier.firstStart)}` +
          `  file time ${seconds(tier.fileTime)}`,
      )
    process.stdout.write(
      `\nTier times\n${lines.join('\n')}\n  ${'all'.padEnd(12)} wall ${seconds(Date.now() - this.#runStart)}\n`,
    )
  }
}
