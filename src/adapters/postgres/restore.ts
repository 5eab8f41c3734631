import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { type Backup, backupPglite, backupPostgres } from './backup.js'

const run = promisify(execFile)

/** What a table holds, in a form two databases can be compared by. */
export interface TableChecksum {
  readonly table: string
  readonly rows: number
  /** md5 over the md5 of every row's text, in sorted order: equal exactly when the rows are. */
  readonly checksum: string
}

/** Runs one statement and returns its rows (a pg client, a pool or PGlite). */
type Query = <R>(text: string) => Promise<R[]>

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`

const pgQuery =
  (client: pg.ClientBase): Query =>
  async <R>(text: string) =>
    (await client.query(text)).rows as R[]

const pgliteQuery =
  (client: PGlite): Query =>
  async <R>(text: string) =>
    (await client.query<R>(text)).rows

/** Every table of the public schema with its row count and content checksum, by table name. */
export async function tableChecksums(query: Query): Promise<TableChecksum[]> {
  const tables = await query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' " +
      "and table_type = 'BASE TABLE' order by table_name",
  )
  const sums: TableChecksum[] = []
  for (const { name } of tables) {
    const [row] = await query<{ rows: number; checksum: string }>(
      `select count(*)::int as rows, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as checksum from ${ident(name)} t`,
    )
    sums.push({ table: name, rows: row?.rows ?? 0, checksum: row?.checksum ?? '' })
  }
  return sums
}

/** The tables whose row count or checksum differ, or that only one side has. */
export function checksumDifferences(source: readonly TableChecksum[], restored: readonly TableChecksum[]): string[] {
  const byName = new Map(restored.map((t) => [t.table, t]))
  const differences = source.flatMap((t) => {
    const copy = byName.get(t.table)
    if (!copy) return [`${t.table}: missing from the restored copy`]
    if (copy.rows !== t.rows) return [`${t.table}: ${t.rows} rows, restored ${copy.rows}`]
    return copy.checksum === t.checksum ? [] : [`${t.table}: content differs (${t.rows} rows)`]
  })
  const names = new Set(source.map((t) => t.table))
  return differences.concat(restored.filter((t) => !names.has(t.table)).map((t) => `${t.table}: only in the copy`))
}

async function publicTableCount(query: Query): Promise<number> {
  const [row] = await query<{ n: number }>(
    "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
  )
  return row?.n ?? 0
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'roleready-restore' })
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}

/**
 * `pg_restore` of a custom-format backup into the database at `url`, in one transaction (a failure leaves it empty).
 * Refuses a database that already has tables: restore into a new, empty database, then point DATABASE_URL at it.
 */
export async function restorePostgres(file: string, url: string): Promise<TableChecksum[]> {
  const tables = await withClient(url, (client) => publicTableCount(pgQuery(client)))
  if (tables > 0) throw new Error(`the target database already has ${tables} tables; restore into an empty database`)
  await run(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${url}`, file],
    { maxBuffer: 64 << 20 },
  )
  return withClient(url, (client) => tableChecksums(pgQuery(client)))
}

/**
 * Loads an embedded database's backup (a data directory tarball) into `dataDir`, which must be absent or empty:
 * point DATA_DIR at it afterwards.
 */
export async function restorePglite(file: string, dataDir: string): Promise<TableChecksum[]> {
  const existing = await readdir(dataDir).catch(() => [])
  if (existing.length > 0) throw new Error(`${dataDir} is not empty; restore into a new data directory`)
  const client = await PGlite.create({ dataDir, loadDataDir: new Blob([await readFile(file)]) })
  try {
    return await tableChecksums(pgliteQuery(client))
  } finally {
    await client.close()
  }
}

/** A restore drill's outcome: the backup it made, the tables it compared, and any that differ. */
export interface DrillResult {
  readonly backup: Backup
  readonly tables: readonly TableChecksum[]
  readonly differences: readonly string[]
}

function databaseNamed(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.toString()
}

/**
 * Backs up the Postgres database at `url`, restores the backup into a new database on the same server, compares
 * every table, and drops the copy. The checksums of the source and pg_dump read the same exported snapshot, so
 * writes made meanwhile do not count as differences.
 */
export async function drillPostgres(url: string, backupDir: string): Promise<DrillResult> {
  return withClient(url, async (client) => {
    await client.query('begin isolation level repeatable read read only')
    try {
      const [snapshot] = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows
      const source = await tableChecksums(pgQuery(client))
      const backup = await backupPostgres(url, backupDir, new Date(), snapshot?.id)
      const copyName = `roleready_drill_${randomBytes(6).toString('hex')}`
      await withClient(url, (admin) => admin.query(`create database ${ident(copyName)}`))
      try {
        const restored = await restorePostgres(backup.path, databaseNamed(url, copyName))
        return { backup, tables: source, differences: checksumDifferences(source, restored) }
      } finally {
        await withClient(url, (admin) => admin.query(`drop database if exists ${ident(copyName)} with (force)`))
      }
    } finally {
      await client.query('rollback')
    }
  })
}

/** The same drill for the embedded database: backup, load into a temporary data directory, compare, remove it. */
export async function drillPglite(client: PGlite, backupDir: string): Promise<DrillResult> {
  const source = await tableChecksums(pgliteQuery(client))
  const backup = await backupPglite(client, backupDir)
  const scratch = await mkdtemp(path.join(tmpdir(), 'roleready-drill-'))
  try {
    const restored = await restorePglite(backup.path, path.join(scratch, 'data'))
    return { backup, tables: source, differences: checksumDifferences(source, restored) }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}
