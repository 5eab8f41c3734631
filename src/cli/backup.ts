/**
 * npm run backup [-- --keep N] | restore -- FILE [--into URL|DIR] | backup:drill
 * Uses the same config as the service: DATABASE_URL (Postgres) or DATA_DIR (embedded PGlite), and BACKUP_DIR.
 * - backup: a verified backup in BACKUP_DIR (`pg_dump -Fc`, or the embedded data directory as a tarball); with
 *   --keep N, only the N newest backups stay.
 * - restore: loads a backup into an empty database (DATABASE_URL or --into URL) or an empty data directory
 *   (DATA_DIR or --into DIR), then lists each table's rows and checksum.
 * - drill: backs up, restores into a fresh database, compares every table's row count and checksum, removes the
 *   copy; exits 1 when any table differs.
 */
import { readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { backupPglite, backupPostgres } from '../adapters/postgres/backup.js'
import { openDatabase } from '../adapters/postgres/database.js'
import {
  drillPglite,
  drillPostgres,
  restorePglite,
  restorePostgres,
  type TableChecksum,
} from '../adapters/postgres/restore.js'
import { type Config, ConfigError, loadConfig } from '../config/config.js'

const out = (line: string) => process.stdout.write(`${line}\n`)

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}

function printTables(tables: readonly TableChecksum[]): void {
  for (const t of tables) out(`table    ${t.table.padEnd(28)} ${String(t.rows).padStart(8)} rows  ${t.checksum}`)
}

/** Deletes all but the `keep` newest backups RoleReady wrote in `dir`. */
async function prune(dir: string, keep: number): Promise<void> {
  const names = (await readdir(dir)).filter((name) => /^roleready-.*\.(dump|tar\.gz)$/.test(name))
  const dated = await Promise.all(names.map(async (name) => ({ name, at: (await stat(path.join(dir, name))).mtimeMs })))
  for (const { name } of dated.sort((a, b) => b.at - a.at).slice(keep)) {
    await rm(path.join(dir, name))
    out(`removed  ${path.join(dir, name)}`)
  }
}

async function backup(config: Config, args: readonly string[]): Promise<void> {
  const keepText = option(args, '--keep')
  const keep = keepText === undefined ? undefined : Number(keepText)
  if (keep !== undefined && !(Number.isInteger(keep) && keep >= 1)) throw new Error('--keep takes a whole number ≥ 1')
  const database = await openDatabase(config)
  try {
    const made = config.database.url
      ? await backupPostgres(config.database.url, config.backupDir)
      : await backupPglite(database.pglite as NonNullable<typeof database.pglite>, config.backupDir)
    out(`backup   ${made.path} (${made.bytes} bytes, ${made.verifiedEntries} entries verified)`)
  } finally {
    await database.close()
  }
  if (keep !== undefined) await prune(config.backupDir, keep)
}

async function restore(config: Config, args: readonly string[]): Promise<void> {
  const file = args[0]
  if (file === undefined || file.startsWith('--')) throw new Error('name the backup file: npm run restore -- FILE')
  const into = option(args, '--into')
  const toPostgres = into ? /^postgres(ql)?:\/\//.test(into) : config.database.url !== undefined
  if (toPostgres !== file.endsWith('.dump')) {
    throw new Error('a .dump file restores into PostgreSQL and a .tar.gz into an embedded data directory')
  }
  const target = into ?? config.database.url ?? config.dataDir
  const tables = toPostgres ? await restorePostgres(file, target) : await restorePglite(file, path.resolve(target))
  printTables(tables)
  out(`restored ${tables.length} tables from ${file}`)
}

async function drill(config: Config): Promise<boolean> {
  const result = config.database.url
    ? await drillPostgres(config.database.url, config.backupDir)
    : await (async () => {
        const database = await openDatabase(config)
        try {
          return await drillPglite(database.pglite as NonNullable<typeof database.pglite>, config.backupDir)
        } finally {
          await database.close()
        }
      })()
  out(`backup   ${result.backup.path} (${result.backup.bytes} bytes)`)
  printTables(result.tables)
  for (const difference of result.differences) out(`DIFFERS  ${difference}`)
  const rows = result.tables.reduce((sum, t) => sum + t.rows, 0)
  out(
    result.differences.length === 0
      ? `drill    ${result.tables.length} tables compared (${rows} rows), checksums equal`
      : `drill    ${result.differences.length} of ${result.tables.length} tables differ`,
  )
  return result.differences.length === 0
}

async function main(): Promise<void> {
  const [command = 'backup', ...rest] = process.argv.slice(2)
  const config = loadConfig()
  switch (command) {
    case 'backup':
      return backup(config, rest)
    case 'restore':
      return restore(config, rest)
    case 'drill':
      if (!(await drill(config))) process.exitCode = 1
      return
    default:
      throw new Error(`unknown command "${command}" (backup [--keep N], restore FILE [--into URL|DIR], drill)`)
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`)
  else process.stderr.write(`backup: ${error instanceof Error ? error.message : String(error)}\n`)
  if (error instanceof Error && error.cause) process.stderr.write(`  cause: ${String(error.cause)}\n`)
  process.exitCode = 1
})
