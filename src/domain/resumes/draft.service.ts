import { DomainError, type FieldError } from '../errors.js'
import type { EventBus } from '../events.js'
import type { Clock, IdGenerator } from '../ports.js'
import type { Quotas } from '../usage/usage.types.js'
import { jsonResumeProblems } from './json-resume.js'
import { draftConflict, resumeNotFound } from './resume.errors.js'
import { assertContentSize, type ResumeLimits } from './resume.limits.js'
import type { ResumeRepository } from './resume.ports.js'
import { type EtagCondition, etagMatches, headEtag, type ResumeContent, type ResumeVersion } from './resume.types.js'

export interface DraftServiceDeps {
  resumes: ResumeRepository
  clock: Clock
  ids: IdGenerator
  events: EventBus
  limits: ResumeLimits
  /** What one user may store (`storageBytes`, `versionsPerResume`); the settings' defaults when not given. */
  quotas: Quotas
}

/** The working copy of a resume: its draft, or its head version when it has none. */
export interface DraftView {
  readonly resumeId: string
  readonly content: ResumeContent
  readonly etag: string
  /** False when this is the head version's content (no draft saved). */
  readonly saved: boolean
  readonly baseVersion: number
  /** Whether the content is a valid JSON Resume; a draft may be saved invalid but not committed. */
  readonly valid: boolean
  /** Problems as JSON Pointers into the draft (`/content/basics/email`). */
  readonly errors: readonly FieldError[]
  readonly updatedAt: Date
}

const DRAFT_POINTER = '/content'

export function createDraftService({ resumes, clock, ids, events, limits, quotas }: DraftServiceDeps) {
  const view = (
    resumeId: string,
    d: { content: ResumeContent; etag: string; baseVersion: number; updatedAt: Date },
    saved: boolean,
  ): DraftView => {
    const errors = jsonResumeProblems(d.content, DRAFT_POINTER)
    return { resumeId, ...d, saved, valid: errors.length === 0, errors }
  }

  return {
    /** The draft, or the head version's content with the head's ETag. */
    async get(ownerId: string, id: string): Promise<DraftView> {
      const draft = await resumes.findDraft(ownerId, id)
      if (draft) return view(id, draft, true)
      const resume = await resumes.find(ownerId, id)
      if (!resume) throw resumeNotFound()
      const head = { content: resume.content, etag: headEtag(resume.headVersion), baseVersion: resume.headVersion }
      return view(id, { ...head, updatedAt: resume.updatedAt }, false)
    },

    /**
     * Autosave: stores the content if `condition` (If-Match) matches the current ETag. Incomplete or invalid
     * JSON Resume is stored and reported; only the size limit refuses it.
     */
    async save(
      ownerId: string,
      id: string,
      condition: EtagCondition | undefined,
      content: ResumeContent,
    ): Promise<DraftView> {
      if (condition === undefined) {
        throw new DomainError('PRECONDITION_REQUIRED', 'Send If-Match with the ETag you last read (GET the draft).')
      }
      assertContentSize(content, limits, '/body/content')
      const draft = await resumes.saveDraft(
        ownerId,
        id,
        condition,
        { content, etag: `d-${ids.uuid()}`, at: clock.now() },
        quotas,
      )
      events.emit({ name: 'DRAFT_SAVED', resumeId: id, userId: ownerId })
      return view(id, draft, true)
    },

    /** Discards the draft; the head version becomes the working copy again. */
    async discard(ownerId: string, id: string, condition: EtagCondition | undefined): Promise<void> {
      if (!(await resumes.deleteDraft(ownerId, id, condition))) {
        throw new DomainError('DRAFT_NOT_FOUND', 'This resume has no draft.')
      }
      events.emit({ name: 'DRAFT_SAVED', resumeId: id, userId: ownerId })
    },

    /** Turns the draft into the next version; refuses an invalid draft, or one changed since `condition`. */
    async commit(
      ownerId: string,
      id: string,
      message: string | undefined,
      condition: EtagCondition | undefined,
    ): Promise<ResumeVersion> {
      const draft = await resumes.findDraft(ownerId, id)
      if (!draft) {
        if (!(await resumes.find(ownerId, id))) throw resumeNotFound()
        throw new DomainError('DRAFT_NOT_FOUND', 'This resume has no draft to commit.')
      }
      if (condition !== undefined && !etagMatches(condition, draft.etag)) throw draftConflict(draft.etag)
      const errors = jsonResumeProblems(draft.content, DRAFT_POINTER)
      if (errors.length > 0) {
        throw new DomainError('DRAFT_INVALID', 'The draft is not a valid JSON Resume yet; fix it before committing.', {
          errors,
        })
      }
      const version = await resumes.commitDraft(
        ownerId,
        id,
        draft.etag,
        { message: message ?? 'Committed draft', at: clock.now() },
        quotas,
      )
      events.emit({ name: 'DRAFT_COMMITTED', resumeId: id, userId: ownerId })
      return version
    },
  }
}

export type DraftService = ReturnType<typeof createDraftService>
