import { type Static, Type } from '@sinclair/typebox'
import type { ResumeExportRequest } from '../../domain/documents/resume-documents.service.js'
import type { Task } from '../../domain/tasks/task.types.js'
import { DOCUMENT_FORMATS, type Template } from '../../domain/templates/template.types.js'
import { DesignOptions } from './design.js'
import { VersionNumber } from './resume.js'

export const TemplateIdParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9][a-z0-9-]*$' }) },
  { additionalProperties: false },
)

export const Template_ = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    source: Type.Union([Type.Literal('builtin'), Type.Literal('theme')], {
      description: '`builtin` renders every format; `theme` (an installed JSON Resume theme) renders HTML only',
    }),
    formats: Type.Array(Type.Union(DOCUMENT_FORMATS.map((f) => Type.Literal(f)))),
    previewUrl: Type.String({ description: 'HTML page showing the template with a sample resume' }),
  },
  { additionalProperties: false },
)

export const TemplateList = Type.Object({ items: Type.Array(Template_) }, { additionalProperties: false })

export function toTemplateResponse(template: Template) {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    source: template.source,
    formats: [...template.formats],
    previewUrl: `/api/templates/${template.id}/preview`,
  }
}

export const TaskIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })

export const Task_ = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: Type.String(),
    state: Type.Union(
      ['queued', 'running', 'retrying', 'succeeded', 'failed'].map((s) => Type.Literal(s)),
      { description: '`retrying`: an attempt failed and another is scheduled with backoff' },
    ),
    progress: Type.Integer({ minimum: 0, maximum: 100 }),
    attempts: Type.Integer({ minimum: 0 }),
    maxAttempts: Type.Integer({ minimum: 1 }),
    result: Type.Optional(Type.Unknown({ description: 'Present once the task succeeded' })),
    error: Type.Optional(
      Type.Object({ code: Type.String(), message: Type.String() }, { description: 'Why the last attempt failed' }),
    ),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
)

export function toTaskResponse(task: Task) {
  return {
    id: task.id,
    kind: task.kind,
    state: task.state,
    progress: task.progress,
    attempts: task.attempts,
    maxAttempts: task.maxAttempts,
    ...(task.result !== undefined && { result: task.result }),
    ...(task.error && { error: task.error }),
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
  }
}

export const ExportQuery = Type.Object(
  {
    format: Type.Union(DOCUMENT_FORMATS.map((f) => Type.Literal(f))),
    template: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9][a-z0-9-]*$' })),
    version: Type.Optional({
      ...VersionNumber,
      description: 'A committed version; without it the working draft is drawn when there is one, else the head',
    }),
    paper: Type.Optional({
      ...DesignOptions.pageSize,
      description: "Page size for this download; defaults to the resume's design, then your settings, then letter",
    }),
    accentColor: Type.Optional({ ...DesignOptions.accentColor, description: "Accent colour over the design's" }),
    fontFamily: Type.Optional({ ...DesignOptions.fontFamily, description: "Font over the design's" }),
    fontSize: Type.Optional({ ...DesignOptions.fontSize, description: "Body text size over the design's" }),
    lineSpacing: Type.Optional({ ...DesignOptions.lineSpacing, description: "Line spacing over the design's" }),
    margins: Type.Optional({ ...DesignOptions.margins, description: "Page margins over the design's" }),
  },
  { additionalProperties: false, description: 'Design values given here apply to this download only' },
)

/** A preview's query: what an export takes for the working copy, drawn as HTML or PDF. */
export const PreviewQuery = Type.Object(
  {
    ...Type.Omit(ExportQuery, ['format', 'version']).properties,
    format: Type.Optional(
      Type.Union([Type.Literal('html'), Type.Literal('pdf')], { description: 'Defaults to html', default: 'html' }),
    ),
  },
  { additionalProperties: false, description: 'Design values given here apply to this preview only' },
)

/** A preview query as the service takes it. */
export function toPreviewRequest(query: Static<typeof PreviewQuery>): Omit<ResumeExportRequest, 'version'> {
  return toExportRequest({ ...query, format: query.format ?? 'html' })
}

/** An export query as the service takes it: the design options in it override the stored design for this download. */
export function toExportRequest(query: Static<typeof ExportQuery>): ResumeExportRequest {
  const { format, template, version, paper, ...design } = query
  return {
    format,
    design,
    ...(paper !== undefined && { paper }),
    ...(template !== undefined && { templateId: template }),
    ...(version !== undefined && { version }),
  }
}

export const ImportQuery = Type.Object(
  {
    async: Type.Optional(
      Type.Boolean({ description: 'Run the import as a background task: 202 with the task to poll' }),
    ),
  },
  { additionalProperties: false },
)

export const ImportReport_ = Type.Object(
  {
    type: Type.Union([Type.Literal('pdf'), Type.Literal('docx'), Type.Literal('json')]),
    sections: Type.Record(Type.String(), Type.Integer(), { description: 'Entries found per JSON Resume section' }),
    recognised: Type.Array(Type.String(), { description: 'Field paths that got a value' }),
    unrecognised: Type.Array(Type.String(), { description: 'Lines that fit no field (left out of the draft)' }),
    warnings: Type.Array(Type.String()),
    fields: Type.Array(
      Type.Object(
        {
          path: Type.String({ description: 'The field, e.g. work[0].position' }),
          confidence: Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]),
          reason: Type.String({ description: 'Why, in a few words' }),
        },
        { additionalProperties: false },
      ),
      { description: 'How sure the importer is of each field it filled (PDF and DOCX; empty for JSON)' },
    ),
  },
  { additionalProperties: false },
)
