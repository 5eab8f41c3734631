/**
 * Export and import of a user's stored resumes: export draws what the editor shows (the working draft when there is
 * one, else the head version) or a chosen version, with the resume's template unless another is asked for; import reads the file first and stores only when it was
 * understood, as a new resume whose draft holds the parsed content for the person to review and commit.
 */
import { createHash } from 'node:crypto'
import type { DraftService } from '../resumes/draft.service.js'
import { assertContentSize, type ResumeLimits } from '../resumes/resume.limits.js'
import type { ResumeService } from '../resumes/resume.service.js'
import type { PageSize, ResumeDesign } from '../resumes/resume-design.js'
import type { VersionService } from '../resumes/version.service.js'
import type { TemplateService } from '../templates/template.service.js'
import type { DocumentFormat } from '../templates/template.types.js'
import type { DocumentService } from './document.service.js'
import type { ExportedDocument, ImportReport, PaperSize } from './document.types.js'

export interface ResumeDocumentsDeps {
  documents: DocumentService
  templates: TemplateService
  resumes: Pick<ResumeService, 'create' | 'get'>
  drafts: Pick<DraftService, 'get'>
  versions: Pick<VersionService, 'get'>
  limits: Pick<ResumeLimits, 'maxContentBytes'>
  /** The owner's page size setting, for resumes whose design names none. */
  pageSizeOf?: (ownerId: string) => Promise<PageSize | undefined>
}

/** Design options a download may set for itself, over the resume's stored design. */
export type DesignOverrides = Pick<ResumeDesign, 'accentColor' | 'fontFamily' | 'fontSize' | 'lineSpacing' | 'margins'>

export interface ResumeExportRequest {
  readonly format: DocumentFormat
  /** Defaults to the resume's own template (or `classic` when that is not installed here). */
  readonly templateId?: string
  /** A committed version; without it, the working draft when there is one, else the head version. */
  readonly version?: number
  /** Defaults to the resume's design, then the owner's settings, then Letter. */
  readonly paper?: PaperSize
  /** Options for this download only, over the resume's design. */
  readonly design?: DesignOverrides
}

const TITLE_MAX = 120

/** A preview: the working copy drawn as HTML or PDF, named by a tag of everything the drawing depends on. */
export interface ResumePreview {
  /** Equal tags draw equal documents: the draft's ETag, title, template, design, page size and format. */
  readonly tag: string
  /** Undefined when the caller already holds the drawing of this tag. */
  readonly document: ExportedDocument | undefined
}

export function createResumeDocumentsService({
  documents,
  templates,
  resumes,
  drafts,
  versions,
  limits,
  pageSizeOf,
}: ResumeDocumentsDeps) {
  const templateFor = (own: string) => (templates.list().some((t) => t.id === own) ? own : 'classic')

  /** What a drawing takes: the content, the options, and the ETag of the content when it is the working copy. */
  async function drawing(ownerId: string, id: string, request: ResumeExportRequest) {
    const resume = await resumes.get(ownerId, id)
    // What the editor shows: an import or a tailored copy holds its content in a draft until it is committed.
    const source =
      request.version === undefined
        ? await drafts.get(ownerId, id)
        : { ...(await versions.get(ownerId, id, request.version)), etag: undefined }
    const design: ResumeDesign = { ...resume.design, ...request.design }
    const paper = request.paper ?? design.pageSize ?? (await pageSizeOf?.(ownerId)) ?? 'letter'
    const options = {
      format: request.format,
      templateId: request.templateId ?? templateFor(resume.templateId),
      paper,
      title: resume.title,
      design,
    }
    return { content: source.content, etag: source.etag, options }
  }

  return {
    /**
     * Draws the working copy (the draft, else the head) or the version asked for. RESUME_NOT_FOUND,
     * VERSION_NOT_FOUND, TEMPLATE_NOT_FOUND or EXPORT_FORMAT_UNSUPPORTED when it cannot.
     */
    async exportResume(ownerId: string, id: string, request: ResumeExportRequest): Promise<ExportedDocument> {
      const { content, options } = await drawing(ownerId, id, request)
      return documents.exportResume(content, options)
    },

    /**
     * The working copy drawn as the editor shows it, with its tag; not drawn again when `held` says the caller
     * already has the drawing of that tag. Same errors as exportResume.
     */
    async preview(
      ownerId: string,
      id: string,
      request: Omit<ResumeExportRequest, 'version'>,
      held: (tag: string) => boolean,
    ): Promise<ResumePreview> {
      const { content, etag, options } = await drawing(ownerId, id, request)
      // The draft's ETag changes with every save and commit, so it stands for the content.
      const tag = createHash('sha256')
        .update(JSON.stringify([etag, options]))
        .digest('base64url')
        .slice(0, 27)
      if (held(tag)) return { tag, document: undefined }
      return { tag, document: await documents.exportResume(content, options) }
    },

    /** Parses the file (IMPORT_* errors store nothing), then creates the resume with the parsed draft in one write. */
    async importResume(ownerId: string, bytes: Uint8Array, fileName: string | undefined) {
      const imported = await documents.importFile(bytes)
      assertContentSize(imported.content, limits as ResumeLimits, '/file')
      const basics = imported.content.basics as { name?: unknown } | undefined
      const fromName = typeof basics?.name === 'string' ? basics.name : undefined
      const fromFile = fileName?.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim()
      const title = (fromName ?? (fromFile || 'Imported resume')).slice(0, TITLE_MAX)
      // One write: a resume refused by a quota leaves nothing behind.
      const resume = await resumes.create(ownerId, { title, content: {}, draft: imported.content })
      const draft = await drafts.get(ownerId, resume.id)
      return { resume, draft, report: imported.report satisfies ImportReport }
    },
  }
}

export type ResumeDocumentsService = ReturnType<typeof createResumeDocumentsService>
