/**
 * Builders of hostile request inputs: PDFs with absurd page boxes written by hand, DOCX archives of many tiny
 * paragraphs, deeply nested JSON, job postings shaped to defeat backtracking or quadratic passes, forged cursors.
 * Each input here once stalled the service; the hostile-input suite sends them over real HTTP.
 */
import { DOCX_SKELETON, zipOf } from './zip-files.js'

/** A PDF page box: [left, bottom, right, top] in PDF units. */
export type PdfBox = readonly [number, number, number, number]

/** A number as PDF writes it: plain digits, never exponent notation (1e30 is 1 followed by 30 zeros). */
function pdfNumber(value: number): string {
  if (Number.isInteger(value)) return BigInt(value).toString()
  return value.toFixed(2)
}

/** A PDF string literal with its delimiters escaped. */
function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (ch) => `\\${ch}`)})`
}

/**
 * A one-page PDF written byte by byte: Helvetica text, one line per entry of `lines`, drawn from the top-left of
 * `box` downwards, every other line placed half a page to the right (so a column split has two columns to find).
 */
export function pdfWithBox(box: PdfBox, lines: readonly string[]): Buffer {
  const [left, , right, top] = box
  const middle = left + (right - left) / 2
  const operators = lines.map((line, i) => {
    const x = i % 2 === 0 ? left + 72 : middle
    const y = top - 72 - Math.floor(i / 2) * 16
    return `BT /F1 12 Tf 1 0 0 1 ${pdfNumber(x)} ${pdfNumber(y)} Tm ${pdfString(line)} Tj ET`
  })
  const stream = `${operators.join('\n')}\n`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [${box.map(pdfNumber).join(' ')}] ` +
      '/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`,
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xrefAt = Buffer.byteLength(body, 'latin1')
  // Each xref entry is exactly 20 bytes, its line end included.
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  body +=
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}` +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/** About twelve lines of an ordinary resume, for the text of a hostile PDF. */
export const RESUME_LINES: readonly string[] = [
  'Ada Lovelace',
  'ada@example.com',
  'Experience',
  'Programmer, Engines Ltd, 2020 - 2024',
  'Built TypeScript services on Node.js',
  'Ran PostgreSQL and Redis in production',
  'Education',
  'BSc Mathematics, University of London',
  'Skills',
  'TypeScript, Node.js, PostgreSQL',
  'Languages',
  'English, French',
]

/** A small xorshift generator: reproducible filler text without Math.random. */
function filler(seed: number) {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return state >>> 0
  }
}

/**
 * The XML of a Word document holding tiny paragraphs until it is about `bytes` long. Each paragraph carries a
 * pseudo-random token, so the whole compresses about 8:1 (well under the zip guard's ratio limit) rather than
 * thousands to one. Written straight into one buffer: a test that builds it leaves no heap of strings behind for a
 * later garbage collection to pause on.
 */
export function paragraphsXml(bytes: number, seed = 7): Buffer {
  const next = filler(seed)
  const open =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
  const close = '</w:body></w:document>'
  const xml = Buffer.allocUnsafe(bytes + 128)
  let length = xml.write(open, 0, 'latin1')
  while (length < bytes - close.length) {
    length += xml.write(`<w:p><w:r><w:t>${(next() >>> 8).toString(36)}</w:t></w:r></w:p>`, length, 'latin1')
  }
  length += xml.write(close, length, 'latin1')
  return xml.subarray(0, length)
}

/** A DOCX archive whose word/document.xml is about `bytes` of tiny paragraphs (see paragraphsXml). */
export function docxOfParagraphs(bytes: number, seed?: number): Buffer {
  return zipOf([...DOCX_SKELETON, { name: 'word/document.xml', data: paragraphsXml(bytes, seed) }])
}

/** `depth` arrays, one inside the other, as JSON text. */
export function nestedArrays(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`
}

/** A JSON Resume file whose basics hold `depth` nested arrays. */
export function deepJsonResume(depth: number): Buffer {
  return Buffer.from(`{"basics":{"name":"Ada","deep":${nestedArrays(depth)}}}`)
}

/** A cursor as the API issues them: base64url of its text. */
export function forgedCursor(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url')
}

/** Pads `head` with `unit` repeated to exactly `length` characters (the posting length limit). */
function padded(head: string, unit: string, length: number, tail = ''): string {
  const room = length - head.length - tail.length
  return head + unit.repeat(Math.floor(room / unit.length)) + tail
}

/**
 * Job postings that once took seconds to minutes of analysis: separators that make a skill pattern retry at every
 * offset, whitespace runs, one character repeated, and tens of thousands of lines or bullets. Each is at most
 * `maxLength` characters.
 */
export function hostilePostings(maxLength = 50_000): Record<string, string> {
  const head = 'Backend engineer\n'
  return {
    'C/ repeated': `${head}${'C/'.repeat(24_991)}`,
    'a digit then tabs': `${head}5${'\t'.repeat(49_981)}x`,
    'one letter repeated': padded(head, 'a', maxLength),
    'one slash repeated': padded(head, '/', maxLength),
    'one dot repeated': padded(head, '.', maxLength),
    'one plus repeated': padded(head, '+', maxLength),
    'spaces then a letter': padded(head, ' ', maxLength, 'x'),
    '"a " repeated': padded(head, 'a ', maxLength),
    'alternating separators': padded(head, ',;/|-', maxLength),
    'newlines only': padded(head, '\n', 49_000 + head.length),
    'dash bullet lines': padded(head, '-\n', maxLength),
    'dot bullet lines': padded(head, '\u2022\n', maxLength),
  }
}
