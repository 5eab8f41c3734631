import { type Static, type TSchema, Type } from '@sinclair/typebox'
import type { DraftView } from '../../domain/resumes/draft.service.js'
import {
  JOB_ID_MAX_LENGTH,
  MESSAGE_MAX_LENGTH,
  TAG_MAX_LENGTH,
  TAGS_MAX,
  TEMPLATE_ID_PATTERN,
  TITLE_MAX_LENGTH,
} from '../../domain/resumes/resume.limits.js'
import type { Resume, ResumeVersion, ResumeWithContent, VersionSummary } from '../../domain/resumes/resume.types.js'
import type { VersionDiff } from '../../domain/resumes/version.service.js'
import { DesignChanges, DesignInput, DesignRef, toDesignResponse } from './design.js'
import { type Equals, PatchOperation, toPatchResponse, type Wire } from './wire.js'

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
const DateTime = Type.String({ format: 'date-time' })

const Title = Type.String({ minLength: 1, maxLength: TITLE_MAX_LENGTH, pattern: '\\S' })
const TemplateId = Type.String({ pattern: TEMPLATE_ID_PATTERN, description: 'Template used to render the resume' })
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: TAG_MAX_LENGTH, pattern: '\\S' }), {
  maxItems: TAGS_MAX,
})
const Message = Type.String({ maxLength: MESSAGE_MAX_LENGTH, description: 'What changed in this version' })
/** A version number: a positive int32, as the database stores it. */
export const VersionNumber = Type.Integer({ minimum: 1, maximum: 2_147_483_647 })

/** A JSON Resume 1.2.1 document. Only its shape as an object is checked here; the service validates the rest. */
const Content = Type.Object(
  {},
  {
    additionalProperties: true,
    description:
      'A JSON Resume 1.2.1 document (https://jsonresume.org/schema). Fields the schema does not name are kept as given.',
  },
)

export const ResumeParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
export const VersionParams = Type.Object({ id: Type.String({ format: 'uuid' }), number: VersionNumber })

export const PageQuery = {
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' })),
}

export const ListResumesQuery = Type.Object(
  {
    ...PageQuery,
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: TAG_MAX_LENGTH })),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          'Search: resumes whose title or working content (names, summary, work, skills…) has a word beginning ' +
          'with each word given',
      }),
    ),
    trashed: Type.Boolean({ default: false, description: 'List the trash instead of the live resumes' }),
  },
  { additionalProperties: false },
)

export const ListVersionsQuery = Type.Object(PageQuery, { additionalProperties: false })

export const DiffQuery = Type.Object(
  {
    from: VersionNumber,
    to: Type.Optional({ ...VersionNumber, description: 'Defaults to the head version' }),
  },
  { additionalProperties: false },
)

const TailoredFrom = Type.Object(
  {
    resumeId: Type.String({ format: 'uuid', description: 'The base resume' }),
    version: VersionNumber,
    jobId: Type.String({
      minLength: 1,
      maxLength: JOB_ID_MAX_LENGTH,
      description: 'The job it was tailored to: one of your saved jobs (404 JOB_NOT_FOUND otherwise)',
    }),
  },
  { additionalProperties: false },
)

export const CreateResumeBody = Type.Object(
  {
    title: Type.Optional(Title),
    templateId: Type.Optional(TemplateId),
    design: Type.Optional(DesignInput),
    tags: Type.Optional(Tags),
    content: Type.Optional(Content),
    tailoredFrom: Type.Optional(TailoredFrom),
    sample: Type.Optional(
      Type.Literal(true, {
        description:
          'Start from the fictional sample resume: its content, a title saying it is a sample and the tag "sample" ' +
          '(not with content or tailoredFrom)',
      }),
    ),
  },
  { additionalProperties: false },
)

export const PatchResumeBody = Type.Object(
  {
    title: Type.Optional(Title),
    templateId: Type.Optional(TemplateId),
    design: Type.Optional(DesignChanges),
    tags: Type.Optional(Tags),
    content: Type.Optional({ ...Content, description: 'New content, committed directly as a new version' }),
    message: Type.Optional(Message),
  },
  { additionalProperties: false, minProperties: 1 },
)

export const PutDraftBody = Type.Object({ content: Content }, { additionalProperties: false })
export const CommitBody = Type.Object({ message: Type.Optional(Message) }, { additionalProperties: false })
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ maxLength: 1024, description: 'The ETag last read' })),
})

