import { type Kysely, sql } from 'kysely'

// Frozen in time: migrations use only Kysely and plain SQL, never types or code from src/domain.
// Custom rate limits an admin set for a user: one row per policy, the limit in requests per window.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_overrides')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('policy', 'text', (c) => c.notNull().check(sql`policy in ('user', 'ai', 'upload', 'export')`))
    .addColumn('points', 'integer', (c) => c.notNull().check(sql`points >= 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('rate_limit_overrides_pkey', ['user_id', 'policy'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit_overrides').execute()
}
