import { createHash } from 'node:crypto'
import type { CacheService } from '../../cache/cache.service.js'
import type { CacheNamespace } from '../../cache/cache.types.js'
import { DomainError } from '../../errors.js'
import type { JobService } from '../../jobs/job.service.js'
import type { Clock } from '../../ports.js'
import type { DraftService } from '../../resumes/draft.service.js'
import { createInlineWork, type HeavyWork } from '../../work/heavy-work.js'
import type { JobAnalysis } from '../analysis/analysis.types.js'
import type { PostingRef } from '../ats/intelligence.service.js'
import type { Suggestion } from '../suggestions/suggestions.js'
import type { LlmProvider } from './ai.ports.js'
import {
  AI_SECTIONS,
  type AiDraft,
  type AiDraftInput,
  type FallbackReason,
  LlmFailure,
  type ProposedEdit,
} from './ai.types.js'
import { draftData, draftInstructions, EDITS_SCHEMA, type EditsAnswer, proposalsOf } from './ai-prompt.js'

export interface AiServiceDeps {
  readonly jobs: Pick<JobService, 'get' | 'analysis'>
  readonly drafts: Pick<DraftService, 'get'>
  /** The deterministic suggestions (the intelligence service's), which AI suggestions extend. */
  readonly suggestions: (ownerId: string, resumeId: string, input: PostingRef) => Promise<{ items: Suggestion[] }>
  readonly clock: Clock
  /** None: every draft comes from the deterministic engine. */
  readonly llm?: LlmProvider | undefined
  /** Read-through cache (AI_DRAFT, AI_SUGGESTIONS); none → every request computes (and calls the LLM). */
  readonly cache?: Pick<CacheService, 'read'> | undefined
  /** Where postings are analysed and edits checked and scored (the worker pool); default: in process. */
  readonly work?: HeavyWork
}

/** AI suggestions: bullets rewritten for the posting, as suggestions, and which engine wrote them. */
export interface AiSuggestions {
  readonly engine: AiDraft['engine']
  readonly model: string | undefined
  readonly fallbackReason: FallbackReason | undefined
  readonly items: Suggestion[]
}

interface Posting {
  readonly key: string
  readonly title: string | undefined
  readonly company: string | undefined
  readonly description: string
  readonly analysis: JobAnalysis
}

export function createAiService({
  jobs,
  drafts,
  suggestions,
  clock,
  llm,
  cache,
  work = createInlineWork(),
}: AiServiceDeps) {
  async function postingOf(ownerId: string, input: PostingRef): Promise<Posting> {
    if (input.jobId) {
      const [job, analysis] = await Promise.all([jobs.get(ownerId, input.jobId), jobs.analysis(ownerId, input.jobId)])
      return { key: `job:${job.id}`, ...job, analysis }
    }
    const description = input.description?.trim()
    if (!description) {
      throw new DomainError('VALIDATION_FAILED', 'Give a jobId or a description.', {
        errors: [{ pointer: '/body/jobId', message: 'a jobId or a description is required' }],
      })
    }
    const digest = createHash('sha256').update(description).digest('base64url')
    return {
      key: `text:${digest}`,
      title: undefined,
      company: undefined,
      description,
      analysis: await work.run('analyzeJob', { description }),
    }
  }

  async function draft(
    ownerId: string,
    resumeId: string,
    input: AiDraftInput,
    use: { namespace: CacheNamespace; operation: string },
  ): Promise<AiDraft> {
    // The resume first: another user's resume is a 404 whatever the body says.
    const working = await drafts.get(ownerId, resumeId)
    const posting = await postingOf(ownerId, input)
    const sections = AI_SECTIONS.filter((s) => !input.sections || input.sections.includes(s))
    const asOf = clock.now().toISOString().slice(0, 7)
    const base = working.content

    const build = async (
      proposals: ProposedEdit[] | undefined,
      engine: Pick<AiDraft, 'engine' | 'model' | 'fallbackReason'>,
    ): Promise<AiDraft> => {
      const checked = await work.run('checkDraftEdits', {
        content: base,
        analysis: posting.analysis,
        asOf,
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
    const key = `${resumeId}:${working.etag}:${posting.key}:${sections.join(',')}:${engineKey}:${asOf}`
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

  return {
    /**
     * Proposed edits to the working draft for a posting, as checked JSON Patch with a reason each: written by the LLM
     * when one is configured and answering, else by the deterministic engine (and the answer says why).
     */
    draft: (ownerId: string, resumeId: string, input: AiDraftInput): Promise<AiDraft> =>
      draft(ownerId, resumeId, input, { namespace: 'AI_DRAFT', operation: 'ai-draft' }),

    /**
     * The deterministic suggestions; with `ai`, also bullets rewritten for the posting (`ai.items`, checked like
     * drafts). Without `ai` the answer is exactly the deterministic one.
     */
    async suggestions(
      ownerId: string,
      resumeId: string,
      input: PostingRef & { ai?: boolean | undefined },
    ): Promise<{ items: Suggestion[]; ai?: AiSuggestions }> {
      const { ai, ...posting } = input
      const deterministicItems = await suggestions(ownerId, resumeId, posting)
      if (!ai) return deterministicItems
      const rewrites = await draft(
        ownerId,
        resumeId,
        { ...posting, sections: ['highlights'] },
        { namespace: 'AI_SUGGESTIONS', operation: 'ai-suggestions' },
      )
      const items = rewrites.edits.map((edit): Suggestion => {
        const change = edit.patch.at(-1)
        const path = change?.path ?? '/work'
        return {
          code: rewrites.engine === 'llm' ? 'AI_REWRITE_BULLET' : 'REORDER_HIGHLIGHTS',
          pointer: path,
          message: edit.reason,
          patch: edit.patch,
          scoreDelta: edit.scoreDelta,
          needsConfirmation: false,
        }
      })
      return {
        ...deterministicItems,
        ai: { engine: rewrites.engine, model: rewrites.model, fallbackReason: rewrites.fallbackReason, items },
      }
    },
  }
}

export type AiService = ReturnType<typeof createAiService>
