/**
 * End to end on this machine: real nginx in front of real service processes sharing Postgres and Redis, driven by
 * deploy/scripts under continuous load. Heavy (a build and a dozen process starts), so it runs when DEPLOY_E2E=1
 * (.ci/run sets it) and needs DATABASE_URL; REDIS_URL is used when set.
 */
import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { appendFile, chmod, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  accessLogSince,
  buildReleases,
  freePortBlock,
  type LoadResult,
  removeDir,
  runScript,
  startLoad,
  TMP,
} from '../helpers/deploy-host.js'
import { formatLedger, startWriter } from '../helpers/deploy-writer.js'
import { createPostgresDatabase, POSTGRES_URL, REDIS_URL } from '../helpers/postgres.js'

const hasNginx = spawnSync('nginx', ['-v']).status === 0
const enabled = Boolean(process.env.DEPLOY_E2E) && Boolean(POSTGRES_URL) && hasNginx
if (!enabled) {
  console.warn(
    `deploy e2e skipped: needs DEPLOY_E2E=1 (${process.env.DEPLOY_E2E ? 'set' : 'unset'}), DATABASE_URL ` +
      `(${POSTGRES_URL ? 'set' : 'unset: several processes cannot share the embedded database'}) and nginx ` +
      `(${hasNginx ? 'found' : 'missing'})`,
  )
}

const FAULT_RATE = 0.2
const LOAD_RATE = 100
const STEP_SECONDS = 8
/** A migration only the release v6 has, with a down step: rollback.sh --migrations must undo it. */
const PROBE_MIGRATION = '29991231T0000_deploy_e2e_probe'
/** The GET load's path: the 5xx budgets count users' reads; the writer's 5xx are retried and its ledger checked. */
const LOAD_PATH = '/api/templates'

/**
 * Adds PROBE_MIGRATION (a table with a row; down drops it) to a built release's migration list, so that release
 * migrates the database one step further than the others, as a release with a new migration would.
 */
async function addProbeMigration(release: string): Promise<void> {
  const dir = path.join(release, 'dist/adapters/postgres/migrations')
  await writeFile(
    path.join(dir, `${PROBE_MIGRATION}.js`),
    [
      "import { sql } from 'kysely'",
      'export async function up(db) {',
      '  await sql`create table deploy_e2e_probe (id integer primary key, note text not null)`.execute(db)',
      "  await sql`insert into deploy_e2e_probe values (1, 'added by v6')`.execute(db)",
      '}',
      'export async function down(db) {',
      '  await sql`drop table deploy_e2e_probe`.execute(db)',
      '}',
      '',
    ].join('\n'),
  )
  await appendFile(
    path.join(dir, 'index.js'),
    `\nimport * as probe from './${PROBE_MIGRATION}.js'\nmigrations['${PROBE_MIGRATION}'] = probe\n`,
  )
}

