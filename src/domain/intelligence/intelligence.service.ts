/**
 * RoleReady's intelligence in one service: a posting read once into an analysis (a saved job's, or pasted text's),
 * then the ATS report, suggestions, tailored copies and rewrites (by an LLM when one is configured and answering,
 * else by the deterministic engine) of a user's resume against it.
 */
import { createHash } from 'node:crypto'
import type { CacheService } from '../cache/cache.service.js'
import type { CacheNamespace } from '../cache/cache.types.js'
import { DomainError } from '../errors.js'
import type { JobService } from '../jobs/job.service.js'
import type { Clock } from '../ports.js'
import type { DraftService } from '../resumes/draft.service.js'
import { TITLE_MAX_LENGTH } from '../resumes/resume.limits.js'
import type { ResumeService } from '../resumes/resume.service.js'
import type { Resume } from '../resumes/resume.types.js'
import type { VersionService } from '../resumes/version.service.js'
import { createInlineWork, type HeavyWork } from '../work/heavy-work.js'
import type { LlmProvider } from './ai/ai.ports.js'
import {
  AI_SECTIONS,
  type AiDraft,
  type AiDraftInput,
  type FallbackReason,
  LlmFailure,
  type ProposedEdit,
} from './ai/ai.types.js'
import { draftData, draftInstructions, EDITS_SCHEMA, type EditsAnswer, proposalsOf } from './ai/ai-prompt.js'
import type { JobAnalysis } from './analysis/analysis.types.js'
import type { AtsReport } from './ats/ats.types.js'
import type { Suggestion } from './suggestions/suggestions.js'
import type { TailoringChange } from './tailoring/tailor.js'

