import { mkdir } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, type LogEvent, PostgresDialect, sql } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import type { Config } from '../../config/config.js'
import type { Tables } from './tables.js'

export type DatabaseKind = 'postgres' | 'pglite'

/** One executed statement, as metrics see it: the Kysely node kind (never the SQL), duration and outcome. */
export interface QueryObservation {
  readonly kind: string
  readonly durationMs: number
  readonly failed: boolean
}
export type QueryListener = (observation: QueryObservation) => void

export interface Database {
  readonly kind: DatabaseKind
  readonly db: Kysely<Tables>
  /** The pg pool when running on Postgres (for pool metrics and tests). */
  readonly pool: pg.Pool | undefined
  /** The PGlite instance when running embedded (for backups). */
  readonly pglite: PGlite | undefined
  /** Resolves when a trivial query succeeds; rejects otherwise. */
  ping(): Promise<void>
  /** Calls `listener` after every statement (ok or failed); returns a function that stops it. */
  observeQueries(listener: QueryListener): () => void
  close(): Promise<void>
}

// Return int8 and numeric as numbers rather than strings (counts fit comfortably).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10))

/** Opens Postgres when DATABASE_URL is set, else PGlite in DATA_DIR (or in memory for `memory://`). */
export async function openDatabase(config: Pick<Config, 'database' | 'dataDir'>): Promise<Database> {
  if (config.database.url) return openPostgres(config.database)
  return openPglite(config.dataDir)
}

function openPostgres(options: Config['database']): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    connectionTimeoutMillis: options.connectionTimeoutMs,
    idleTimeoutMillis: options.idleTimeoutMs,
    statement_timeout: options.statementTimeoutMs,
    application_name: 'roleready',
  })
  // An idle client losing its connection must not crash the process; the next checkout reconnects.
  pool.on('error', () => {})
  // So must a checked-out one between statements (a transaction's, when the server shuts down): pg emits the error
  // on the client, where the pool listens only while it is idle. Its queries fail, and the pool drops it on release.
  pool.on('connect', (client) => client.on('error', () => {}))
  const listeners = new Set<QueryListener>()
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), log: queryLog(listeners) })
  return wrap('postgres', db, pool, undefined, listeners)
}

/**
 * How the embedded database starts: PGlite's defaults plus 16 MB of shared buffers instead of Postgres's 128 MB.
 * One process serves one user base from files the operating system caches anyway; the larger pool only made the
 * idle process ~120 MB bigger (WebAssembly memory, which never shrinks).
 */
export const PGLITE_START_PARAMS: readonly string[] = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB']

async function openPglite(dataDir: string): Promise<Database> {
  const options = { startParams: [...PGLITE_START_PARAMS] }
  if (dataDir === 'memory://') return wrapPglite(await PGlite.create(options))
  await mkdir(dataDir, { recursive: true })
  return wrapPglite(await PGlite.create(dataDir, options))
}

/** Wraps an open PGlite instance (tests load one from a migrated snapshot). */
export function wrapPglite(client: PGlite): Database {
  const listeners = new Set<QueryListener>()
  const db = new Kysely<Tables>({ dialect: new PGliteDialect(client), log: queryLog(listeners) })
  return wrap('pglite', db, undefined, client, listeners)
}

/** Kysely's log hook, feeding query timings to whoever observes (metrics); costless without listeners. */
function queryLog(listeners: Set<QueryListener>): (event: LogEvent) => void {
  return (event) => {
    if (listeners.size === 0) return
    const observation = {
      kind: event.query.query.kind,
      durationMs: event.queryDurationMillis,
      failed: event.level === 'error',
    }
    for (const listener of listeners) listener(observation)
  }
}

function wrap(
  kind: DatabaseKind,
  db: Kysely<Tables>,
  pool: pg.Pool | undefined,
  pglite: PGlite | undefined,
  listeners: Set<QueryListener>,
): Database {
  let closed = false
  return {
    kind,
    db,
    pool,
    pglite,
    async ping() {
      await sql`select 1`.execute(db)
    },
    observeQueries(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async close() {
      if (closed) return
      closed = true
      await db.destroy()
    },
  }
}
