import { spawn, spawnSync } from 'node:child_process'
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'

const REPO = path.resolve(import.meta.dirname, '../..')
export const SCRIPTS = path.join(REPO, 'deploy/scripts')

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}

/** A block of `count` consecutive free loopback ports. */
export async function freePortBlock(count: number): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 30_000)
    const checks = await Promise.all(Array.from({ length: count }, (_, i) => portFree(base + i)))
    if (checks.every(Boolean)) return base
  }
}

/**
 * Builds the service once (tsc into a temporary directory) and makes releases of it: each a directory with dist/,
 * its own package.json version (GET /api/health reports it), node_modules linked, taxonomy/taxonomy.json, and
 * optional release settings.
 */
export async function buildReleases(
  root: string,
  releases: Record<string, Record<string, string>>,
): Promise<Record<string, string>> {
  // DEPLOY_E2E_BUILD names an existing build (a directory with dist/) to skip compiling.
  const build = process.env.DEPLOY_E2E_BUILD ?? path.join(root, 'build')
  const tsc = process.env.DEPLOY_E2E_BUILD
    ? undefined
    : spawnSync(
        process.execPath,
        [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', `${build}/dist`],
        { cwd: REPO, encoding: 'utf8' },
      )
  if (spawnSync('test', ['-f', `${build}/dist/main.js`]).status !== 0) {
    throw new Error(`build failed:\n${tsc?.stdout}${tsc?.stderr}`)
  }
  const manifest = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { version: string }
  const dirs: Record<string, string> = {}
  for (const [name, env] of Object.entries(releases)) {
    const dir = path.join(root, 'releases', name)
    await mkdir(dir, { recursive: true })
    await cp(`${build}/dist`, `${dir}/dist`, { recursive: true })
    await writeFile(`${dir}/package.json`, JSON.stringify({ ...manifest, version: `0.0.0-${name}` }))
    await symlink(path.join(REPO, 'node_modules'), `${dir}/node_modules`)
    // The service loads its skills taxonomy from the release at start (the Dockerfile copies it the same way).
    await mkdir(`${dir}/taxonomy`)
    await cp(path.join(REPO, 'taxonomy/taxonomy.json'), `${dir}/taxonomy/taxonomy.json`)
    const lines = Object.entries(env).map(([key, value]) => `${key}=${value}`)
    if (lines.length) await writeFile(`${dir}/release.env`, `${lines.join('\n')}\n`)
    dirs[name] = dir
  }
  return dirs
}

export interface ScriptResult {
  code: number | null
  output: string
  ms: number
}

/** Runs a deploy script to completion with the host's settings, echoing its log when DEPLOY_E2E_VERBOSE is set. */
export function runScript(script: string, args: string[], env: Record<string, string>): Promise<ScriptResult> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(SCRIPTS, script), args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk
      if (process.env.DEPLOY_E2E_VERBOSE) process.stderr.write(chunk)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output, ms: Date.now() - started }))
  })
}

export interface LoadResult {
  total: number
  ok: number
  non2xx: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
}

/**
 * Continuous load on loopback, bounded in time and count: `connections` keep-alive connections at `rate`
 * requests a second over `paths`, until stop() (or 10 minutes, or 200,000 requests).
 */
export function startLoad(url: string, paths: string[], rate = 100, connections = 8) {
  let finish: (result: autocannon.Result) => void = () => {}
  let fail: (error: unknown) => void = () => {}
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve
    fail = reject
  })
  const instance = autocannon(
    {
      url,
      connections,
      overallRate: rate,
      duration: 600,
      amount: 200_000,
      timeout: 10,
      requests: paths.map((p) => ({ method: 'GET' as const, path: p })),
    },
    (error, result) => (error ? fail(error) : finish(result)),
  )
  return {
    async stop(): Promise<LoadResult> {
      instance.stop()
      const result = await done
      const statusCodes: Record<string, number> = {}
      for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stats?.count ?? 0
      return {
        total: result.requests.total,
        ok: result['2xx'],
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        statusCodes,
      }
    },
  }
}

/** The fields of deploy/nginx/nginx.conf.template's JSON access log line the tests read. */
export interface AccessLogLine {
  method: string
  uri: string
  status: number
  upstream_addr: string
}

/** Lines of nginx's JSON access log written after a byte offset. */
export async function accessLogSince(root: string, offset: number): Promise<AccessLogLine[]> {
  const text = (await readFile(path.join(root, 'nginx/logs/access.log'))).subarray(offset).toString('utf8')
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as AccessLogLine)
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

export const TMP = tmpdir()
