import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'kysely'
import pg from 'pg'
import { describe, expect, it, onTestFinished } from 'vitest'
import { type Database, openDatabase, wrapPglite } from '../../src/adapters/postgres/database.js'
import { migrations } from '../../src/adapters/postgres/migrations/index.js'
import {
  migrateDown,
  migrateTo,
  migrateToLatest,
  migrationStatus,
  NO_MIGRATIONS,
} from '../../src/adapters/postgres/migrator.js'
import { loadConfig } from '../../src/config/config.js'
import { createPostgresDatabase, POSTGRES_URL } from '../helpers/postgres.js'
import { runTs } from '../helpers/process.js'

const names = Object.keys(migrations).sort()
const MIGRATE = 'src/cli/migrate.ts'

async function tables(database: Database): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%' order by 1`.execute(database.db)
  return rows.map((r) => r.name)
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'roleready-test-'))
  onTestFinished(() => rm(dir, { recursive: true, force: true }))
  return dir
}

/** Every migration goes up, down and up again, one step at a time, and the schema ends where it started. */
async function upDownUp(database: Database): Promise<void> {
  expect(await tables(database)).toEqual([])
  const applied: string[] = []
  for (const name of names) {
    expect(await migrateTo(database.db, name)).toEqual([name])
    applied.push(name)
    const withThis = await tables(database)
    expect(await migrateDown(database.db)).toEqual([name])
    expect(await migrateTo(database.db, name)).toEqual([name])
    expect(await tables(database)).toEqual(withThis)
  }
  expect((await migrationStatus(database.db)).every((m) => m.executedAt)).toBe(true)
  expect(await migrateTo(database.db, NO_MIGRATIONS)).toEqual([...applied].reverse())
  expect(await tables(database)).toEqual([])
  expect(await migrateToLatest(database.db)).toEqual(names)
  expect(await migrateToLatest(database.db)).toEqual([])
}

describe('migrations on PGlite', () => {
  it('the embedded database in a data directory runs with 16 MB of shared buffers', async () => {
    const database = await openDatabase(loadConfig({ DATA_DIR: path.join(await tempDir(), 'data') }))
    onTestFinished(() => database.close())
    const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(database.db)
    expect(rows[0]?.shared_buffers).toBe('16MB')
  })

  it('go up, down and up again cleanly', async () => {
    const database = wrapPglite(await PGlite.create())
    onTestFinished(() => database.close())
    await upDownUp(database)
  }, 120_000)

  it('migrate:prod writes a backup that loads, then migrates the embedded database', async () => {
    const dir = await tempDir()
    const env = { DATA_DIR: path.join(dir, 'data'), BACKUP_DIR: path.join(dir, 'backups') }
    const result = await runTs(MIGRATE, ['prod'], env)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const backup = /^backup\s+(\S+\.tar\.gz)/m.exec(result.stdout)?.[1]
    expect(backup).toBeDefined()
    for (const name of names) expect(result.stdout).toContain(`applied  ${name}`)

    const status = await runTs(MIGRATE, ['status'], env)
    expect(status.stdout.split('\n').filter((l) => l.startsWith('applied'))).toHaveLength(names.length)
  }, 120_000)
})

describe.skipIf(!POSTGRES_URL)('migrations on PostgreSQL', () => {
  async function freshDatabase(): Promise<{ url: string }> {
    const target = await createPostgresDatabase()
    onTestFinished(target.drop)
    return target
  }

  it('go up, down and up again cleanly', async () => {
    const { url } = await freshDatabase()
    const database = await openDatabase(loadConfig({ DATABASE_URL: url }))
    onTestFinished(() => database.close())
    await upDownUp(database)
  })

  it('five concurrent migrate processes apply each migration exactly once', async () => {
    const { url } = await freshDatabase()
    const runs = await Promise.all(Array.from({ length: 5 }, () => runTs(MIGRATE, ['latest'], { DATABASE_URL: url })))
    for (const run of runs) expect(run.code, run.stderr).toBe(0)
    for (const name of names) {
      const appliedBy = runs.filter((run) => run.stdout.includes(`applied  ${name}`))
      expect(appliedBy).toHaveLength(1)
    }
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    onTestFinished(() => client.end())
    const { rows } = await client.query('select name from kysely_migration order by name')
    expect(rows.map((r) => r.name)).toEqual(names)
  }, 120_000)

  it('migrate:prod writes a backup that pg_restore --list reads, then migrates', async () => {
    const { url } = await freshDatabase()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    onTestFinished(() => client.end())
    await client.query("create table operator_notes (note text); insert into operator_notes values ('keep me')")
    const dir = await tempDir()
    const result = await runTs(MIGRATE, ['prod'], { DATABASE_URL: url, BACKUP_DIR: dir })
    expect(result.code, result.stderr).toBe(0)
    const backup = /^backup\s+(\S+\.dump)/m.exec(result.stdout)?.[1]
    expect(backup?.startsWith(dir)).toBe(true)
    const listed = await promisify(execFile)('pg_restore', ['--list', backup as string])
    expect(listed.stdout).toMatch(/TABLE DATA public operator_notes/)
    expect(result.stdout).toContain('rollback with: npm run migrate:rollback -- --to none')
  })

  it('migrate:prod that fails leaves the database as it was and prints the backup path', async () => {
    const { url } = await freshDatabase()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    onTestFinished(() => client.end())
    // A stray table with a migration's name makes the accounts migration fail part-way through.
    await client.query('create table sessions (id int)')
    const dir = await tempDir()
    const result = await runTs(MIGRATE, ['prod'], { DATABASE_URL: url, BACKUP_DIR: dir })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(new RegExp(`migration failed; the database is unchanged. Backup: ${dir}/\\S+\\.dump`))
    const { rows } = await client.query(
      "select table_name from information_schema.tables where table_schema = 'public' order by 1",
    )
    expect(rows.map((r) => r.table_name).filter((t) => !t.startsWith('kysely_'))).toEqual(['sessions'])
  })

  it('migrate:rollback reverts the latest migration', async () => {
    const { url } = await freshDatabase()
    expect((await runTs(MIGRATE, ['latest'], { DATABASE_URL: url })).code).toBe(0)
    const rollback = await runTs(MIGRATE, ['rollback'], { DATABASE_URL: url })
    expect(rollback.code, rollback.stderr).toBe(0)
    expect(rollback.stdout).toContain(`reverted ${names.at(-1)}`)
  })
})
