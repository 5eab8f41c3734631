import { createHash } from 'node:crypto'
import type { CacheService } from '../../cache/cache.service.js'
import { DomainError } from '../../errors.js'
import type { JobService } from '../../jobs/job.service.js'
import type { Clock } from '../../ports.js'
import type { DraftService } from '../../resumes/draft.service.js'
import { TITLE_MAX_LENGTH } from '../../resumes/resume.limits.js'
import type { ResumeService } from '../../resumes/resume.service.js'
import type { Resume } from '../../resumes/resume.types.js'
import type { VersionService } from '../../resumes/version.service.js'
import { createInlineWork, type HeavyWork } from '../../work/heavy-work.js'
import type { JobAnalysis } from '../analysis/analysis.types.js'
import type { Suggestion } from '../suggestions/suggestions.js'
import type { TailoringChange } from '../tailoring/tailor.js'
import type { AtsReport } from './ats.types.js'

export interface IntelligenceServiceDeps {
  readonly jobs: JobService
  readonly resumes: ResumeService
  readonly drafts: DraftService
  readonly versions: VersionService
  readonly clock: Clock
  /** Read-through cache for reports and suggestions (ATS_SCORE, AI_SUGGESTIONS); none → computed every time. */
  readonly cache?: Pick<CacheService, 'read'>
  /** Where analysis, scoring and tailoring run (the worker pool); default: in process, for unit tests. */
  readonly work?: HeavyWork
}

/** Which posting to compare against: a saved job, or text given inline. */
export interface PostingRef {
  readonly jobId?: string | undefined
  readonly description?: string | undefined
}

/** What was scored: a committed version, or the working draft (the head version when no draft is saved). */
export interface ResumeSource {
  readonly version: number | undefined
  readonly draft: boolean
  readonly baseVersion: number
}

/** Names a posting in a cache key: the saved job, or a digest of the pasted text. */
function postingKey(posting: PostingRef): string {
  if (posting.jobId) return `job:${posting.jobId}`
  const text = posting.description?.trim() ?? ''
  return text ? `text:${createHash('sha256').update(text).digest('base64url')}` : 'none'
}

export function createIntelligenceService({
  jobs,
  resumes,
  drafts,
  versions,
  clock,
  cache,
  work = createInlineWork(),
}: IntelligenceServiceDeps) {
  const asOf = () => clock.now().toISOString().slice(0, 7)

  async function analysisOf(ownerId: string, posting: PostingRef, required: boolean): Promise<JobAnalysis> {
    if (posting.jobId) return jobs.analysis(ownerId, posting.jobId)
    if (posting.description?.trim()) return work.run('analyzeJob', { description: posting.description })
    if (!required) return work.run('analyzeJob', { description: '' })
    throw new DomainError('VALIDATION_FAILED', 'Give a jobId or a description.', {
      errors: [{ pointer: '/body/jobId', message: 'a jobId or a description is required' }],
    })
  }

  async function contentOf(
    ownerId: string,
    resumeId: string,
    version: number | undefined,
  ): Promise<{ content: Record<string, unknown>; source: ResumeSource; contentKey: string }> {
    if (version !== undefined) {
      const found = await versions.get(ownerId, resumeId, version)
      return {
        content: found.content,
        source: { version, draft: false, baseVersion: version },
        contentKey: `v${version}`,
      }
    }
    const working = await drafts.get(ownerId, resumeId)
    return {
      // The ETag changes with every save and commit: a cached report can never describe older content.
      contentKey: working.etag,
      content: working.content,
      source: {
        version: working.saved ? undefined : working.baseVersion,
        draft: working.saved,
        baseVersion: working.baseVersion,
      },
    }
  }

  return {
    /** The ATS report of the working draft (or of `version`) against a saved job or a pasted description. */
    async atsReport(
      ownerId: string,
      resumeId: string,
      input: PostingRef & { version?: number | undefined },
    ): Promise<AtsReport & { source: ResumeSource }> {
      const working = await contentOf(ownerId, resumeId, input.version)
      const month = asOf()
      const compute = async () => {
        const analysis = await analysisOf(ownerId, input, true)
        const report = await work.run('atsReport', { content: working.content, analysis, asOf: month })
        return { ...report, source: working.source }
      }
      if (!cache) return compute()
      const key = `${resumeId}:${working.contentKey}:${postingKey(input)}:${month}`
      return cache.read('ATS_SCORE', { userId: ownerId, resumeId }, key, compute)
    },

    /** Suggestions for the working draft, with score impact; without a posting only the parseability ones. */
    async suggestions(ownerId: string, resumeId: string, input: PostingRef): Promise<{ items: Suggestion[] }> {
      const working = await contentOf(ownerId, resumeId, undefined)
      const month = asOf()
      const compute = async () => {
        const analysis = await analysisOf(ownerId, input, false)
        return { items: await work.run('suggest', { content: working.content, analysis, asOf: month }) }
      }
      if (!cache) return compute()
      const key = `${resumeId}:${working.contentKey}:${postingKey(input)}:${month}`
      return cache.read('AI_SUGGESTIONS', { userId: ownerId, resumeId }, key, compute)
    },

    /**
     * Creates a tailored resume from the head version of `resumeId` for a saved job (pasted text is saved as a job
     * first, so lineage can name it): lineage points at the base version and the job; the working draft holds the
     * tailored content (nothing invented).
     */
    async tailor(
      ownerId: string,
      resumeId: string,
      posting: PostingRef,
    ): Promise<{ resume: Resume; draftEtag: string; changes: readonly TailoringChange[] }> {
      const base = await resumes.get(ownerId, resumeId)
      let jobId = posting.jobId
      if (!jobId) {
        if (!posting.description?.trim()) await analysisOf(ownerId, posting, true)
        jobId = (await jobs.create(ownerId, { description: posting.description ?? '' })).id
      }
      const [job, analysis] = await Promise.all([jobs.get(ownerId, jobId), jobs.analysis(ownerId, jobId)])
      const tailored = await work.run('tailor', { content: base.content, analysis })
      const target = job.title ?? analysis.title ?? job.company ?? 'job posting'
      // The resume and its tailored draft in one write: a resume refused by a quota leaves nothing behind.
      const created = await resumes.create(ownerId, {
        title: `${base.title} — ${target}`.slice(0, TITLE_MAX_LENGTH),
        templateId: base.templateId,
        tags: base.tags,
        tailoredFrom: { resumeId, version: base.headVersion, jobId },
        draft: tailored.content,
      })
      const draft = await drafts.get(ownerId, created.id)
      const { content: _content, ...resume } = created
      return { resume: { ...resume, hasDraft: true }, draftEtag: draft.etag, changes: tailored.changes }
    },
  }
}

export type IntelligenceService = ReturnType<typeof createIntelligenceService>