export interface IntelligenceServiceDeps {
  readonly jobs: JobService
  readonly resumes: ResumeService
  readonly drafts: DraftService
  readonly versions: VersionService
  readonly clock: Clock
  /** None: every rewrite comes from the deterministic engine. */
  readonly llm?: LlmProvider | undefined
  /** Read-through cache (ATS_SCORE, AI_SUGGESTIONS, AI_DRAFT); none → computed every time. */
  readonly cache?: Pick<CacheService, 'read'> | undefined
  /** Where analysis, scoring, tailoring and edit checks run (the worker pool); default: in process, for unit tests. */
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

/** AI suggestions: bullets rewritten for the posting, as suggestions, and which engine wrote them. */
export interface AiSuggestions {
  readonly engine: AiDraft['engine']
  readonly model: string | undefined
  readonly fallbackReason: FallbackReason | undefined
  readonly items: Suggestion[]
}

/** How a caller lets a rewrite use the LLM. */
export interface LlmUse {
  /**
   * Called just before each call to the configured LLM: never when the built-in engine answers or a cached answer
   * serves. Throws to refuse the call (RATE_LIMITED), and the request fails with that error.
   */
  readonly admitLlmCall?: (() => Promise<void>) | undefined
}

/** A posting as every operation reads it: its cache key, its words and its analysis. */
interface Posting {
  readonly key: string
  readonly title: string | undefined
  readonly company: string | undefined
  readonly description: string
  readonly analysis: JobAnalysis
}

const NO_POSTING = () =>
  new DomainError('VALIDATION_FAILED', 'Give a jobId or a description.', {
    errors: [{ pointer: '/body/jobId', message: 'a jobId or a description is required' }],
  })

export function createIntelligenceService({
  jobs,
  resumes,
  drafts,
  versions,
  clock,
  llm,
  cache,
  work = createInlineWork(),
}: IntelligenceServiceDeps) {
  const asOf = () => clock.now().toISOString().slice(0, 7)

  /** The one way from a posting reference to its analysis. Without a posting: an empty one when `optional`. */
  async function postingOf(ownerId: string, ref: PostingRef, optional = false): Promise<Posting> {
    if (ref.jobId) {
      const [job, analysis] = await Promise.all([jobs.get(ownerId, ref.jobId), jobs.analysis(ownerId, ref.jobId)])
      return { key: `job:${job.id}`, title: job.title, company: job.company, description: job.description, analysis }
    }
    const description = ref.description?.trim() ?? ''
    if (!description && !optional) throw NO_POSTING()
    return {
      key: description ? `text:${createHash('sha256').update(description).digest('base64url')}` : 'none',
      title: undefined,
      company: undefined,
      description,
      analysis: await work.run('analyzeJob', { description }),
    }
  }

  async function contentOf(
    ownerId: string,
    resumeId: string,
    version: number | undefined,
  ): Promise<{ content: Record<string, unknown>; source: ResumeSource; contentKey: string; etag: string | undefined }> {
    if (version !== undefined) {
      const found = await versions.get(ownerId, resumeId, version)
      return {
        content: found.content,
        source: { version, draft: false, baseVersion: version },
        contentKey: `v${version}`,
        etag: undefined,
      }
    }
    const working = await drafts.get(ownerId, resumeId)
    return {
      // The ETag changes with every save and commit: a cached answer can never describe older content.
      contentKey: working.etag,
      etag: working.etag,
      content: working.content,
      source: {
        version: working.saved ? undefined : working.baseVersion,
        draft: working.saved,
        baseVersion: working.baseVersion,
      },
    }
  }

  /** Proposed edits to the working draft, checked; by the LLM when it answers, else by the deterministic engine. */
  async function rewrite(
    ownerId: string,
    resumeId: string,
    input: AiDraftInput,
    use: { namespace: CacheNamespace; operation: string } & LlmUse,
  ): Promise<AiDraft> {
    // The resume first: another user's resume is a 404 whatever the body says.
    const working = await drafts.get(ownerId, resumeId)
    const posting = await postingOf(ownerId, input)
    const sections = AI_SECTIONS.filter((s) => !input.sections || input.sections.includes(s))
    const month = asOf()
    const base = working.content

    const build = async (
      proposals: ProposedEdit[] | undefined,
      engine: Pick<AiDraft, 'engine' | 'model' | 'fallbackReason'>,
    ): Promise<AiDraft> => {
      const checked = await work.run('checkDraftEdits', {
        content: base,
        analysis: posting.analysis,
        asOf: month,
        proposals,
        sections,
        summaryMay: posting.analysis.title ?? '',
      })
      return { ...engine, sections, draftEtag: working.etag, baseVersion: working.baseVersion, ...checked }
    }
    // No proposals: the deterministic engine's edits, made where they are checked.
    const deterministic = (fallbackReason: FallbackReason) =>
      build(undefined, { engine: 'deterministic', model: undefined, fallbackReason })

    // A fallback answer is returned but not cached: the next request tries the LLM again.
    let fallback: AiDraft | undefined
    const compute = async (): Promise<AiDraft> => {
      if (!llm) return deterministic('not-configured')
      await use.admitLlmCall?.()
      try {
        const answer = await llm.generateJson<EditsAnswer>({
          operation: use.operation,
          instructions: draftInstructions(sections),
          data: draftData(base, posting, posting.analysis, sections),
          schemaName: 'resume_edits',
          schema: EDITS_SCHEMA,
        })
        return await build(proposalsOf(answer.value), { engine: 'llm', model: answer.model, fallbackReason: undefined })
      } catch (error) {
        if (!(error instanceof LlmFailure)) throw error
        fallback = await deterministic(error.reason)
        throw error
      }
    }
    if (!cache) return compute().catch((error) => (fallback ? fallback : Promise.reject(error)))
    const engineKey = llm ? `llm:${llm.model}` : 'deterministic'
    const key = `${resumeId}:${working.etag}:${posting.key}:${sections.join(',')}:${engineKey}:${month}`
    try {
      return await cache.read(use.namespace, { userId: ownerId, resumeId }, key, compute)
    } catch (error) {
      if (fallback) return fallback
      // A caller that waited on another's failed load (the cache runs one loader per key) falls back too.
      const failure = error instanceof LlmFailure ? error : (error as { cause?: unknown })?.cause
      if (failure instanceof LlmFailure) return deterministic(failure.reason)
      throw error
    }
  }

  /** The deterministic suggestions for the working draft, with score impact; without a posting, parseability only. */
  async function plainSuggestions(
    ownerId: string,
    resumeId: string,
    ref: PostingRef,
  ): Promise<{ items: Suggestion[] }> {
    const working = await contentOf(ownerId, resumeId, undefined)
    const month = asOf()
    const compute = async () => {
      const { analysis } = await postingOf(ownerId, ref, true)
      return { items: await work.run('suggest', { content: working.content, analysis, asOf: month }) }
    }
    if (!cache) return compute()
    const key = `${resumeId}:${working.contentKey}:${postingKeyOf(ref)}:${month}`
    return cache.read('AI_SUGGESTIONS', { userId: ownerId, resumeId }, key, compute)
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
        const { analysis } = await postingOf(ownerId, input)
        const report = await work.run('atsReport', { content: working.content, analysis, asOf: month })
        return { ...report, source: working.source }
      }
      if (!cache) return compute()
      const key = `${resumeId}:${working.contentKey}:${postingKeyOf(input)}:${month}`
      return cache.read('ATS_SCORE', { userId: ownerId, resumeId }, key, compute)
    },