const ResumeFields = {
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  templateId: Type.String(),
  design: DesignRef,
  tags: Type.Array(Type.String()),
  headVersion: Type.Integer(),
  hasDraft: Type.Boolean(),
  tailoredFrom: Nullable(
    Type.Object({ resumeId: Nullable(Type.String({ format: 'uuid' })), version: Type.Integer(), jobId: Type.String() }),
  ),
  createdAt: DateTime,
  updatedAt: DateTime,
  deletedAt: Nullable(DateTime),
  purgeAt: Nullable({ ...DateTime, description: 'When a trashed resume is removed for good' }),
}

export const ResumeSummary_ = Type.Object(ResumeFields, { additionalProperties: false })
export const Resume_ = Type.Object({ ...ResumeFields, content: Content }, { additionalProperties: false })
export const EmptiedTrash = Type.Object(
  { deleted: Type.Integer({ minimum: 0, description: 'How many resumes were removed for good' }) },
  { additionalProperties: false },
)
export const ResumePage = Type.Object({ items: Type.Array(ResumeSummary_), nextCursor: Nullable(Type.String()) })

const VersionFields = {
  resumeId: Type.String({ format: 'uuid' }),
  number: Type.Integer(),
  message: Type.String(),
  restoredFrom: Nullable(Type.Integer()),
  createdAt: DateTime,
}
export const VersionSummary_ = Type.Object(VersionFields, { additionalProperties: false })
export const Version_ = Type.Object({ ...VersionFields, content: Content }, { additionalProperties: false })
export const VersionPage = Type.Object({ items: Type.Array(VersionSummary_), nextCursor: Nullable(Type.String()) })

export const Draft_ = Type.Object(
  {
    resumeId: Type.String({ format: 'uuid' }),
    content: Content,
    etag: Type.String({ description: 'Send it back in If-Match on the next save' }),
    saved: Type.Boolean({ description: 'False when there is no draft and this is the head version' }),
    baseVersion: Type.Integer(),
    valid: Type.Boolean({ description: 'Whether the content is valid JSON Resume (only a valid draft commits)' }),
    errors: Type.Array(Type.Object({ pointer: Type.String(), message: Type.String() })),
    updatedAt: DateTime,
  },
  { additionalProperties: false },
)

export const Diff_ = Type.Object(
  {
    from: Type.Integer(),
    to: Type.Integer(),
    patch: Type.Array(PatchOperation, { description: 'RFC 6902 JSON Patch turning version `from` into version `to`' }),
  },
  { additionalProperties: false },
)

const iso = (date: Date | undefined) => (date ? date.toISOString() : null)

export function toResumeSummaryResponse(resume: Resume, purgeAt?: Date): Static<typeof ResumeSummary_> {
  return {
    id: resume.id,
    title: resume.title,
    templateId: resume.templateId,
    design: toDesignResponse(resume.templateId, resume.design),
    tags: [...resume.tags],
    headVersion: resume.headVersion,
    hasDraft: resume.hasDraft,
    tailoredFrom: resume.tailoredFrom
      ? {
          resumeId: resume.tailoredFrom.resumeId ?? null,
          version: resume.tailoredFrom.version,
          jobId: resume.tailoredFrom.jobId,
        }
      : null,
    createdAt: resume.createdAt.toISOString(),
    updatedAt: resume.updatedAt.toISOString(),
    deletedAt: iso(resume.deletedAt),
    purgeAt: iso(purgeAt),
  }
}

export function toResumeResponse(resume: ResumeWithContent): Static<typeof Resume_> {
  return { ...toResumeSummaryResponse(resume), content: resume.content }
}

export function toVersionSummaryResponse(version: VersionSummary): Static<typeof VersionSummary_> {
  return {
    resumeId: version.resumeId,
    number: version.number,
    message: version.message,
    restoredFrom: version.restoredFrom ?? null,
    createdAt: version.createdAt.toISOString(),
  }
}

export function toVersionResponse(version: ResumeVersion): Static<typeof Version_> {
  return { ...toVersionSummaryResponse(version), content: version.content }
}

export function toDraftResponse(draft: DraftView): Static<typeof Draft_> {
  return {
    resumeId: draft.resumeId,
    content: draft.content,
    etag: draft.etag,
    saved: draft.saved,
    baseVersion: draft.baseVersion,
    valid: draft.valid,
    errors: draft.errors.map((e) => ({ pointer: e.pointer, message: e.message })),
    updatedAt: draft.updatedAt.toISOString(),
  }
}

// A diff is sent as the domain computes it: a field added on either side fails here.
true satisfies Equals<Wire<VersionDiff>, Static<typeof Diff_>>

export function toDiffResponse(diff: VersionDiff): Static<typeof Diff_> {
  return { from: diff.from, to: diff.to, patch: toPatchResponse(diff.patch) }
}
