/**
 * Export of a resume to PDF, DOCX, HTML, Markdown, text or JSON with a template, and import of a PDF, DOCX or
 * JSON Resume file into a JSON Resume document with a report. Storage is the caller's business.
 */

import { DomainError } from '../errors.js'
import { assertInputShape, type InputLimits } from '../input-shape.js'
import type { ResumeDesign } from '../resumes/resume-design.js'
import type { TemplateService } from '../templates/template.service.js'
import type { DocumentFormat } from '../templates/template.types.js'
import type { DocumentReaders, DocumentRenderers, ReadLimits } from './document.ports.js'
import type { ExportedDocument, ImportedResume, JsonResumeDocument, PaperSize } from './document.types.js'
import { detectImportType } from './file-type.js'
import { readJsonResume } from './json-resume.js'
import { fieldPaths, parseResumeBlocks } from './resume-text-parser.js'

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
}

export interface ImportLimits extends ReadLimits {
  readonly maxBytes: number
  /** Shape limits of an imported JSON file, as for a request body. */
  readonly input: InputLimits
}

export interface DocumentServiceDeps {
  templates: TemplateService
  renderers: DocumentRenderers
  readers: DocumentReaders
  limits: ImportLimits
}

export interface ExportRequest {
  readonly format: DocumentFormat
  readonly templateId: string
  readonly paper: PaperSize
  /** Used for the file name and the title metadata (e.g. the resume's title). */
  readonly title: string
  /** How to draw it over the template's own choices (built-in templates; themes draw themselves). */
  readonly design?: ResumeDesign
}

/** A file name safe in Content-Disposition: letters, digits, dashes; accents folded; never empty. */
export function safeFileName(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    // A trailing run is matched from its start only; a search for `-+$` retries the run from each of its dashes.
    .replace(/^-+|(?<!-)-+$/g, '')
    .slice(0, 80)
  return `${base || 'resume'}.${extension}`
}

const SECTION_ARRAYS = [
  'work',
  'volunteer',
  'education',
  'awards',
  'certificates',
  'publications',
  'skills',
  'languages',
  'interests',
  'references',
  'projects',
]

export function createDocumentService({ templates, renderers, readers, limits }: DocumentServiceDeps) {
  return {
    async exportResume(content: JsonResumeDocument, request: ExportRequest): Promise<ExportedDocument> {
      const template = templates.get(request.templateId)
      if (!template.formats.includes(request.format)) {
        throw new DomainError(
          'EXPORT_FORMAT_UNSUPPORTED',
          `The template ${template.id} renders ${template.formats.join(', ')} only.`,
        )
      }
      const fileName = safeFileName(request.title, request.format)
      const done = (body: Uint8Array): ExportedDocument => ({
        format: request.format,
        contentType: CONTENT_TYPES[request.format],
        fileName,
        body,
      })
      if (request.format === 'json') return done(new TextEncoder().encode(`${JSON.stringify(content, null, 2)}\n`))
      if (template.source === 'theme')
        return done(new TextEncoder().encode(await templates.renderTheme(template.id, content)))
      const resume = readJsonResume(content)
      const author = resume.basics?.name ?? ''
      return done(
        await renderers[request.format].render(resume, template, {
          paper: request.paper,
          title: request.title,
          author,
          ...(request.design && { design: request.design }),
        }),
      )
    },

    /** Reads an uploaded file; throws IMPORT_* errors for anything that is not a readable resume file. */
    async importFile(bytes: Uint8Array): Promise<ImportedResume> {
      if (bytes.length > limits.maxBytes) {
        throw new DomainError('IMPORT_TOO_LARGE', `The file is larger than ${limits.maxBytes} bytes.`, {
          extra: { limit: limits.maxBytes },
        })
      }
      const type = detectImportType(bytes)
      if (!type) {
        throw new DomainError('IMPORT_UNSUPPORTED_TYPE', 'Only PDF, DOCX and JSON Resume files can be imported.')
      }
      if (type === 'json') return importJson(bytes, limits.input)
      const blocks = await readers[type].read(bytes, limits)
      const parsed = parseResumeBlocks(blocks, type)
      if (parsed.report.recognised.length === 0) {
        throw new DomainError(
          'IMPORT_NOTHING_RECOGNISED',
          'The file has text, but no resume field (name, contact, sections) could be recognised in it.',
        )
      }
      return { content: parsed.content as JsonResumeDocument, report: parsed.report }
    },
  }
}

function importJson(bytes: Uint8Array, inputLimits: InputLimits): ImportedResume {
  let content: unknown
  try {
    content = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''))
  } catch {
    throw new DomainError('IMPORT_MALFORMED', 'The file is not valid UTF-8 JSON.')
  }
  // JSON.parse is iterative, but what follows (field paths, storage, rendering) walks the document recursively.
  // The file is held to a request body's limits and refusals: depth, sizes, NUL characters, and the __proto__ and
  // constructor.prototype names Fastify's JSON parser refuses (JSON.parse keeps them as plain own properties).
  assertInputShape(content, inputLimits, '', 'The file')
  if (content === null || typeof content !== 'object' || Array.isArray(content)) {
    throw new DomainError('IMPORT_INVALID_JSON_RESUME', 'A JSON Resume document is a JSON object.')
  }
  const document = content as JsonResumeDocument
  const errors = SECTION_ARRAYS.filter((key) => key in document && !Array.isArray(document[key])).map((key) => ({
    pointer: `/${key}`,
    message: 'must be an array',
  }))
  if ('basics' in document && (typeof document.basics !== 'object' || Array.isArray(document.basics))) {
    errors.push({ pointer: '/basics', message: 'must be an object' })
  }
  if (errors.length > 0) {
    throw new DomainError('IMPORT_INVALID_JSON_RESUME', 'The file is not a JSON Resume document.', { errors })
  }
  const sections: Record<string, number> = {}
  for (const [key, value] of Object.entries(document)) sections[key] = Array.isArray(value) ? value.length : 1
  return {
    content: document,
    report: { type: 'json', sections, recognised: fieldPaths(document), unrecognised: [], warnings: [], fields: [] },
  }
}

export type DocumentService = ReturnType<typeof createDocumentService>
