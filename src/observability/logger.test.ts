import { spawn } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { STDOUT_FLUSH_INTERVAL_MS } from './logger.js'

const LOGGER = path.join(import.meta.dirname, 'logger.ts')

// A process whose stdout is a pipe (buffered JSON lines), writing one line and then staying alive for 3 s.
const CHILD = `
  const { createLogger } = await import(${JSON.stringify(LOGGER)})
  const logger = createLogger({ logLevel: 'info', environment: 'test' })
  process.stderr.write('written\\n')
  logger.info('the only line')
  setTimeout(() => {}, 3000)
`

describe('stdout logging', () => {
  it(`writes a lone line after at most the ${STDOUT_FLUSH_INTERVAL_MS} ms flush interval, not at 4 KB or exit`, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      const delay = await new Promise<number>((resolve, reject) => {
        let written: number | undefined
        let stderr = ''
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString()
          if (written === undefined && stderr.includes('written\n')) written = performance.now()
        })
        child.stdout.on('data', (chunk: Buffer) => {
          if (written !== undefined && chunk.toString().includes('the only line')) resolve(performance.now() - written)
        })
        child.on('exit', (code) => reject(new Error(`exited (${code}) before the line arrived: ${stderr}`)))
      })
      // The flush interval plus scheduling slack on a loaded machine; far below the 3 s the process stays alive.
      expect(delay).toBeLessThan(STDOUT_FLUSH_INTERVAL_MS + 250)
    } finally {
      child.kill()
    }
  }, 30_000)
})