describe.skipIf(!enabled)('single-host deployment under load (nginx + processes + Postgres + Redis)', () => {
  let root: string
  let releases: Record<string, string>
  let env: Record<string, string>
  let url: string
  let dropDatabase: (() => Promise<void>) | undefined
  let databaseUrl: string
  // A chat webhook on loopback: the scripts post their start, success and rollback messages here.
  const notifications: string[] = []
  let webhook: Server | undefined
  const ports: Record<string, number> = {}

  const portsOf = (colour: 'blue' | 'green') => [ports[colour] as number, (ports[colour] as number) + 1]
  const colourOf = (upstream: string) => {
    const port = Number(upstream.split(/[,:]\s*/).at(-1))
    return portsOf('blue').includes(port) ? 'blue' : portsOf('green').includes(port) ? 'green' : 'none'
  }
  const version = async () =>
    ((await (await fetch(`${url}/api/health`)).json()) as { version: string }).version.replace('0.0.0-', '')
  const live = async () => (await readFile(path.join(root, 'state/live'), 'utf8')).trim()
  const logSize = async () => (await stat(path.join(root, 'nginx/logs/access.log'))).size
  const query = async (text: string) => {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    try {
      return (await client.query(text)).rows as Record<string, unknown>[]
    } finally {
      await client.end()
    }
  }
  /**
   * A user writing through nginx (autosaves, commits, jobs) while `during` runs; afterwards every acknowledged write
   * must be there once, the version numbers without gap or repeat, and no write refused.
   */
  const whileWriting = async <T>(scenario: string, during: () => Promise<T>): Promise<T> => {
    const writer = await startWriter(url, scenario)
    const result = await during()
    await writer.stop()
    const ledger = await writer.verify()
    console.info(formatLedger(scenario, ledger))
    expect(ledger.refused).toEqual([])
    // The writer threw away some answers on purpose and sent those creates again: the service replayed them.
    expect(ledger.replayed).toBeGreaterThan(0)
    expect(ledger.versions.acknowledged).toBeGreaterThan(0)
    expect(ledger.jobs.acknowledged).toBeGreaterThan(0)
    expect(ledger.total.missing).toBe(0)
    expect(ledger.total.duplicated).toBe(0)
    expect(ledger.versionNumbers.gaps).toEqual([])
    expect(ledger.versionNumbers.repeats).toEqual([])
    return result
  }
  const report = (name: string, load: LoadResult, extra = '') =>
    console.info(
      `[deploy e2e] ${name}: ${load.total} requests, ${load.ok} 2xx, ${load.non2xx} non-2xx ` +
        `${JSON.stringify(load.statusCodes)}, ${load.errors} socket errors, ${load.timeouts} timeouts${extra}`,
    )

  beforeAll(async () => {
    root = await mkdtemp(path.join(TMP, 'roleready-deploy-'))
    // nginx's workers run as nobody when the test runs as root, and buffer large request bodies under root.
    await chmod(root, 0o755)
    webhook = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk) => (body += chunk))
      req.on('end', () => {
        notifications.push((JSON.parse(body) as { text: string }).text)
        res.end('ok')
      })
    })
    await new Promise<void>((resolve) => webhook?.listen(0, '127.0.0.1', resolve))
    const database = await createPostgresDatabase()
    dropDatabase = database.drop
    databaseUrl = database.url
    releases = await buildReleases(path.join(root, 'work'), {
      v1: {},
      v2: {},
      v3: {},
      v4: {},
      faulty: { FAULT_INJECTION_5XX_RATE: String(FAULT_RATE) },
      v5: {},
      v6: {},
    })
    await addProbeMigration(releases.v6 as string)
    const nginxPort = await freePortBlock(1)
    ports.blue = await freePortBlock(2)
    ports.green = await freePortBlock(2)
    url = `http://127.0.0.1:${nginxPort}`
    const host = path.join(root, 'host')
    await writeFile(
      path.join(root, 'roleready.env'),
      [
        `DATABASE_URL=${database.url}`,
        ...(REDIS_URL ? [`REDIS_URL=${REDIS_URL}`, `REDIS_KEY_PREFIX=deploy-e2e:${randomUUID()}:`] : []),
        'LOG_LEVEL=warn',
        // The load comes from one address; the limits are not what this test is about.
        'RATE_LIMIT_ENABLED=false',
        `BACKUP_DIR=${path.join(root, 'backups')}`,
        'DATABASE_POOL_MAX=5',
        // Two shared cores: load shedding on event-loop delay would answer 503s that say nothing about deploys.
        'LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS=0',
        '',
      ].join('\n'),
    )
    root = host
    env = {
      DEPLOY_ROOT: host,
      ENV_FILE: path.join(path.dirname(host), 'roleready.env'),
      HTTP_LISTEN: `127.0.0.1:${nginxPort}`,
      BLUE_BASE_PORT: String(ports.blue),
      GREEN_BASE_PORT: String(ports.green),
      INSTANCES: '2',
      MONITOR_SECONDS: '4',
      CHECK_INTERVAL_SECONDS: '1',
      STEP_SECONDS: String(STEP_SECONDS),
      STANDBY_SECONDS: '600',
      DRAIN_SECONDS: '2',
      MIN_REQUESTS: '20',
      NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`,
    }
    const started = await runScript('nginx-host.sh', ['start'], env)
    expect(started.code, started.output).toBe(0)
    const first = await runScript('deploy-blue-green.sh', [releases.v1 as string], env)
    expect(first.code, first.output).toBe(0)
    expect(await version()).toBe('v1')
  }, 300_000)

  afterAll(async () => {
    if (root) await runScript('nginx-host.sh', ['stop'], env)
    await dropDatabase?.()
    await new Promise((resolve) => webhook?.close(resolve))
    if (root) await removeDir(path.dirname(root))
  }, 120_000)

  it('deploys three times in a row, blue-green, with 0 failed requests under load', async () => {
    const load = startLoad(url, ['/api/templates', '/api/health/live', '/api/docs/openapi.json'], LOAD_RATE)
    const served: string[] = []
    await whileWriting('blue-green x3', async () => {
      for (const name of ['v2', 'v3', 'v4']) {
        const before = await live()
        const result = await runScript('deploy-blue-green.sh', [releases[name] as string], env)
        expect(result.code, result.output).toBe(0)
        expect(await live()).not.toBe(before)
        served.push(await version())
      }
    })
    const outcome = await load.stop()
    report('blue-green x3', outcome)
    expect(served).toEqual(['v2', 'v3', 'v4'])
    expect(outcome.total).toBeGreaterThan(1000)
    expect(outcome.non2xx).toBe(0)
    expect(outcome.errors).toBe(0)
    expect(outcome.timeouts).toBe(0)
  }, 300_000)

  it('rolls back to the previous version under load with 0 failed requests in under 30 s', async () => {
    expect(await version()).toBe('v4')
    const load = startLoad(url, ['/api/templates', '/api/health/live'], LOAD_RATE)
    const result = await whileWriting('rollback', async () => {
      await new Promise((resolve) => setTimeout(resolve, 2000))
      const rolledBack = await runScript('rollback.sh', ['--yes'], env)
      await new Promise((resolve) => setTimeout(resolve, 2000))
      return rolledBack
    })
    const outcome = await load.stop()
    report('rollback', outcome, `, rollback took ${result.ms} ms`)
    expect(result.code, result.output).toBe(0)
    expect(result.output).toContain('Post-rollback checklist')
    expect(notifications.at(-1)).toMatch(/^RoleReady: rolled back from .*v4 to .*v3 in \d+s$/)
    expect(await version()).toBe('v3')
    expect(result.ms).toBeLessThan(30_000)
    expect(outcome.non2xx).toBe(0)
    expect(outcome.errors).toBe(0)
    expect(outcome.timeouts).toBe(0)
  }, 120_000)

  it('stops a faulty canary at its first step, back to 100% stable, exiting non-zero', async () => {
    const stable = await live()
    const offset = await logSize()
    const load = startLoad(url, ['/api/templates'], LOAD_RATE)
    // The smoke test would catch a 20% fault rate now and then (three faults in a row on one path, ~3% a run) and stop
    // the canary before it takes traffic; this test is about the analysis step, so the smoke test only asks the probes.
    const result = await whileWriting('faulty canary', () =>
      runScript('deploy-canary.sh', [releases.faulty as string], {
        ...env,
        SMOKE_PATHS: '/api/health/live /api/health/ready',
      }),
    )
    const outcome = await load.stop()
    const lines = await accessLogSince(root, offset)
    const canary = stable === 'blue' ? 'green' : 'blue'
    const canaryLines = lines.filter((line) => colourOf(line.upstream_addr) === canary)
    const userErrors = lines.filter((line) => line.status >= 500 && line.uri === LOAD_PATH).length
    const windowRequests = LOAD_RATE * STEP_SECONDS
    const budget = Math.round(0.05 * FAULT_RATE * windowRequests * 10) / 10
    report(
      'faulty canary',
      outcome,
      `; canary answered ${canaryLines.length}, users saw ${userErrors} 5xx ` +
        `(5% of ${FAULT_RATE * 100}% of one ${STEP_SECONDS}s window at ${LOAD_RATE}/s = ${budget})`,
    )
    expect(result.code, result.output).toBe(2)
    expect(result.output).toMatch(/ROLLED BACK at 5%/)
    expect(notifications.at(-1)).toMatch(/^RoleReady: canary of .*faulty ROLLED BACK at 5%/)
    expect(result.output).not.toMatch(/traffic: \S+:75/)
    expect(await live()).toBe(stable)
    expect(await version()).toBe('v3')
    // Every 5xx (reads and writes) came from the canary, and readers saw about as many as one 5% window makes.
    expect(canaryLines.filter((line) => line.status >= 500).length).toBe(lines.filter((l) => l.status >= 500).length)
    expect(userErrors).toBeGreaterThan(0)
    expect(userErrors).toBeLessThanOrEqual(budget * 2.5)
    expect(outcome.errors).toBe(0)
    // After the rollback nothing reaches the canary's ports.
    const after = await logSize()
    const probe = startLoad(url, ['/api/templates'], LOAD_RATE)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const tail = await probe.stop()
    expect(tail.non2xx).toBe(0)
    expect((await accessLogSince(root, after)).every((line) => colourOf(line.upstream_addr) === stable)).toBe(true)
  }, 240_000)

  it('takes a healthy canary through 5 → 25 → 50 → 100%', async () => {
    const stable = await live()
    const load = startLoad(url, ['/api/templates', '/api/health/live'], LOAD_RATE)
    const result = await whileWriting('healthy canary', () =>
      runScript('deploy-canary.sh', [releases.v5 as string], env),
    )
    const outcome = await load.stop()
    report('healthy canary', outcome, `, canary took ${result.ms} ms`)
    expect(result.code, result.output).toBe(0)
    for (const percent of [5, 25, 50]) expect(result.output).toContain(`step ${percent}%: canary 0/`)
    expect(result.output).toMatch(/done: \w+ serves 100%/)
    expect(await live()).not.toBe(stable)
    expect(await version()).toBe('v5')
    expect(outcome.non2xx).toBe(0)
    expect(outcome.errors).toBe(0)
  }, 300_000)

  it('rolls a release back with --migrations: traffic first, then its migration down step', async () => {
    expect(await version()).toBe('v5')
    const load = startLoad(url, [LOAD_PATH, '/api/health/live'], LOAD_RATE)
    const { deployed, rolledBack, probeRows } = await whileWriting('rollback --migrations', async () => {
      const deployed = await runScript('deploy-blue-green.sh', [releases.v6 as string], env)
      const probeRows = deployed.code === 0 ? await query('select note from deploy_e2e_probe') : []
      const rolledBack = await runScript('rollback.sh', ['--yes', '--migrations'], env)
      return { deployed, rolledBack, probeRows }
    })
    const outcome = await load.stop()
    report('rollback --migrations', outcome, `, rollback took ${rolledBack.ms} ms`)
    expect(deployed.code, deployed.output).toBe(0)
    expect(deployed.output).toContain(`applied  ${PROBE_MIGRATION}`)
    expect(probeRows).toEqual([{ note: 'added by v6' }])
    expect(rolledBack.code, rolledBack.output).toBe(0)
    expect(rolledBack.output).toContain(`migrate: reverted ${PROBE_MIGRATION}`)
    expect(rolledBack.output).toMatch(/database migrations: rolled back to 20\d{6}T\d{4}_\w+/)
    expect(await version()).toBe('v5')
    // The down step ran: the table is gone and the migration is no longer recorded; the schema v5 knows is intact.
    expect(await query("select to_regclass('deploy_e2e_probe') as probe")).toEqual([{ probe: null }])
    const applied = (await query('select name from kysely_migration order by name')).map((row) => row.name)
    expect(applied).not.toContain(PROBE_MIGRATION)
    expect(applied.at(-1)).toBe(rolledBack.output.match(/rolled back to (\S+)/)?.[1])
    expect(outcome.non2xx).toBe(0)
    expect(outcome.errors).toBe(0)
  }, 180_000)

  it('switches a blue-green deploy back when the new colour answers 5xx after the switch, exiting non-zero', async () => {
    const stable = await live()
    const offset = await logSize()
    const load = startLoad(url, [LOAD_PATH], LOAD_RATE)
    // Healthy as far as the script can see before the switch (probes are exempt from fault injection, so readiness
    // and this smoke test pass), failing 20% of users' requests once it takes traffic: only the watch can catch it.
    const result = await whileWriting('faulty blue-green', () =>
      runScript('deploy-blue-green.sh', [releases.faulty as string], {
        ...env,
        SMOKE_PATHS: '/api/health/live /api/health/ready',
        MONITOR_SECONDS: '10',
      }),
    )
    const outcome = await load.stop()
    const lines = await accessLogSince(root, offset)
    const faulty = stable === 'blue' ? 'green' : 'blue'
    const userErrors = lines.filter((line) => line.status >= 500 && line.uri === LOAD_PATH).length
    // Budget: the faulty colour may serve for at most 5 s (reload, one CHECK_INTERVAL_SECONDS, the switch back) at
    // LOAD_RATE with FAULT_RATE failing.
    const budget = FAULT_RATE * LOAD_RATE * 5
    report(
      'faulty blue-green',
      outcome,
      `; ${faulty} answered ${lines.filter((line) => colourOf(line.upstream_addr) === faulty).length}, users saw ` +
        `${userErrors} 5xx (budget: ${FAULT_RATE * 100}% of 5 s at ${LOAD_RATE}/s = ${budget}), ` +
        `script took ${result.ms} ms`,
    )
    expect(result.code, result.output).toBe(1)
    expect(result.output).toMatch(new RegExp(`${faulty}: \\d+ of \\d+ requests failed \\(5xx\\)`))
    expect(result.output).toMatch(/ROLLED BACK automatically/)
    expect(notifications.at(-1)).toMatch(/^RoleReady: blue-green deploy of .*faulty ROLLED BACK automatically/)
    expect(await live()).toBe(stable)
    expect(await version()).toBe('v5')
    const errors = lines.filter((line) => line.status >= 500)
    expect(errors.every((line) => colourOf(line.upstream_addr) === faulty)).toBe(true)
    expect(userErrors).toBeGreaterThan(0)
    expect(userErrors).toBeLessThanOrEqual(budget)
    expect(outcome.errors).toBe(0)
    // The faulty colour is stopped and out of the upstream.
    const after = await logSize()
    const probe = startLoad(url, [LOAD_PATH], LOAD_RATE)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const tail = await probe.stop()
    expect(tail.non2xx).toBe(0)
    expect((await accessLogSince(root, after)).every((line) => colourOf(line.upstream_addr) === stable)).toBe(true)
  }, 120_000)
})
