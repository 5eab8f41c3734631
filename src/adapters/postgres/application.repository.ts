import { type Expression, type Kysely, type Selectable, type SqlBool, sql } from 'kysely'
import type { ApplicationRepository } from '../../domain/applications/application.ports.js'
import {
  APPLICATION_STATUSES,
  type Application,
  type ApplicationCursor,
  type ApplicationSort,
  type ApplicationStatus,
  type Contact,
  type RemotePolicy,
  type SalaryRange,
  type StatusChange,
} from '../../domain/applications/application.types.js'
import { assertCountBelow } from '../../domain/usage/usage.types.js'
import type { ApplicationsTable, Tables } from './tables.js'
import { countOwned, lockStorage } from './user-usage.js'

type Row = Selectable<ApplicationsTable>
type Json = Record<string, unknown>

const COLUMNS = [
  'id',
  'owner_id',
  'job_id',
  'url',
  'company',
  'title',
  'company_key',
  'search_key',
  'resume_id',
  'resume_version',
  'status',
  'history',
  'applied_at',
  'deadline',
  'next_step_at',
  'next_step_note',
  'contacts',
  'notes',
  'salary',
  'location',
  'remote',
  'revision',
  'created_at',
  'updated_at',
] as const

const orUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined
const dateOrUndefined = (value: Date | string | null | undefined) => (value == null ? undefined : new Date(value))

function historyOf(value: unknown[]): StatusChange[] {
  return (value as Json[]).map((entry) => ({
    from: orUndefined(entry.from as ApplicationStatus | null),
    to: entry.to as ApplicationStatus,
    at: new Date(entry.at as string),
    note: orUndefined(entry.note as string | null),
  }))
}

function contactsOf(value: unknown[]): Contact[] {
  return (value as Json[]).map((contact) => ({
    name: contact.name as string,
    role: orUndefined(contact.role as string | null),
    email: orUndefined(contact.email as string | null),
    phone: orUndefined(contact.phone as string | null),
    notes: orUndefined(contact.notes as string | null),
  }))
}

function salaryOf(value: Json | null): SalaryRange | undefined {
  if (!value) return undefined
  return {
    min: orUndefined(value.min as number | null),
    max: orUndefined(value.max as number | null),
    currency: value.currency as string,
    period: value.period as SalaryRange['period'],
  }
}

export function rowToApplication(row: Row): Application {
  const nextStepAt = dateOrUndefined(row.next_step_at)
  return {
    id: row.id,
    ownerId: row.owner_id,
    jobId: orUndefined(row.job_id),
    url: orUndefined(row.url),
    company: row.company,
    title: row.title,
    resumeId: orUndefined(row.resume_id),
    // A deleted resume unlinks itself (on delete set null); the version it pinned goes with it.
    resumeVersion: row.resume_id === null ? undefined : orUndefined(row.resume_version),
    status: row.status as ApplicationStatus,
    history: historyOf(row.history),
    appliedAt: dateOrUndefined(row.applied_at),
    deadline: dateOrUndefined(row.deadline),
    nextStep: nextStepAt && { at: nextStepAt, note: orUndefined(row.next_step_note) },
    contacts: contactsOf(row.contacts),
    notes: orUndefined(row.notes),
    salary: salaryOf(row.salary),
    location: orUndefined(row.location),
    remote: orUndefined(row.remote as RemotePolicy | null),
    revision: row.revision,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }
}

/** Every column but the id and owner, from the domain value (JSON columns as text, undefined as null). */
function valuesOf(a: Application) {
  return {
    job_id: a.jobId ?? null,
    url: a.url ?? null,
    company: a.company,
    title: a.title,
    company_key: a.company.toLowerCase(),
    search_key: `${a.company.toLowerCase()}\n${a.title.toLowerCase()}`,
    resume_id: a.resumeId ?? null,
    resume_version: a.resumeVersion ?? null,
    status: a.status,
    history: JSON.stringify(a.history),
    applied_at: a.appliedAt ?? null,
    deadline: a.deadline ?? null,
    next_step_at: a.nextStep?.at ?? null,
    next_step_note: a.nextStep?.note ?? null,
    contacts: JSON.stringify(a.contacts),
    notes: a.notes ?? null,
    salary: a.salary ? JSON.stringify(a.salary) : null,
    location: a.location ?? null,
    remote: a.remote ?? null,
    revision: a.revision,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  }
}