    /**
     * The deterministic suggestions; with `ai`, also bullets rewritten for the posting (`ai.items`, checked like
     * drafts). Without `ai` the answer is exactly the deterministic one.
     */
    async suggestions(
      ownerId: string,
      resumeId: string,
      input: PostingRef & { ai?: boolean | undefined },
      llmUse: LlmUse = {},
    ): Promise<{ items: Suggestion[]; ai?: AiSuggestions }> {
      const { ai, ...ref } = input
      const plain = await plainSuggestions(ownerId, resumeId, ref)
      if (!ai) return plain
      const rewrites = await rewrite(
        ownerId,
        resumeId,
        { ...ref, sections: ['highlights'] },
        { namespace: 'AI_SUGGESTIONS', operation: 'ai-suggestions', ...llmUse },
      )
      const items = rewrites.edits.map(
        (edit): Suggestion => ({
          code: rewrites.engine === 'llm' ? 'AI_REWRITE_BULLET' : 'REORDER_HIGHLIGHTS',
          pointer: edit.patch.at(-1)?.path ?? '/work',
          message: edit.reason,
          patch: edit.patch,
          scoreDelta: edit.scoreDelta,
          needsConfirmation: false,
        }),
      )
      return {
        ...plain,
        ai: { engine: rewrites.engine, model: rewrites.model, fallbackReason: rewrites.fallbackReason, items },
      }
    },

    /**
     * Proposed edits to the working draft for a posting, as checked JSON Patch with a reason each: written by the LLM
     * when one is configured and answering, else by the deterministic engine (and the answer says why).
     */
    draft: (ownerId: string, resumeId: string, input: AiDraftInput, llmUse: LlmUse = {}): Promise<AiDraft> =>
      rewrite(ownerId, resumeId, input, { namespace: 'AI_DRAFT', operation: 'ai-draft', ...llmUse }),

    /**
     * Creates a tailored resume from the head version of `resumeId` for a saved job (pasted text is saved as a job
     * first, so lineage can name it): lineage points at the base version and the job; the working draft holds the
     * tailored content (nothing invented).
     */
    async tailor(
      ownerId: string,
      resumeId: string,
      ref: PostingRef,
    ): Promise<{ resume: Resume; draftEtag: string; changes: readonly TailoringChange[] }> {
      const base = await resumes.get(ownerId, resumeId)
      let jobId = ref.jobId
      if (!jobId) {
        if (!ref.description?.trim()) throw NO_POSTING()
        jobId = (await jobs.create(ownerId, { description: ref.description })).id
      }
      const posting = await postingOf(ownerId, { jobId })
      const tailored = await work.run('tailor', { content: base.content, analysis: posting.analysis })
      const target = posting.title ?? posting.analysis.title ?? posting.company ?? 'job posting'
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

/** Names a posting in a cache key without reading it: the saved job, or a digest of the pasted text. */
function postingKeyOf(ref: PostingRef): string {
  if (ref.jobId) return `job:${ref.jobId}`
  const text = ref.description?.trim() ?? ''
  return text ? `text:${createHash('sha256').update(text).digest('base64url')}` : 'none'
}

export type IntelligenceService = ReturnType<typeof createIntelligenceService>
