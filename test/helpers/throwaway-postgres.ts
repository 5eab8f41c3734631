import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { chown, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { onTestFinished } from 'vitest'
import { freePort } from './redis-server.js'

/** The directory holding postgres and initdb: PATH first, else the newest /usr/lib/postgresql/<n>/bin. */
function findPostgresBin(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v postgres'], { encoding: 'utf8' }).stdout.trim()
  if (onPath && existsSync(join(onPath, '..', 'initdb'))) return join(onPath, '..')
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'postgres')) && existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin')
}

export const POSTGRES_BIN = findPostgresBin()

const IS_ROOT = process.getuid?.() === 0
/** postgres refuses to run as root: as root (CI) it runs as the `postgres` user, as scripts/test-services.sh does. */
const POSTGRES_UID = IS_ROOT ? Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()) : NaN

/** Why a throwaway PostgreSQL cannot start here, or undefined when it can. */
export const THROWAWAY_POSTGRES_MISSING: string | undefined = !POSTGRES_BIN
  ? 'PostgreSQL binaries not found (apt-get install postgresql)'
  : IS_ROOT && !(POSTGRES_UID > 0)
    ? 'running as root without a postgres user to run the server as'
    : IS_ROOT && spawnSync('runuser', ['--help']).status !== 0
      ? 'running as root without runuser to start the server as postgres'
      : undefined

/** Runs a PostgreSQL binary, as the postgres user when this process is root. */
function command(binary: string, args: readonly string[]): [string, string[]] {
  const path = join(POSTGRES_BIN as string, binary)
  return IS_ROOT ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, [...args]]
}

export type StopMode = 'fast' | 'immediate'

export interface ThrowawayPostgres {
  readonly port: number
  /** A connection string to its `postgres` database (trust authentication, user postgres). */
  readonly url: string
  readonly dataDir: string
  /** Whether the server is up (between a successful start and a stop). */
  readonly running: boolean
  /**
   * Stops the server and waits for it to exit: `fast` (SIGINT) ends every session with 57P01 as an operator's
   * shutdown does; `immediate` (SIGQUIT) drops them all at once, as a crash would, and recovers at the next start.
   */
  stop(mode?: StopMode): Promise<void>
  /** Starts it again on the same port and data directory; resolves once it answers a query. */
  start(): Promise<void>
}

/**
 * A PostgreSQL server of this test's own (initdb into a temporary directory, listening on a free loopback port with
 * its socket in that directory), answering queries before this resolves. The shared server at DATABASE_URL is
 * never touched. Stopped and deleted when the test ends. Skip the test when THROWAWAY_POSTGRES_MISSING says why.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  if (THROWAWAY_POSTGRES_MISSING) throw new Error(THROWAWAY_POSTGRES_MISSING)
  const dir = await mkdtemp(join(tmpdir(), 'rr-pg-'))
  let child: ChildProcess | undefined
  const exited = () => !child || child.exitCode !== null || child.signalCode !== null
  onTestFinished(async () => {
    await stop('immediate')
    await rm(dir, { recursive: true, force: true })
  })
  if (IS_ROOT) await chown(dir, POSTGRES_UID, -1)
  const dataDir = join(dir, 'data')
  const init = spawnSync(
    ...command('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']),
    { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } },
  )
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`)

  let port = 0
  let running = false

  /** The postmaster's own process id (the child may be runuser, which does not pass every signal on). */
  function postmasterPid(): number | undefined {
    try {
      const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
      return pid > 0 ? pid : undefined
    } catch {
      return undefined
    }
  }

  async function stop(mode: StopMode = 'fast'): Promise<void> {
    running = false
    if (exited()) return
    const done = new Promise((resolve) => child?.once('exit', resolve))
    const pid = postmasterPid()
    try {
      if (pid) process.kill(pid, mode === 'fast' ? 'SIGINT' : 'SIGQUIT')
      else child?.kill('SIGQUIT')
    } catch {
      // Already gone.
    }
    await done
  }

  /** Starts postgres on `at`; false when it exited before answering (the port was taken meanwhile). */
  async function startOn(at: number): Promise<boolean> {
    const args = ['-D', dataDir, '-p', String(at), '-k', dir, '-c', 'listen_addresses=127.0.0.1']
    const tuning = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
    const spawned = spawn(...command('postgres', [...args, ...tuning]), { stdio: ['ignore', 'ignore', 'pipe'] })
    child = spawned
    let log = ''
    spawned.stderr?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString('utf8')).slice(-4000)
    })
    for (let attempt = 0; ; attempt++) {
      if (exited()) {
        if (/could not (create|bind)|already in use/i.test(log)) return false
        throw new Error(`postgres on ${at} exited: ${log}`)
      }
      const client = new pg.Client({ host: '127.0.0.1', port: at, user: 'postgres', database: 'postgres' })
      client.on('error', () => {})
      try {
        await client.connect()
        await client.query('select 1')
        await client.end()
        break
      } catch (error) {
        await client.end().catch(() => {})
        if (attempt > 300) throw new Error(`postgres on ${at} did not answer: ${log}`, { cause: error })
        await sleep(50)
      }
    }
    port = at
    running = true
    return true
  }

  for (let tries = 1; ; tries++) {
    if (await startOn(await freePort())) break
    if (tries >= 5) throw new Error('could not start postgres on a free port')
  }

  return {
    get port() {
      return port
    },
    get url() {
      return `postgres://postgres@127.0.0.1:${port}/postgres`
    },
    dataDir,
    get running() {
      return running
    },
    stop,
    async start() {
      if (running) return
      if (!(await startOn(port))) throw new Error(`port ${port} was taken while postgres was down`)
    },
  }
}