/** The status's board position, in SQL (index in APPLICATION_STATUSES). */
const STATUS_RANK = sql<number>`(case status ${sql.join(
  APPLICATION_STATUSES.map((status, rank) => sql`when ${sql.lit(status)} then ${sql.lit(rank)}`),
  sql` `,
)} end)`

/** The column or expression a sort orders by, and how (see compareSortPositions). */
function sortKey(sort: ApplicationSort): Expression<unknown> {
  switch (sort) {
    case 'updated':
      return sql.ref('updated_at')
    case 'deadline':
      return sql.ref('deadline')
    case 'company':
      return sql`company_key collate "C"`
    case 'status':
      return STATUS_RANK
  }
}

/** Rows strictly after the cursor in its sort's order. */
function after(cursor: ApplicationCursor): Expression<SqlBool> {
  const key = sortKey(cursor.sort)
  const value = cursor.key
  if (cursor.sort === 'updated') {
    return sql<SqlBool>`(${key} < ${value} or (${key} = ${value} and id < ${cursor.id}))`
  }
  if (cursor.sort === 'deadline') {
    return value === null
      ? sql<SqlBool>`(deadline is null and id > ${cursor.id})`
      : sql<SqlBool>`(deadline > ${value} or (deadline = ${value} and id > ${cursor.id}) or deadline is null)`
  }
  return sql<SqlBool>`(${key} > ${value} or (${key} = ${value} and id > ${cursor.id}))`
}

function orderOf(sort: ApplicationSort) {
  const key = sortKey(sort)
  if (sort === 'updated') return sql`${key} desc, id desc`
  if (sort === 'deadline') return sql`${key} asc nulls last, id asc`
  return sql`${key} asc, id asc`
}

export function createPostgresApplicationRepository(db: Kysely<Tables>): ApplicationRepository {
  return {
    async create(application, limit) {
      return db.transaction().execute(async (trx) => {
        // The owner's usage lock makes two creates take turns, so they cannot both pass the count.
        await lockStorage(trx, application.ownerId)
        assertCountBelow('applications', await countOwned(trx, 'applications', application.ownerId), limit)
        const row = await trx
          .insertInto('applications')
          .values({ id: application.id, owner_id: application.ownerId, ...valuesOf(application) })
          .returning(COLUMNS)
          .executeTakeFirstOrThrow()
        return rowToApplication(row)
      })
    },

    count(ownerId) {
      return countOwned(db, 'applications', ownerId)
    },

    async findById(ownerId, id) {
      const row = await db
        .selectFrom('applications')
        .select(COLUMNS)
        .where('id', '=', id)
        .where('owner_id', '=', ownerId)
        .executeTakeFirst()
      return row && rowToApplication(row)
    },

    async list(ownerId, { statuses, q, deadlineBefore, sort, after: cursor, limit }) {
      let query = db.selectFrom('applications').select(COLUMNS).where('owner_id', '=', ownerId)
      if (statuses?.length) query = query.where('status', 'in', [...statuses])
      if (q) query = query.where(sql<SqlBool>`strpos(search_key, ${q}) > 0`)
      if (deadlineBefore) query = query.where('deadline', '<', deadlineBefore)
      if (cursor) query = query.where(after(cursor))
      const rows = await query.orderBy(orderOf(sort)).limit(limit).execute()
      return rows.map(rowToApplication)
    },

    async update(next, expectedRevision) {
      const { created_at: _created, ...values } = valuesOf(next)
      const row = await db
        .updateTable('applications')
        .set(values)
        .where('id', '=', next.id)
        .where('owner_id', '=', next.ownerId)
        .where('revision', '=', expectedRevision)
        .returning(COLUMNS)
        .executeTakeFirst()
      return row && rowToApplication(row)
    },

    async delete(ownerId, id) {
      const result = await db
        .deleteFrom('applications')
        .where('id', '=', id)
        .where('owner_id', '=', ownerId)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },
  }
}
