import { DomainError, type FieldError } from '../errors.js'
import type { JobRepository } from '../jobs/job.ports.js'
import { jobNotFound } from '../jobs/job.service.js'
import type { Clock, IdGenerator } from '../ports.js'
import { resumeNotFound } from '../resumes/resume.errors.js'
import type { ResumeRepository } from '../resumes/resume.ports.js'
import type { EtagCondition } from '../resumes/resume.types.js'
import type { ApplicationRepository } from './application.ports.js'
import {
  APPLICATION_EXPORT_MAX_ROWS,
  APPLICATION_HISTORY_MAX_ENTRIES,
  APPLICATION_LIST_DEFAULT_LIMIT,
  APPLICATION_LIST_MAX_LIMIT,
  type Application,
  type ApplicationFields,
  type ApplicationFilter,
  type ApplicationSort,
  type Contact,
  type SalaryRange,
  type StatusChange,
} from './application.types.js'
import { applicationsCsv } from './application-csv.js'
import { decodeApplicationCursor, encodeApplicationCursor } from './application-cursor.js'

export interface ApplicationServiceDeps {
  readonly applications: ApplicationRepository
  /** Where a linked job is looked up (the owner's only). */
  readonly jobs: Pick<JobRepository, 'findById'>
  /** Where the resume sent and its pinned version are looked up (the owner's, not in the trash). */
  readonly resumes: Pick<ResumeRepository, 'find' | 'findVersion'>
  readonly clock: Clock
  readonly ids: IdGenerator
  /** Applications one user may track. */
  readonly quota: number
}

export interface ApplicationListOptions extends ApplicationFilter {
  readonly sort?: ApplicationSort | undefined
  readonly cursor?: string | undefined
  readonly limit?: number | undefined
}

export function applicationNotFound(): DomainError {
  return new DomainError('APPLICATION_NOT_FOUND', 'No such application.')
}

/** The ETag of an application: its revision. */
export function applicationEtag(application: Pick<Application, 'revision'>): string {
  return `r${application.revision}`
}

function conflict(current: Application): DomainError {
  return new DomainError('APPLICATION_VERSION_CONFLICT', 'The application changed since you last read it.', {
    extra: { etag: applicationEtag(current) },
  })
}

const EARLIEST = Date.UTC(1970, 0, 1)
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

/** One line of text: trimmed, inner whitespace runs as one space; empty is absent. */
const line = (value: string | null | undefined) => (value?.trim() ? value.trim().replace(/\s+/g, ' ') : undefined)
/** Free text: kept as written unless it is only whitespace. */
const text = (value: string | null | undefined) => (value?.trim() ? value : undefined)

/** Checks and converts one request into field values, collecting every problem before throwing. */
class Checker {
  readonly errors: FieldError[] = []

  instant(value: string | null | undefined, pointer: string): Date | undefined {
    if (value === null || value === undefined) return undefined
    const at = new Date(value)
    if (Number.isNaN(at.getTime()) || at.getTime() < EARLIEST || at.getTime() > LATEST) {
      this.errors.push({ pointer, message: 'must be a date-time between 1970 and 9999' })
      return undefined
    }
    return at
  }

  fail(pointer: string, message: string): void {
    this.errors.push({ pointer, message })
  }

  throwIfAny(): void {
    if (this.errors.length === 0) return
    throw new DomainError('VALIDATION_FAILED', 'The application is not valid.', { errors: this.errors })
  }
}

function contactsOf(input: ApplicationFields['contacts'], check: Checker): Contact[] | undefined {
  if (input === undefined) return undefined
  return input.map((contact, index) => {
    const name = line(contact.name)
    if (!name) check.fail(`/body/contacts/${index}/name`, 'must contain text')
    return {
      name: name ?? '',
      role: line(contact.role),
      email: line(contact.email),
      phone: line(contact.phone),
      notes: text(contact.notes),
    }
  })
}

function salaryOf(input: ApplicationFields['salary'], check: Checker): SalaryRange | undefined {
  if (!input) return undefined
  if (input.min !== undefined && input.max !== undefined && input.min > input.max) {
    check.fail('/body/salary/max', 'must not be less than min')
  }
  return { min: input.min, max: input.max, currency: input.currency.toUpperCase(), period: input.period }
}

/** Keeps the newest entries when a history grows past its bound. */
function bounded(history: readonly StatusChange[]): StatusChange[] {
  return history.slice(-APPLICATION_HISTORY_MAX_ENTRIES)
}

