import { DomainError } from '../errors.js'
import type { EventBus } from '../events.js'
import type { JobAnalysis } from '../intelligence/analysis/analysis.types.js'
import type { Clock, IdGenerator } from '../ports.js'
import type { Quotas } from '../usage/usage.types.js'
import { createInlineWork, type HeavyWork } from '../work/heavy-work.js'
import type { JobRepository } from './job.ports.js'
import { JOB_LIST_DEFAULT_LIMIT, JOB_LIST_MAX_LIMIT, type Job, type JobCursor, type NewJobInput } from './job.types.js'

export interface JobServiceDeps {
  readonly jobs: JobRepository
  readonly clock: Clock
  readonly ids: IdGenerator
  readonly events?: EventBus
  /** Where postings are analysed (the worker pool); default: in process, for unit tests. */
  readonly work?: HeavyWork
  /** The quotas a new job is held to (`jobs`, `storageBytes`). */
  readonly quotas: Quotas
}

export function jobNotFound(): DomainError {
  return new DomainError('JOB_NOT_FOUND', 'No such job posting.')
}

function encodeCursor(cursor: JobCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, 'utf8').toString('base64url')
}

function decodeCursor(value: string): JobCursor {
  const [at, id] = Buffer.from(value, 'base64url').toString('utf8').split('|')
  const createdAt = new Date(at ?? '')
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new DomainError('VALIDATION_FAILED', 'The cursor is not valid.', {
      errors: [{ pointer: '/querystring/cursor', message: 'is not a cursor this service issued' }],
    })
  }
  return { createdAt, id }
}

const clean = (value: string | undefined) => (value?.trim() ? value.trim().replace(/\s+/g, ' ') : undefined)

export function createJobService({ jobs, clock, ids, events, work = createInlineWork(), quotas }: JobServiceDeps) {
  async function get(ownerId: string, id: string): Promise<Job> {
    const job = await jobs.findById(ownerId, id)
    if (!job) throw jobNotFound()
    return job
  }

  return {
    async create(ownerId: string, input: NewJobInput): Promise<Job> {
      if (!input.description.trim()) {
        throw new DomainError('VALIDATION_FAILED', 'The description is empty.', {
          errors: [{ pointer: '/body/description', message: 'must contain text' }],
        })
      }
      return jobs.create(
        {
          id: ids.uuid(),
          ownerId,
          title: clean(input.title),
          company: clean(input.company),
          url: clean(input.url),
          description: input.description,
          createdAt: clock.now(),
        },
        quotas,
      )
    },

    /** The owner's job; throws JOB_NOT_FOUND (also for another user's job). */
    get,

    async list(
      ownerId: string,
      options: { cursor?: string | undefined; limit?: number | undefined } = {},
    ): Promise<{ items: Job[]; nextCursor: string | undefined }> {
      const limit = Math.min(Math.max(options.limit ?? JOB_LIST_DEFAULT_LIMIT, 1), JOB_LIST_MAX_LIMIT)
      const after = options.cursor ? decodeCursor(options.cursor) : undefined
      const page = await jobs.list(ownerId, { after, limit: limit + 1 })
      const items = page.slice(0, limit)
      const last = items.at(-1)
      return { items, nextCursor: page.length > limit && last ? encodeCursor(last) : undefined }
    },

    async delete(ownerId: string, id: string): Promise<void> {
      if (!(await jobs.delete(ownerId, id))) throw jobNotFound()
      events?.emit({ name: 'JOB_DELETED', userId: ownerId })
    },

    /** The deterministic analysis of the owner's job posting. */
    async analysis(ownerId: string, id: string): Promise<JobAnalysis> {
      const { title, company, description } = await get(ownerId, id)
      return work.run('analyzeJob', { title, company, description })
    },
  }
}

export type JobService = ReturnType<typeof createJobService>
