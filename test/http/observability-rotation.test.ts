import { createReadStream } from 'node:fs'
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { describe, expect, it, onTestFinished } from 'vitest'
import { closeLogger, createLogger, LOG_FILES } from '../../src/observability/logger.js'

const MB = 1024 * 1024

async function countInvalidLines(file: string): Promise<{ lines: number; invalid: number }> {
  let lines = 0
  let invalid = 0
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line === '') continue
    lines += 1
    try {
      JSON.parse(line)
    } catch {
      invalid += 1
    }
  }
  return { lines, invalid }
}

describe('rotating log files', () => {
  it('keeps at most 10 combined and 5 error files of about 10 MB, every line valid JSON, after 120+ MB', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'roleready-logs-'))
    onTestFinished(() => rm(dir, { recursive: true, force: true }))
    const discard = new Writable({ write: (_chunk, _encoding, done) => done() })
    const logger = createLogger({ logLevel: 'info', environment: 'test' }, { destination: discard, logDir: dir })

    // ~2 KB lines; one in four at error level so error.log rotates too.
    const padding = 'x'.repeat(2000)
    const lines = 64_000
    // Written as a very busy service would (in bursts of 128 KB), not as one tight loop: pino-roll
    // rotates at the first drain after 10 MB, so an unpaced flood of GB/s overshoots by what is buffered (~2 MB).
    for (let i = 0; i < lines; i++) {
      if (i % 4 === 0) logger.error({ i, padding }, 'error line')
      else logger.info({ i, padding }, 'info line')
      if (i % 64 === 63) await new Promise((resolve) => setTimeout(resolve, 2))
    }
    await closeLogger(logger)

    const files = await readdir(dir)
    const combined = files.filter((f) => /^combined\.\d+\.log$/.test(f))
    const errors = files.filter((f) => /^error\.\d+\.log$/.test(f))
    expect(files.filter((f) => !combined.includes(f) && !errors.includes(f))).toEqual([])
    expect(combined.length).toBeGreaterThan(1)
    expect(combined.length).toBeLessThanOrEqual(LOG_FILES.combined.keep)
    expect(errors.length).toBeGreaterThan(1)
    expect(errors.length).toBeLessThanOrEqual(LOG_FILES.error.keep)

    let written = 0
    let largest = 0
    for (const file of [...combined, ...errors]) {
      const { size } = await stat(path.join(dir, file))
      // A file rotates once it reaches 10 MB; it may pass it by what was buffered meanwhile: the rotation runs in
      // pino-roll's worker thread, which a busy 2-core machine (the suite runs files in parallel) schedules late.
      expect(size, file).toBeLessThanOrEqual(12 * MB)
      largest = Math.max(largest, size)
      const { lines: count, invalid } = await countInvalidLines(path.join(dir, file))
      expect(invalid, file).toBe(0)
      written += count
    }
    // The logger wrote more than 120 MB in all (2 KB × 64,000 to combined plus the error copies).
    expect(lines * 2000 + (lines / 4) * 2000).toBeGreaterThan(120 * MB)
    expect(written).toBeGreaterThan(0)
    console.log(
      `rotation: ${combined.length} combined + ${errors.length} error files, largest ${(largest / MB).toFixed(2)} MiB`,
    )
  }, 120_000)
})
