import { execFile } from 'node:child_process'
import { mkdir, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { PGlite } from '@electric-sql/pglite'

const run = promisify(execFile)

export interface Backup {
  readonly path: string
  readonly bytes: number
  /** How the backup was checked: the TOC entries pg_restore listed, or the tables a restored copy holds. */
  readonly verifiedEntries: number
}

function stamp(at: Date): string {
  return at.toISOString().replaceAll(/[:.]/g, '-')
}

/**
 * `pg_dump -Fc` into backupDir, then `pg_restore --list` on the file: a backup that cannot be listed is deleted and
 * the call fails, so a migration never runs without a readable backup. With `snapshot` (from pg_export_snapshot()
 * in a transaction still open) the dump reads exactly what that transaction sees.
 */
export async function backupPostgres(
  databaseUrl: string,
  backupDir: string,
  at = new Date(),
  snapshot?: string,
): Promise<Backup> {
  await mkdir(backupDir, { recursive: true })
  const file = path.join(backupDir, `roleready-${stamp(at)}.dump`)
  const args = ['--format=custom', `--file=${file}`, `--dbname=${databaseUrl}`]
  if (snapshot !== undefined) args.push(`--snapshot=${snapshot}`)
  await run('pg_dump', args, { maxBuffer: 64 << 20 })
  try {
    const { stdout } = await run('pg_restore', ['--list', file], { maxBuffer: 64 << 20 })
    // The header names the archive format; an empty database still yields a valid archive with zero entries.
    if (!/Format: CUSTOM/.test(stdout)) throw new Error('pg_restore --list did not recognise the archive')
    const entries = stdout.split('\n').filter((line) => line.trim() !== '' && !line.startsWith(';')).length
    return { path: file, bytes: (await stat(file)).size, verifiedEntries: entries }
  } catch (error) {
    await rm(file, { force: true })
    throw new Error(`Backup verification failed for ${file}`, { cause: error })
  }
}

/** The embedded database's data directory as a gzip tarball, verified by loading it into a fresh in-memory PGlite. */
export async function backupPglite(client: PGlite, backupDir: string, at = new Date()): Promise<Backup> {
  await mkdir(backupDir, { recursive: true })
  const file = path.join(backupDir, `roleready-pglite-${stamp(at)}.tar.gz`)
  const dump = await client.dumpDataDir('gzip')
  await writeFile(file, Buffer.from(await dump.arrayBuffer()))
  const copy = await PGlite.create({ loadDataDir: dump })
  try {
    const { rows } = await copy.query<{ n: number }>(
      "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
    )
    return { path: file, bytes: (await stat(file)).size, verifiedEntries: rows[0]?.n ?? 0 }
  } finally {
    await copy.close()
  }
}
