/** Builders of hostile and unusual files for import tests: ZIP archives (honest or lying), PNG images, PDFs. */
import { crc32, deflateRawSync, deflateSync } from 'node:zlib'
import PDFDocument from 'pdfkit'
import { docxReader } from '../../src/adapters/documents/docx.reader.js'
import { docxRenderer } from '../../src/adapters/documents/docx.renderer.js'
import { htmlRenderer } from '../../src/adapters/documents/html.renderer.js'
import { pdfReader } from '../../src/adapters/documents/pdf.reader.js'
import { createPdfRenderer } from '../../src/adapters/documents/pdf.renderer.js'
import { markdownRenderer, textRenderer } from '../../src/adapters/documents/text.renderer.js'
import { catalogOf } from '../../src/adapters/documents/theme-catalog.js'
import { createDocumentService, type ImportLimits } from '../../src/domain/documents/document.service.js'
import type { ThemeCatalog } from '../../src/domain/templates/template.ports.js'
import { createTemplateService } from '../../src/domain/templates/template.service.js'

export const TEST_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 10 * 1024 * 1024,
  timeoutMs: 20_000,
  maxEntries: 1000,
  maxUncompressedBytes: 50 * 1024 * 1024,
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

export interface ZipEntry {
  name: string
  data: Uint8Array | string
  /** Claim this uncompressed size in the headers instead of the real one (a lying archive). */
  declaredSize?: number
}

/** A ZIP archive with deflated entries. */
export function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data) : Buffer.from(entry.data)
    const packed = deflateRawSync(raw)
    const name = Buffer.from(entry.name)
    const size = entry.declaredSize ?? raw.length
    const crc = crc32(raw)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, packed)
    centrals.push(central, name)
    offset += local.length + name.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** The entries every DOCX holds besides the document itself. */
export const DOCX_SKELETON: ZipEntry[] = [
  {
    name: '[Content_Types].xml',
    data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  },
  {
    name: '_rels/.rels',
    data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  },
]

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
