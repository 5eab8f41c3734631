import { type Kysely, sql } from 'kysely'

// Frozen in time: migrations use only Kysely and plain SQL, never types or code from src/domain.
// Content columns are `json`, not `jsonb`: json keeps the document's text as given (key order included), so a
// resume round-trips exactly; nothing queries inside it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('resumes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('owner_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('head_version', 'integer', (c) => c.notNull().check(sql`head_version >= 1`))
    // Lineage survives the base being purged: the version and job stay, the resume link becomes null.
    .addColumn('tailored_from_resume_id', 'uuid', (c) => c.references('resumes.id').onDelete('set null'))
    .addColumn('tailored_from_version', 'integer')
    .addColumn('tailored_from_job_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('deleted_at', 'timestamptz')
    .execute()
  await sql`create index resumes_owner_created_idx on resumes (owner_id, created_at desc, id desc)`.execute(db)
  await sql`create index resumes_tags_idx on resumes using gin (tags)`.execute(db)
  await sql`create index resumes_deleted_at_idx on resumes (deleted_at) where deleted_at is not null`.execute(db)
  await sql`create index resumes_tailored_from_idx on resumes (tailored_from_resume_id)
    where tailored_from_resume_id is not null`.execute(db)

  await db.schema
    .createTable('resume_versions')
    .addColumn('resume_id', 'uuid', (c) => c.notNull().references('resumes.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    .addColumn('content', 'json', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('restored_from', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('resume_versions_resume_number_key', ['resume_id', 'number'])
    .execute()

  await db.schema
    .createTable('resume_drafts')
    .addColumn('resume_id', 'uuid', (c) => c.primaryKey().references('resumes.id').onDelete('cascade'))
    .addColumn('content', 'json', (c) => c.notNull())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('base_version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('resume_drafts').execute()
  await db.schema.dropTable('resume_versions').execute()
  await db.schema.dropTable('resumes').execute()
}
