import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The Postgres server the suite may use (CI sets DATABASE_URL); undefined runs embedded-only. */
export const POSTGRES_URL = process.env.DATABASE_URL || undefined
export const REDIS_URL = process.env.REDIS_URL || undefined

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

/** A new, empty database on the test server; dropped by the returned function. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!POSTGRES_URL) throw new Error('DATABASE_URL is not set')
  const name = `rr_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  try {
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  return {
    url: withDatabase(POSTGRES_URL, name),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL })
      await client.connect()
      try {
        await client.query(`drop database if exists ${name} with (force)`)
      } finally {
        await client.end()
      }
    },
  }
}
