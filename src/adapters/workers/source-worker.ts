/**
 * Worker threads on Node 20 cannot load TypeScript through tsx's loader, so when RoleReady runs from its sources
 * (tests, tsx scripts) the worker gets its module graph bundled to one JavaScript file (packages stay external),
 * stored under a name made from its content: runs with the same sources share the file, a change makes a new one.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/roleready-workers/', import.meta.url))

const built = new Map<string, string>()

/** The bundled JavaScript of the worker whose entry is `entry` (a .ts file under src/); built once per process. */
export function compiledWorkerFile(entry: string): string {
  const known = built.get(entry)
  if (known !== undefined) return known
  const file = bundle(entry)
  built.set(entry, file)
  return file
}

function bundle(entry: string): string {
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild')
  const result = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'error',
  })
  const code = result.outputFiles[0]?.contents ?? new Uint8Array()
  const digest = createHash('sha256').update(code).digest('hex').slice(0, 16)
  const file = path.join(CACHE_DIR, `${path.basename(entry, '.ts')}.${digest}.mjs`)
  if (!existsSync(file)) {
    mkdirSync(CACHE_DIR, { recursive: true })
    // Written whole, then renamed: a concurrent run never loads half a file.
    const staging = `${file}.${process.pid}.tmp`
    writeFileSync(staging, code)
    renameSync(staging, file)
  }
  return file
}
