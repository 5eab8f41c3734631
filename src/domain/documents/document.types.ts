import type { ResumeDesign } from '../resumes/resume-design.js'
import type { DocumentFormat } from '../templates/template.types.js'

/** A JSON Resume 1.2.1 document as stored (the resumes feature keeps it exactly as given). */
export type JsonResumeDocument = Record<string, unknown>

export type PaperSize = 'letter' | 'a4'

export interface RenderOptions {
  readonly paper: PaperSize
  /** Document title metadata (PDF Title, DOCX title, HTML <title>). */
  readonly title: string
  /** Document author metadata. */
  readonly author: string
  /** The resume's design over the template's choices; none draws the template as it is. */
  readonly design?: ResumeDesign
}

export interface ExportedDocument {
  readonly format: DocumentFormat
  readonly contentType: string
  /** A safe file name with the format's extension, for Content-Disposition. */
  readonly fileName: string
  readonly body: Uint8Array
}

/** File types the importer accepts, told apart by their content (magic bytes), never by name. */
export type ImportType = 'pdf' | 'docx' | 'json'

/** A link drawn over some of a block's text: the text it covers and where it points (http(s), mailto: or tel:). */
export interface TextLink {
  text: string
  readonly url: string
}

/** One unit of text read from a document, in reading order. */
export interface TextBlock {
  readonly text: string
  readonly kind: 'heading' | 'bullet' | 'text'
  /** Bold (an entry's title line in most resumes). */
  readonly bold: boolean
  /** Font size relative to the document's body text (1 = body); DOCX headings count as larger. */
  readonly scale: number
  /** Links over the block's text (PDF link annotations, DOCX hyperlinks), in reading order. */
  readonly links?: readonly TextLink[]
}

/** How sure the importer is of one field it filled, so a review can point at what to check first. */
export interface FieldCheck {
  /** The field, e.g. `basics.phone`, `work[0].position`. */
  readonly path: string
  /** high: the value has the form the field needs; medium: plausible; low: likely wrong or misplaced. */
  readonly confidence: 'high' | 'medium' | 'low'
  /** Why, in a few words a person can act on. */
  readonly reason: string
}

/** What the importer recognised and what it left out, for the person to check. */
export interface ImportReport {
  readonly type: ImportType
  /** Sections found, by JSON Resume key (`work`, `education`, …), with how many entries each holds. */
  readonly sections: Readonly<Record<string, number>>
  /** Field paths that got a value, e.g. `basics.email`, `work[0].startDate`. */
  readonly recognised: readonly string[]
  /** Lines of the document that fit no field (kept out of the resume, shown here so nothing is lost silently). */
  readonly unrecognised: readonly string[]
  readonly warnings: readonly string[]
  /** Each filled field of a PDF or DOCX import with how sure the importer is; empty for JSON (read as written). */
  readonly fields: readonly FieldCheck[]
}

export interface ImportedResume {
  readonly content: JsonResumeDocument
  readonly report: ImportReport
}
