import { type Kysely, sql } from 'kysely'

// Frozen in time: migrations use only Kysely and plain SQL, never types or code from src/domain.
// Storage quotas: each version, draft and job row records the UTF-8 bytes it adds to its owner's storage, and
// user_usage keeps their sum per user, changed in the same transaction as every write. A quota check then reads one
// row (locked FOR UPDATE, so writes of one user take turns) instead of summing a user's whole history.

const JOB_BYTES = sql`octet_length(description) + coalesce(octet_length(title), 0)
  + coalesce(octet_length(company), 0) + coalesce(octet_length(url), 0)`

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['resume_versions', 'resume_drafts']) {
    await sql`alter table ${sql.table(table)} add column size_bytes integer`.execute(db)
    await sql`update ${sql.table(table)} set size_bytes = octet_length(content::text)`.execute(db)
    await sql`alter table ${sql.table(table)} alter column size_bytes set not null`.execute(db)
  }
  await sql`alter table jobs add column size_bytes integer`.execute(db)
  await sql`update jobs set size_bytes = ${JOB_BYTES}`.execute(db)
  await sql`alter table jobs alter column size_bytes set not null`.execute(db)

  await db.schema
    .createTable('user_usage')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('storage_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute()
  await sql`insert into user_usage (user_id, storage_bytes)
    select owner_id, sum(bytes) from (
      select r.owner_id, v.size_bytes as bytes from resume_versions v join resumes r on r.id = v.resume_id
      union all
      select r.owner_id, d.size_bytes from resume_drafts d join resumes r on r.id = d.resume_id
      union all
      select owner_id, size_bytes from jobs
    ) stored group by owner_id`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('user_usage').execute()
  await db.schema.alterTable('jobs').dropColumn('size_bytes').execute()
  await db.schema.alterTable('resume_drafts').dropColumn('size_bytes').execute()
  await db.schema.alterTable('resume_versions').dropColumn('size_bytes').execute()
}
