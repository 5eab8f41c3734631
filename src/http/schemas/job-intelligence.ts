import { type Static, Type } from '@sinclair/typebox'
import { TAXONOMY_ATTRIBUTION } from '../../domain/analysis/taxonomy.js'
import type { AtsReport } from '../../domain/ats/ats.types.js'
import type { ResumeSource } from '../../domain/ats/intelligence.service.js'
import { JOB_DESCRIPTION_MAX_LENGTH } from '../../domain/jobs/job.types.js'
import type { Suggestion } from '../../domain/suggestions/suggestions.js'
import { VersionNumber } from './resume.js'

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

const Status = Type.Union([Type.Literal('met'), Type.Literal('partial'), Type.Literal('missing')])
const Importance = Type.Union([Type.Literal('required'), Type.Literal('preferred')])

export const AtsReport_ = Type.Object(
  {
    algorithmVersion: Type.String(),
    asOf: Type.String({ description: 'Month (YYYY-MM) ongoing roles were counted up to' }),
    overall: Type.Integer({ minimum: 0, maximum: 100 }),
    band: Type.Union([Type.Literal('weak'), Type.Literal('fair'), Type.Literal('good'), Type.Literal('strong')]),
    components: Type.Array(
      Type.Object(
        {
          name: Type.String(),
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
          kind: Type.Union(['skill', 'experience', 'education', 'title'].map((k) => Type.Literal(k))),
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
              severity: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
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

export function toAtsReportResponse(report: AtsReport & { source: ResumeSource }): Static<typeof AtsReport_> {
  return { ...(report as Static<typeof AtsReport_>), attribution: [...TAXONOMY_ATTRIBUTION] }
}

const PatchOperation = Type.Object(
  {
    op: Type.String(),
    path: Type.String(),
    from: Type.Optional(Type.String()),
    value: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
)

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
          fallbackReason: Type.Optional(Type.String({ description: 'Why the deterministic engine answered' })),
          items: Type.Array(Suggestion_, { description: 'Rewritten (llm) or re-ordered (deterministic) bullets' }),
        },
        { additionalProperties: false, description: 'Only when the request asked for `ai`' },
      ),
    ),
  },
  { additionalProperties: false },
)

export function toSuggestionsResponse(result: {
  items: Suggestion[]
  ai?: { items: Suggestion[] } | undefined
}): Static<typeof Suggestions_> {
  return result as Static<typeof Suggestions_>
}

export const TailorChange = Type.Object(
  {
    pointer: Type.String(),
    change: Type.Union([Type.Literal('reordered'), Type.Literal('added-skill'), Type.Literal('summary')]),
    detail: Type.String(),
  },
  { additionalProperties: false },
)
