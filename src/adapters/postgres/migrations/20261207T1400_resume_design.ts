import { type Kysely, sql } from 'kysely'

// Frozen in time: migrations use only Kysely and plain SQL, never types or code from src/domain.
// The design a resume is drawn with (page size, font, colours, spacing, sections), kept beside its template id:
// metadata of the resume, not of a version. An empty object means every choice is the template's.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('resumes')
    .addColumn('design', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('resumes').dropColumn('design').execute()
}
