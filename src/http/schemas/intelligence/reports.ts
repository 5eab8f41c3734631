import { type Static, Type } from '@sinclair/typebox'
import { TAXONOMY_ATTRIBUTION } from '../../../domain/intelligence/analysis/taxonomy.js'
import type { AtsReport } from '../../../domain/intelligence/ats/ats.types.js'
import type { AiSuggestions, ResumeSource } from '../../../domain/intelligence/intelligence.service.js'
import type { Suggestion } from '../../../domain/intelligence/suggestions/suggestions.js'
import { JOB_DESCRIPTION_MAX_LENGTH } from '../../../domain/jobs/job.types.js'
import { VersionNumber } from '../resume.js'
import { type Equals, Literals, PatchOperation, toPatchResponse, type Wire } from '../wire.js'
import { FallbackReason } from './ai-draft.js'

export const IntelligenceParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })

const JobId = Type.String({ format: 'uuid', description: 'A saved job posting (GET /api/jobs)' })
const Description = Type.String({
  minLength: 1,
  maxLength: JOB_DESCRIPTION_MAX_LENGTH,
  pattern: '\\S',
  description: 'Posting text, when the job is not saved',
})

export const AtsReportBody = Type.Object(
  {
    jobId: Type.Optional(JobId),
    description: Type.Optional(Description),
    version: Type.Optional({ ...VersionNumber, description: 'A committed version; default: the working draft' }),
  },
  { additionalProperties: false },
)

export const SuggestionsBody = Type.Object(
  {
    jobId: Type.Optional(JobId),
    description: Type.Optional(Description),
    ai: Type.Optional(
      Type.Boolean({
        description:
          'Also rewrite bullets for the posting (`ai` in the answer): with the LLM when configured, else re-ordered deterministically. Needs a posting.',
      }),
    ),
  },
  { additionalProperties: false },
)

export const TailorBody = Type.Object(
  { jobId: Type.Optional(JobId), description: Type.Optional(Description) },
  { additionalProperties: false, description: 'A saved job, or posting text (saved as a job so lineage can name it)' },
)

const Evidence = Type.Object(
  {
    pointer: Type.String({ description: 'JSON Pointer into the resume' }),
    quote: Type.String({ description: 'The exact text found there' }),
  },
  { additionalProperties: false },
)

const Status = Literals(['met', 'partial', 'missing'])
const Importance = Literals(['required', 'preferred'])

export const AtsReport_ = Type.Object(
  {
    algorithmVersion: Type.String(),
    asOf: Type.String({ description: 'Month (YYYY-MM) ongoing roles were counted up to' }),
    overall: Type.Integer({ minimum: 0, maximum: 100 }),
    band: Literals(['weak', 'fair', 'good', 'strong']),
    components: Type.Array(
      Type.Object(
        {
          name: Literals(['hardSkills', 'softSkills', 'jobTitle', 'experienceYears', 'education', 'otherKeywords']),
          score: Type.Integer({ minimum: 0, maximum: 100 }),
          weight: Type.Number(),
          applicable: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
    ),
    requirements: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          kind: Literals(['skill', 'experience', 'education', 'title']),
          label: Type.String(),
          importance: Importance,
          status: Status,
          evidence: Type.Array(Evidence),
          detail: Type.String(),
          source: Type.Optional(Type.String({ description: 'The posting sentence it came from' })),
        },
        { additionalProperties: false },
      ),
    ),
    matchedKeywords: Type.Array(Type.String()),
    missingKeywords: Type.Array(Type.String()),
    parseability: Type.Object(
      {
        score: Type.Integer({ minimum: 0, maximum: 100 }),
        issues: Type.Array(
          Type.Object(
            {
              code: Type.String(),
              severity: Literals(['error', 'warning', 'info']),
              pointer: Type.String(),
              message: Type.String(),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    source: Type.Object(
      {
        version: Type.Optional(Type.Integer()),
        draft: Type.Boolean({ description: 'True when a saved draft was scored' }),
        baseVersion: Type.Integer(),
      },
      { additionalProperties: false },
    ),
    attribution: Type.Array(Type.String()),
  },
  { $id: 'AtsReport', additionalProperties: false },
)

type AtsReportResult = AtsReport & { source: ResumeSource }

// The report is sent as the domain computes it, plus the data notices: a field added on either side fails here.
true satisfies Equals<Wire<AtsReportResult & { attribution: string[] }>, Static<typeof AtsReport_>>

export function toAtsReportResponse(report: AtsReportResult): Static<typeof AtsReport_> {
  return {
    ...report,
    components: [...report.components],
    requirements: report.requirements.map((requirement) => ({ ...requirement, evidence: [...requirement.evidence] })),
    matchedKeywords: [...report.matchedKeywords],
    missingKeywords: [...report.missingKeywords],
    parseability: { score: report.parseability.score, issues: [...report.parseability.issues] },
    source: { ...report.source },
    attribution: [...TAXONOMY_ATTRIBUTION],
  }
}

const Suggestion_ = Type.Object(
  {
    code: Type.String(),
    pointer: Type.String(),
    message: Type.String(),
    patch: Type.Optional(Type.Array(PatchOperation, { description: 'RFC 6902 JSON Patch' })),
    scoreDelta: Type.Integer({ description: 'Change of the overall ATS score if the patch is applied' }),
    needsConfirmation: Type.Boolean({
      description: 'Apply only if true of you: the resume does not show it yet',
    }),
  },
  { additionalProperties: false },
)

export const Suggestions_ = Type.Object(
  {
    items: Type.Array(Suggestion_),
    ai: Type.Optional(
      Type.Object(
        {
          engine: Type.Union([Type.Literal('llm'), Type.Literal('deterministic')]),
          model: Type.Optional(Type.String()),
          fallbackReason: Type.Optional(FallbackReason),
          items: Type.Array(Suggestion_, { description: 'Rewritten (llm) or re-ordered (deterministic) bullets' }),
        },
        { additionalProperties: false, description: 'Only when the request asked for `ai`' },
      ),
    ),
  },
  { additionalProperties: false },
)

type SuggestionsResult = { items: Suggestion[]; ai?: AiSuggestions | undefined }

// Suggestions are sent as the domain computes them: a field added on either side fails here.
true satisfies Equals<Wire<SuggestionsResult>, Static<typeof Suggestions_>>

const toSuggestionResponse = (suggestion: Suggestion): Static<typeof Suggestion_> => ({
  ...suggestion,
  patch: suggestion.patch && toPatchResponse(suggestion.patch),
})

export function toSuggestionsResponse({ items, ai }: SuggestionsResult): Static<typeof Suggestions_> {
  return {
    items: items.map(toSuggestionResponse),
    ...(ai && { ai: { ...ai, items: ai.items.map(toSuggestionResponse) } }),
  }
}

export const TailorChange = Type.Object(
  {
    pointer: Type.String(),
    change: Type.Union([Type.Literal('reordered'), Type.Literal('added-skill'), Type.Literal('summary')]),
    detail: Type.String(),
  },
  { additionalProperties: false },
)
