import { DomainError } from '../errors.js'
import type { EventBus } from '../events.js'
import type { JobRepository } from '../jobs/job.ports.js'
import type { Clock, IdGenerator } from '../ports.js'
import { SAMPLE_RESUME } from '../templates/sample-resume.js'
import type { Quotas } from '../usage/usage.types.js'
import { decodeCursor, encodeCursor, invalidCursor } from './cursor.js'
import { resumeNotFound, resumeNotInTrash } from './resume.errors.js'
import {
  assertContentSize,
  assertValidContent,
  DEFAULT_TEMPLATE_ID,
  normalizeTags,
  type ResumeLimits,
  TITLE_MAX_LENGTH,
} from './resume.limits.js'
import type { ResumeRepository } from './resume.ports.js'
import type { Page, Resume, ResumeContent, ResumeWithContent } from './resume.types.js'
import {
  applyDesignChanges,
  assertValidDesign,
  type DesignChanges,
  normalizeDesignChanges,
  type PageSize,
} from './resume-design.js'
import { searchWords } from './resume-search.js'

export interface ResumeServiceDeps {
  resumes: ResumeRepository
  /** Checks that `tailoredFrom.jobId` is one of the owner's saved jobs. */
  jobs: Pick<JobRepository, 'findById'>
  clock: Clock
  ids: IdGenerator
  events: EventBus
  limits: ResumeLimits
  /** What one user may store (`resumes`, `versionsPerResume`, `storageBytes`); the settings' defaults when not given. */
  quotas: Quotas
  /** The page size the owner chose in their settings, given to a new resume that names none (else Letter). */
  pageSizeOf?: (ownerId: string) => Promise<PageSize | undefined>
}

/** A design given with a resume: its options, and `template` as another name for `templateId`. */
export type DesignInput = DesignChanges & { readonly template?: string }

/** The tag a resume started from the sample carries. */
export const SAMPLE_TAG = 'sample'

/** A create from the sample: the sample's content, a title saying so, the sample tag with the caller's tags. */
function sampleInput(input: CreateResumeInput): CreateResumeInput {
  const conflicts = (['content', 'tailoredFrom', 'draft'] as const).filter((field) => input[field] !== undefined)
  if (conflicts.length > 0) {
    throw new DomainError('VALIDATION_FAILED', 'A resume starts from the sample or from given content, not both.', {
      errors: conflicts.map((field) => ({ pointer: `/body/${field}`, message: 'must be left out with sample' })),
    })
  }
  return {
    ...input,
    title: input.title ?? 'Sample resume (fictional person)',
    tags: [SAMPLE_TAG, ...(input.tags ?? []).filter((tag) => tag !== SAMPLE_TAG)],
    content: structuredClone(SAMPLE_RESUME) as ResumeContent,
  }
}

export interface CreateResumeInput {
  title?: string
  templateId?: string
  /** Options left out are the template's (a tailored copy's are its base's); the page size defaults to the owner's. */
  design?: DesignInput
  tags?: readonly string[]
  /** Required unless tailoredFrom is given (then it defaults to the base version's content). */
  content?: ResumeContent
  tailoredFrom?: { resumeId: string; version: number; jobId: string }
  /**
   * Start from the fictional sample resume (a first run's "Start from a sample"): its content, a title that says it
   * is a sample, and the `sample` tag, so it is never taken for the user's own data. Not with content or tailoredFrom.
   */
  sample?: boolean
  /**
   * A working draft stored with the resume in one transaction, so a resume and its draft (an import, a tailored
   * copy) are stored together or, over a quota, not at all. Saved even when not yet valid JSON Resume, like autosave.
   */
  draft?: ResumeContent
}

export interface UpdateResumeInput {
  title?: string
  templateId?: string
  /** Given options replace the stored ones; `null` resets one to the template's choice. */
  design?: DesignInput
  tags?: readonly string[]
  /** New content: committed directly as a new version. */
  content?: ResumeContent
  message?: string
}

const DAY_MS = 24 * 3600 * 1000
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The template a request names through `templateId` or `design.template` (VALIDATION_FAILED when they differ). */
function templateOf(input: { templateId?: string; design?: DesignInput }): string | undefined {
  const fromDesign = input.design?.template
  if (fromDesign !== undefined && input.templateId !== undefined && fromDesign !== input.templateId) {
    throw new DomainError('VALIDATION_FAILED', 'templateId and design.template name different templates.', {
      errors: [{ pointer: '/body/design/template', message: 'must equal templateId when both are given' }],
    })
  }
  return fromDesign ?? input.templateId
}

