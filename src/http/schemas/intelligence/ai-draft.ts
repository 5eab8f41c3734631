import { type Static, Type } from '@sinclair/typebox'
import { AI_SECTIONS, type AiDraft } from '../../../domain/intelligence/ai/ai.types.js'
import { JOB_DESCRIPTION_MAX_LENGTH } from '../../../domain/jobs/job.types.js'
import { type Equals, Literals, PatchOperation, toPatchResponse, type Wire } from '../wire.js'

export const AiSection_ = Literals(AI_SECTIONS, {
  description: 'summary (basics.summary), highlights (work bullets), skills (skill keywords and groups)',
})

export const FallbackReason = Literals(
  [
    'not-configured',
    'circuit-open',
    'timeout',
    'rate-limited',
    'server-error',
    'connection-failed',
    'invalid-output',
    'request-rejected',
  ],
  { description: 'Why the deterministic engine answered' },
)

export const AiDraftBody = Type.Object(
  {
    jobId: Type.Optional(Type.String({ format: 'uuid', description: 'A saved job posting (GET /api/jobs)' })),
    description: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: JOB_DESCRIPTION_MAX_LENGTH,
        pattern: '\\S',
        description: 'Posting text, when the job is not saved',
      }),
    ),
    sections: Type.Optional(
      Type.Array(AiSection_, { minItems: 1, uniqueItems: true, description: 'Parts the edits may touch; default all' }),
    ),
  },
  { additionalProperties: false, description: 'A saved job (jobId) or pasted posting text (description)' },
)

const Rejection = Type.Object(
  {
    code: Literals([
      'PATH_NOT_ALLOWED',
      'SECTION_NOT_REQUESTED',
      'ORIGINAL_MISMATCH',
      'TARGET_MISSING',
      'INVALID_VALUE',
      'NO_CHANGE',
      'DUPLICATE',
      'NEW_SKILL',
      'NEW_FACT',
      'NEW_NUMBER',
      'NEW_NAME',
    ]),
    message: Type.String(),
  },
  { additionalProperties: false },
)

export const AiDraft_ = Type.Object(
  {
    engine: Type.Union([Type.Literal('llm'), Type.Literal('deterministic')], {
      description: 'llm: written by the configured model; deterministic: by RoleReady tailoring',
    }),
    model: Type.Optional(Type.String({ description: 'The model that wrote the edits (engine llm)' })),
    fallbackReason: Type.Optional(FallbackReason),
    sections: Type.Array(AiSection_),
    draftEtag: Type.String({ description: 'ETag of the draft the patch applies to (If-Match when saving it)' }),
    baseVersion: Type.Integer(),
    edits: Type.Array(
      Type.Object(
        {
          reason: Type.String(),
          patch: Type.Array(PatchOperation, { description: 'RFC 6902: a test of the replaced value, then the change' }),
          scoreDelta: Type.Integer({ description: 'Change of the overall ATS score if this edit alone is applied' }),
        },
        { additionalProperties: false },
      ),
    ),
    patch: Type.Array(PatchOperation, {
      description: 'Every accepted edit as one RFC 6902 patch (tests first); RoleReady proposes test, replace and add',
    }),
    rejected: Type.Array(
      Type.Object(
        {
          op: Type.String(),
          path: Type.String(),
          value: Type.Optional(Type.Unknown()),
          reason: Type.String(),
          rejection: Rejection,
        },
        { additionalProperties: false },
      ),
      { description: 'Proposed edits that failed a truthfulness check, and why' },
    ),
    score: Type.Object(
      {
        before: Type.Integer({ description: 'Overall ATS score of the draft' }),
        after: Type.Integer({ description: 'With the whole patch applied' }),
      },
      { additionalProperties: false },
    ),
  },
  { $id: 'AiDraft', additionalProperties: false },
)

// The draft is sent as the domain computes it: a field added on either side fails here.
true satisfies Equals<Wire<AiDraft>, Static<typeof AiDraft_>>

export function toAiDraftResponse(draft: AiDraft): Static<typeof AiDraft_> {
  return {
    ...draft,
    sections: [...draft.sections],
    edits: draft.edits.map((edit) => ({ ...edit, patch: toPatchResponse(edit.patch) })),
    patch: toPatchResponse(draft.patch),
    rejected: draft.rejected.map((rejected) => ({ ...rejected, rejection: { ...rejected.rejection } })),
    score: { ...draft.score },
  }
}