export function createApplicationService({ applications, jobs, resumes, clock, ids, quota }: ApplicationServiceDeps) {
  async function get(ownerId: string, id: string): Promise<Application> {
    const application = await applications.findById(ownerId, id)
    if (!application) throw applicationNotFound()
    return application
  }

  /** 404 for a job, resume or version the owner does not have. */
  async function assertReferences(
    ownerId: string,
    refs: { jobId?: string | undefined; resumeId?: string | undefined; resumeVersion?: number | undefined },
  ) {
    const job = refs.jobId === undefined ? undefined : await jobs.findById(ownerId, refs.jobId)
    if (refs.jobId !== undefined && !job) throw jobNotFound()
    if (refs.resumeId !== undefined && !(await resumes.find(ownerId, refs.resumeId))) throw resumeNotFound()
    if (refs.resumeId !== undefined && refs.resumeVersion !== undefined) {
      if (!(await resumes.findVersion(ownerId, refs.resumeId, refs.resumeVersion))) {
        throw new DomainError('VERSION_NOT_FOUND', `The resume has no version ${refs.resumeVersion}.`)
      }
    }
    return job
  }

  async function list(ownerId: string, options: ApplicationListOptions = {}, maxLimit = APPLICATION_LIST_MAX_LIMIT) {
    const sort = options.sort ?? 'updated'
    const limit = Math.min(Math.max(options.limit ?? APPLICATION_LIST_DEFAULT_LIMIT, 1), maxLimit)
    const after = options.cursor ? decodeApplicationCursor(options.cursor, sort) : undefined
    const q = line(options.q)?.toLowerCase()
    const page = await applications.list(ownerId, {
      statuses: options.statuses,
      q,
      deadlineBefore: options.deadlineBefore,
      sort,
      after,
      limit: limit + 1,
    })
    const items = page.slice(0, limit)
    const last = items.at(-1)
    return { items, nextCursor: page.length > limit && last ? encodeApplicationCursor(last, sort) : undefined }
  }

  return {
    async create(ownerId: string, input: ApplicationFields): Promise<Application> {
      const check = new Checker()
      const appliedAt = check.instant(input.appliedAt, '/body/appliedAt')
      const deadline = check.instant(input.deadline, '/body/deadline')
      const nextStepAt = check.instant(input.nextStep?.at, '/body/nextStep/at')
      const contacts = contactsOf(input.contacts, check) ?? []
      const salary = salaryOf(input.salary, check)
      if (input.resumeVersion != null && input.resumeId == null) {
        check.fail('/body/resumeVersion', 'needs a resumeId')
      }
      let company = line(input.company)
      let title = line(input.title)
      if (input.jobId == null) {
        if (!company) check.fail('/body/company', 'is required without a jobId')
        if (!title) check.fail('/body/title', 'is required without a jobId')
      }
      check.throwIfAny()

      const job = await assertReferences(ownerId, {
        jobId: input.jobId ?? undefined,
        resumeId: input.resumeId ?? undefined,
        resumeVersion: input.resumeVersion ?? undefined,
      })
      company ??= line(job?.company)
      title ??= line(job?.title)
      if (!company) check.fail('/body/company', 'is required: the saved job names no company')
      if (!title) check.fail('/body/title', 'is required: the saved job names no title')
      check.throwIfAny()

      const now = clock.now()
      const status = input.status ?? 'saved'
      return applications.create(
        {
          id: ids.uuid(),
          ownerId,
          jobId: input.jobId ?? undefined,
          url: line(input.url) ?? (input.url === undefined ? job?.url : undefined),
          company: company as string,
          title: title as string,
          resumeId: input.resumeId ?? undefined,
          resumeVersion: input.resumeVersion ?? undefined,
          status,
          history: [{ from: undefined, to: status, at: now, note: text(input.statusNote) }],
          appliedAt: appliedAt ?? (status === 'applied' ? now : undefined),
          deadline,
          nextStep: nextStepAt && { at: nextStepAt, note: text(input.nextStep?.note) },
          contacts,
          notes: text(input.notes),
          salary,
          location: line(input.location),
          remote: input.remote ?? undefined,
          revision: 1,
          createdAt: now,
          updatedAt: now,
        },
        quota,
      )
    },

    /** The owner's application; throws APPLICATION_NOT_FOUND (also for another user's). */
    get,

    /** A page of the owner's applications, filtered and sorted; `nextCursor` continues the same sort. */
    list: (ownerId: string, options: ApplicationListOptions = {}) => list(ownerId, options),

    /** Every application the list would page through (up to APPLICATION_EXPORT_MAX_ROWS), as CSV text. */
    async exportCsv(ownerId: string, options: Omit<ApplicationListOptions, 'cursor' | 'limit'> = {}): Promise<string> {
      const { items } = await list(
        ownerId,
        { ...options, limit: APPLICATION_EXPORT_MAX_ROWS },
        APPLICATION_EXPORT_MAX_ROWS,
      )
      return applicationsCsv(items)
    },

    /**
     * Applies the given fields (`null` clears an optional one) when `condition` matches the current ETag:
     * PRECONDITION_REQUIRED without one, APPLICATION_VERSION_CONFLICT (with the current `etag`) when stale. A new
     * status appends { from, to, at, note } to the history; moving to `applied` sets appliedAt when it is unset.
     */
    async update(
      ownerId: string,
      id: string,
      condition: EtagCondition | undefined,
      input: ApplicationFields,
    ): Promise<Application> {
      if (condition === undefined) {
        throw new DomainError('PRECONDITION_REQUIRED', 'Send If-Match with the ETag of the application you read.')
      }
      const current = await get(ownerId, id)
      if (condition !== '*' && !condition.includes(applicationEtag(current))) throw conflict(current)

      const check = new Checker()
      const has = (key: keyof ApplicationFields) => input[key] !== undefined
      const appliedAt = check.instant(input.appliedAt, '/body/appliedAt')
      const deadline = check.instant(input.deadline, '/body/deadline')
      const nextStepAt = check.instant(input.nextStep?.at, '/body/nextStep/at')
      const contacts = contactsOf(input.contacts, check)
      const salary = has('salary') ? salaryOf(input.salary, check) : current.salary
      const company = has('company') ? line(input.company) : current.company
      const title = has('title') ? line(input.title) : current.title
      if (!company) check.fail('/body/company', 'must contain text')
      if (!title) check.fail('/body/title', 'must contain text')
      const resumeId = has('resumeId') ? (input.resumeId ?? undefined) : current.resumeId
      const resumeVersion =
        has('resumeVersion') || input.resumeId === null ? (input.resumeVersion ?? undefined) : current.resumeVersion
      if (resumeVersion !== undefined && resumeId === undefined) check.fail('/body/resumeVersion', 'needs a resumeId')
      check.throwIfAny()

      const jobId = has('jobId') ? (input.jobId ?? undefined) : current.jobId
      await assertReferences(ownerId, {
        jobId: input.jobId ?? undefined,
        resumeId: has('resumeId') || has('resumeVersion') ? resumeId : undefined,
        resumeVersion: has('resumeId') || has('resumeVersion') ? resumeVersion : undefined,
      })

      const now = clock.now()
      const status = input.status ?? current.status
      const moved = status !== current.status
      const history = moved
        ? bounded([...current.history, { from: current.status, to: status, at: now, note: text(input.statusNote) }])
        : current.history
      const next: Application = {
        ...current,
        jobId,
        url: has('url') ? line(input.url) : current.url,
        company: company as string,
        title: title as string,
        resumeId,
        resumeVersion,
        status,
        history,
        appliedAt: has('appliedAt')
          ? appliedAt
          : (current.appliedAt ?? (moved && status === 'applied' ? now : undefined)),
        deadline: has('deadline') ? deadline : current.deadline,
        nextStep: has('nextStep')
          ? nextStepAt && { at: nextStepAt, note: text(input.nextStep?.note) }
          : current.nextStep,
        contacts: contacts ?? current.contacts,
        notes: has('notes') ? text(input.notes) : current.notes,
        salary,
        location: has('location') ? line(input.location) : current.location,
        remote: has('remote') ? (input.remote ?? undefined) : current.remote,
        revision: current.revision + 1,
        updatedAt: now,
      }
      const stored = await applications.update(next, current.revision)
      if (stored) return stored
      const latest = await applications.findById(ownerId, id)
      throw latest ? conflict(latest) : applicationNotFound()
    },

    async delete(ownerId: string, id: string): Promise<void> {
      if (!(await applications.delete(ownerId, id))) throw applicationNotFound()
    },
  }
}

export type ApplicationService = ReturnType<typeof createApplicationService>