/** The design options of an input (without `template`), checked. */
function designChangesOf(design: DesignInput | undefined): DesignChanges | undefined {
  if (design === undefined) return undefined
  const { template: _template, ...changes } = design
  assertValidDesign(changes, '/body/design')
  return changes
}

export function createResumeService({
  resumes,
  jobs,
  clock,
  ids,
  events,
  limits,
  quotas,
  pageSizeOf,
}: ResumeServiceDeps) {
  const trashCutoff = () => new Date(clock.now().getTime() - limits.trashRetentionDays * DAY_MS)

  async function baseOf(ownerId: string, from: NonNullable<CreateResumeInput['tailoredFrom']>) {
    const base = await resumes.find(ownerId, from.resumeId)
    if (!base) {
      throw new DomainError('RESUME_NOT_FOUND', 'The base resume does not exist.', {
        errors: [{ pointer: '/body/tailoredFrom/resumeId', message: 'is not one of your resumes' }],
      })
    }
    const version = await resumes.findVersion(ownerId, from.resumeId, from.version)
    if (!version) {
      throw new DomainError('VERSION_NOT_FOUND', 'The base resume has no such version.', {
        errors: [{ pointer: '/body/tailoredFrom/version', message: `must be from 1 to ${base.headVersion}` }],
      })
    }
    // Another user's job is reported like a missing one.
    if (!UUID.test(from.jobId) || !(await jobs.findById(ownerId, from.jobId))) {
      throw new DomainError('JOB_NOT_FOUND', 'The job posting does not exist.', {
        errors: [{ pointer: '/body/tailoredFrom/jobId', message: 'is not one of your saved jobs' }],
      })
    }
    return { base, version }
  }

  return {
    async create(ownerId: string, request: CreateResumeInput): Promise<ResumeWithContent> {
      const input = request.sample ? sampleInput(request) : request
      const lineage = input.tailoredFrom && (await baseOf(ownerId, input.tailoredFrom))
      const content = input.content ?? lineage?.version.content
      if (content === undefined) {
        throw new DomainError('VALIDATION_FAILED', 'A resume needs content.', {
          errors: [{ pointer: '/body/content', message: 'is required unless tailoredFrom is given' }],
        })
      }
      assertValidContent(content, limits, '/body/content')
      if (input.draft !== undefined) assertContentSize(input.draft, limits, '/body/draft')
      const templateId = templateOf(input)
      const changes = designChangesOf(input.design) ?? {}
      let design = applyDesignChanges(lineage?.base.design ?? {}, changes)
      if (design.pageSize === undefined) design = { ...design, pageSize: (await pageSizeOf?.(ownerId)) ?? 'letter' }
      const title =
        input.title ?? (lineage ? `${lineage.base.title} (tailored)`.slice(0, TITLE_MAX_LENGTH) : 'Untitled resume')
      const created = await resumes.create(
        {
          id: ids.uuid(),
          ownerId,
          title,
          templateId: templateId ?? lineage?.base.templateId ?? DEFAULT_TEMPLATE_ID,
          design,
          tags: normalizeTags(input.tags ?? []),
          content,
          message: lineage
            ? `Tailored from version ${lineage.version.number}`
            : request.sample
              ? 'Created from the sample'
              : 'Created',
          tailoredFrom: input.tailoredFrom,
          ...(input.draft !== undefined && { draft: { content: input.draft, etag: `d-${ids.uuid()}` } }),
          at: clock.now(),
        },
        quotas,
      )
      events.emit({ name: 'RESUME_UPDATED', resumeId: created.id, userId: ownerId })
      if (input.draft !== undefined) events.emit({ name: 'DRAFT_SAVED', resumeId: created.id, userId: ownerId })
      if (input.tailoredFrom) {
        events.emit({ name: 'TAILORED_CREATED', resumeId: input.tailoredFrom.resumeId, userId: ownerId })
      }
      return created
    },

    /** The live resume with its head content; RESUME_NOT_FOUND otherwise. */
    async get(ownerId: string, id: string): Promise<ResumeWithContent> {
      const resume = await resumes.find(ownerId, id)
      if (!resume) throw resumeNotFound()
      return resume
    },

    async list(
      ownerId: string,
      query: { tag?: string; q?: string; trashed?: boolean; limit: number; cursor?: string },
    ): Promise<Page<Resume>> {
      let after: { createdAt: Date; id: string } | undefined
      if (query.cursor !== undefined) {
        const { c, i } = decodeCursor(query.cursor)
        const createdAt = new Date(typeof c === 'string' ? c : Number.NaN)
        if (typeof i !== 'string' || !UUID.test(i) || Number.isNaN(createdAt.getTime())) throw invalidCursor()
        after = { createdAt, id: i }
      }
      const search = searchWords(query.q)
      const rows = await resumes.list(ownerId, {
        ...(query.tag !== undefined && { tag: query.tag }),
        ...(search.length > 0 && { search }),
        trashed: query.trashed ?? false,
        limit: query.limit + 1,
        ...(after && { after }),
      })
      const items = rows.slice(0, query.limit)
      const last = items.at(-1)
      const nextCursor =
        rows.length > query.limit && last ? encodeCursor({ c: last.createdAt.toISOString(), i: last.id }) : undefined
      return { items, nextCursor }
    },

    /** Changes metadata; new content becomes a new version in the same transaction. */
    async update(ownerId: string, id: string, input: UpdateResumeInput): Promise<ResumeWithContent> {
      if (input.content !== undefined) assertValidContent(input.content, limits, '/body/content')
      const templateId = templateOf(input)
      const changes = designChangesOf(input.design)
      const at = clock.now()
      const updated = await resumes.update(
        ownerId,
        id,
        {
          ...(input.title !== undefined && { title: input.title }),
          ...(templateId !== undefined && { templateId }),
          ...(changes !== undefined && { design: normalizeDesignChanges(changes) }),
          ...(input.tags !== undefined && { tags: normalizeTags(input.tags) }),
        },
        at,
        input.content === undefined
          ? undefined
          : { content: input.content, message: input.message ?? 'Edited', restoredFrom: undefined, at },
        quotas,
      )
      if (!updated) throw resumeNotFound()
      events.emit({ name: 'RESUME_UPDATED', resumeId: id, userId: ownerId })
      return updated
    },

    /** Moves the resume to the trash, where it stays restorable for the retention period. */
    async remove(ownerId: string, id: string): Promise<void> {
      if (!(await resumes.trash(ownerId, id, clock.now()))) throw resumeNotFound()
      events.emit({ name: 'RESUME_DELETED', resumeId: id, userId: ownerId })
    },

    /** Brings a resume back from the trash; restoring a live resume returns it unchanged. */
    async restore(ownerId: string, id: string): Promise<ResumeWithContent> {
      const restored = await resumes.untrash(ownerId, id, trashCutoff(), clock.now())
      if (restored) {
        events.emit({ name: 'RESUME_UPDATED', resumeId: id, userId: ownerId })
        return restored
      }
      const live = await resumes.find(ownerId, id)
      if (!live) throw resumeNotFound()
      return live
    },

    /** Removes a trashed resume for good, with its versions and draft; RESUME_NOT_IN_TRASH for a live one. */
    async deleteForever(ownerId: string, id: string): Promise<void> {
      const [removed] = await resumes.deleteTrashed(ownerId, id)
      if (removed === undefined) throw (await resumes.find(ownerId, id)) ? resumeNotInTrash() : resumeNotFound()
      events.emit({ name: 'RESUME_DELETED', resumeId: removed, userId: ownerId })
    },

    /** Removes every resume in the owner's trash for good; returns how many. */
    async emptyTrash(ownerId: string): Promise<number> {
      const removed = await resumes.deleteTrashed(ownerId)
      for (const id of removed) events.emit({ name: 'RESUME_DELETED', resumeId: id, userId: ownerId })
      return removed.length
    },

    /** The live resumes tailored from a base resume. */
    async listTailored(ownerId: string, baseId: string): Promise<Resume[]> {
      if (!(await resumes.find(ownerId, baseId))) throw resumeNotFound()
      return resumes.listTailored(ownerId, baseId)
    },

    /** Removes for good every resume that has been in the trash longer than the retention period. */
    async purgeExpired(): Promise<number> {
      const purged = await resumes.purgeTrashed(trashCutoff())
      for (const { id, ownerId } of purged) events.emit({ name: 'RESUME_DELETED', resumeId: id, userId: ownerId })
      return purged.length
    },

    /** When a trashed resume is purged at the latest. */
    purgeAt(resume: Resume): Date | undefined {
      return resume.deletedAt && new Date(resume.deletedAt.getTime() + limits.trashRetentionDays * DAY_MS)
    },
  }
}

export type ResumeService = ReturnType<typeof createResumeService>
