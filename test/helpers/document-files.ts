/** Builders of hostile and unusual files for import tests: ZIP archives (honest or lying), PNG images, PDFs. */

import { crc32, deflateSync } from 'node:zlib'
import PDFDocument from 'pdfkit'
import { docxReader } from '../../src/adapters/documents/docx.reader.js'
import { docxRenderer } from '../../src/adapters/documents/docx.renderer.js'
import { htmlRenderer } from '../../src/adapters/documents/html.renderer.js'
import { pdfReader } from '../../src/adapters/documents/pdf.reader.js'
import { createPdfRenderer } from '../../src/adapters/documents/pdf.renderer.js'
import { markdownRenderer, textRenderer } from '../../src/adapters/documents/text.renderer.js'
import { catalogOf } from '../../src/adapters/documents/theme-catalog.js'
import { INPUT_LIMIT_DEFAULTS } from '../../src/config/defaults.js'
import { createDocumentService, type ImportLimits } from '../../src/domain/documents/document.service.js'
import type { ThemeCatalog } from '../../src/domain/templates/template.ports.js'
import { createTemplateService } from '../../src/domain/templates/template.service.js'

// ZIP archives live apart so tests that only build archives do not load the document libraries (pdf.js's legacy
// build replaces JSON.stringify in the whole process).
export { DOCX_SKELETON, type ZipEntry, zipOf } from './zip-files.js'

export const TEST_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 10 * 1024 * 1024,
  timeoutMs: 20_000,
  maxEntries: 1000,
  maxUncompressedBytes: 50 * 1024 * 1024,
  input: INPUT_LIMIT_DEFAULTS,
}

/** The document service as the app builds it, without storage or HTTP. */
export function documentServices(limits: Partial<ImportLimits> = {}, themes: ThemeCatalog = catalogOf([])) {
  const templates = createTemplateService({ themes, html: htmlRenderer })
  const documents = createDocumentService({
    templates,
    renderers: {
      pdf: createPdfRenderer(),
      docx: docxRenderer,
      html: htmlRenderer,
      md: markdownRenderer,
      txt: textRenderer,
    },
    readers: { pdf: pdfReader, docx: docxReader },
    limits: { ...TEST_IMPORT_LIMITS, ...limits },
  })
  return { templates, documents }
}

/** A grey PNG of the given size (an image-only page's picture). */
export function pngOf(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.writeUInt8(8, 8)
  header.writeUInt8(0, 9)
  const rows = Buffer.alloc((width + 1) * height, 0x80)
  for (let y = 0; y < height; y += 1) rows[y * (width + 1)] = 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A PDF drawn directly with pdfkit (for layouts our templates do not produce). */
export function pdfOf(
  draw: (doc: PDFKit.PDFDocument) => void,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 40, ...options })
  const chunks: Buffer[] = []
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    draw(doc)
    doc.end()
  })
}
