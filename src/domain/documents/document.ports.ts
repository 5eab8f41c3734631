import type { Template } from '../templates/template.types.js'
import type { ImportType, RenderOptions, TextBlock } from './document.types.js'
import type { JsonResume } from './json-resume.js'

export type RenderFormat = 'pdf' | 'docx' | 'html' | 'md' | 'txt'

/** Draws a resume with a built-in template in one format. */
export interface DocumentRenderer {
  /** The rendered file's bytes; deterministic apart from timestamps a format requires. */
  render(resume: JsonResume, template: Template, options: RenderOptions): Promise<Uint8Array>
}

export type DocumentRenderers = Readonly<Record<RenderFormat, DocumentRenderer>>

export interface ReadLimits {
  /** Give up (IMPORT_TIMEOUT) after this long. */
  readonly timeoutMs: number
  /** DOCX: most entries and most uncompressed bytes allowed in the archive. */
  readonly maxEntries: number
  readonly maxUncompressedBytes: number
}

/** Reads the text of a PDF or DOCX file as blocks in reading order. */
export interface DocumentReader {
  /**
   * Blocks in reading order. Throws DomainError IMPORT_MALFORMED, IMPORT_ENCRYPTED, IMPORT_NO_TEXT_LAYER,
   * IMPORT_ARCHIVE_LIMIT or IMPORT_TIMEOUT; never returns invented text.
   */
  read(bytes: Uint8Array, limits: ReadLimits): Promise<TextBlock[]>
}

export type DocumentReaders = Readonly<Record<Exclude<ImportType, 'json'>, DocumentReader>>
