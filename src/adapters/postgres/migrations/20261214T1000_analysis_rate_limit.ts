import { type Kysely, sql } from 'kysely'

// Frozen in time: migrations use only Kysely and plain SQL, never types or code from src/domain.
// Custom limits may name the `analysis` policy (ATS reports, suggestions and drafts by the built-in engine).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table rate_limit_overrides drop constraint rate_limit_overrides_policy_check`.execute(db)
  await sql`alter table rate_limit_overrides add constraint rate_limit_overrides_policy_check
    check (policy in ('user', 'analysis', 'ai', 'upload', 'export'))`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from rate_limit_overrides where policy = 'analysis'`.execute(db)
  await sql`alter table rate_limit_overrides drop constraint rate_limit_overrides_policy_check`.execute(db)
  await sql`alter table rate_limit_overrides add constraint rate_limit_overrides_policy_check
    check (policy in ('user', 'ai', 'upload', 'export'))`.execute(db)
}
