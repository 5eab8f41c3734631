import { type Kysely, sql } from 'kysely'

// Sessions remember when they were last used, for idle expiry.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'timestamptz').execute()
  await sql`update sessions set last_seen_at = created_at`.execute(db)
  await db.schema
    .alterTable('sessions')
    .alterColumn('last_seen_at', (c) => c.setNotNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute()
}
