import { type Kysely, sql } from 'kysely'

// Frozen in time: migrations use only Kysely and plain SQL, never types or code from src/domain.
// The application tracker. A linked job or resume may be deleted later: the link goes, the application stays
// (its company and title were copied from the job).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('applications')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('owner_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('job_id', 'uuid', (c) => c.references('jobs.id').onDelete('set null'))
    .addColumn('url', 'text')
    .addColumn('company', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // Lower-cased by the service, so every adapter sorts and searches alike whatever the database's locale.
    .addColumn('company_key', 'text', (c) => c.notNull())
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('resume_id', 'uuid', (c) => c.references('resumes.id').onDelete('set null'))
    .addColumn('resume_version', 'integer')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status in ('saved', 'applied', 'interviewing', 'offer', 'accepted', 'rejected', 'withdrawn')`),
    )
    .addColumn('history', 'jsonb', (c) => c.notNull())
    .addColumn('applied_at', 'timestamptz')
    .addColumn('deadline', 'timestamptz')
    .addColumn('next_step_at', 'timestamptz')
    .addColumn('next_step_note', 'text')
    .addColumn('contacts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('notes', 'text')
    .addColumn('salary', 'jsonb')
    .addColumn('location', 'text')
    .addColumn('remote', 'text', (c) => c.check(sql`remote in ('onsite', 'hybrid', 'remote')`))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index applications_owner_updated_idx on applications (owner_id, updated_at desc, id desc)`.execute(
    db,
  )
  await sql`create index applications_job_idx on applications (job_id) where job_id is not null`.execute(db)
  await sql`create index applications_resume_idx on applications (resume_id) where resume_id is not null`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('applications').execute()
}
