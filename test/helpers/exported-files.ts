/**
 * Reads exported documents the way a person's tools would: a PDF's text through poppler's pdftotext, a DOCX's parts
 * as XML (unzipped from the archive), so tests check the real files rather than the renderers' inputs.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { inflateRawSync } from 'node:zlib'

/** The text layer of a PDF as pdftotext reads it (`-layout` off: reading order). */
export function pdfText(pdf: Uint8Array, args: readonly string[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rr-pdf-'))
  try {
    const file = path.join(dir, 'document.pdf')
    writeFileSync(file, pdf)
    return execFileSync('pdftotext', [...args, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Page size in points and page count, from pdfinfo. */
export function pdfInfo(pdf: Uint8Array): { pages: number; width: number; height: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'rr-pdf-'))
  try {
    const file = path.join(dir, 'document.pdf')
    writeFileSync(file, pdf)
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)
    const pages = /Pages:\s+(\d+)/.exec(info)
    return { pages: Number(pages?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Every file of a ZIP archive (a DOCX), by name, read from its central directory. */
export function unzipped(archive: Uint8Array): Map<string, string> {
  const bytes = Buffer.from(archive)
  const files = new Map<string, string>()
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0) throw new Error('not a ZIP archive')
  const count = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  for (let i = 0; i < count; i += 1) {
    const method = bytes.readUInt16LE(at + 10)
    const compressed = bytes.readUInt32LE(at + 20)
    const nameLength = bytes.readUInt16LE(at + 28)
    const extraLength = bytes.readUInt16LE(at + 30)
    const commentLength = bytes.readUInt16LE(at + 32)
    const local = bytes.readUInt32LE(at + 42)
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength)
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
    const data = bytes.subarray(dataAt, dataAt + compressed)
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'))
    at += 46 + nameLength + extraLength + commentLength
  }
  return files
}

/** The main part of a DOCX (word/document.xml). */
export function docxXml(docx: Uint8Array, part = 'word/document.xml'): string {
  const xml = unzipped(docx).get(part)
  if (xml === undefined) throw new Error(`the DOCX has no ${part}`)
  return xml
}

/** The visible text of a DOCX's body, paragraph by paragraph. */
export function docxText(docx: Uint8Array): string {
  return docxXml(docx)
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean)
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
}

export interface PdfWord {
  readonly text: string
  readonly page: number
  readonly xMin: number
  readonly yMin: number
  readonly xMax: number
  readonly yMax: number
}

/** Every word of a PDF with its box in points (pdftotext -bbox), in reading order. */
export function pdfWords(pdf: Uint8Array): PdfWord[] {
  const html = pdfText(pdf, ['-bbox'])
  const words: PdfWord[] = []
  let page = 0
  for (const match of html.matchAll(
    /<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (match[0] === '<page') {
      page += 1
      continue
    }
    words.push({
      page,
      xMin: Number(match[1]),
      yMin: Number(match[2]),
      xMax: Number(match[3]),
      yMax: Number(match[4]),
      text: (match[5] ?? '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"'),
    })
  }
  return words
}

/** The fonts a PDF uses, as pdffonts names them (subset prefixes removed), with whether each is embedded. */
export function pdfFonts(pdf: Uint8Array): { name: string; embedded: boolean }[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'rr-pdf-'))
  try {
    const file = path.join(dir, 'document.pdf')
    writeFileSync(file, pdf)
    const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
    return lines.map((line) => {
      const [name = ''] = line.split(/\s+/)
      return {
        name: name.replace(/^[A-Z]{6}\+/, ''),
        embedded: /\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.test(line),
      }
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A PDF's link annotations with their boxes in points from the page's top left, as pdftotext -bbox measures. */
export async function pdfLinks(
  pdf: Uint8Array,
): Promise<{ page: number; url: string; xMin: number; yMin: number; xMax: number; yMax: number }[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise
  const links: { page: number; url: string; xMin: number; yMin: number; xMax: number; yMax: number }[] = []
  try {
    for (let n = 1; n <= document.numPages; n += 1) {
      const page = await document.getPage(n)
      const height = page.view[3] ?? 0
      for (const annotation of await page.getAnnotations()) {
        if (annotation.subtype !== 'Link' || typeof annotation.url !== 'string') continue
        const [x1, y1, x2, y2] = annotation.rect as [number, number, number, number]
        links.push({ page: n, url: annotation.url, xMin: x1, xMax: x2, yMin: height - y2, yMax: height - y1 })
      }
    }
  } finally {
    await document.destroy()
  }
  return links
}

/** The words of a PDF that lie inside a box (a link's), joined with spaces. */
export function wordsInside(words: readonly PdfWord[], box: Omit<PdfWord, 'text'>): string {
  const cx = (w: PdfWord) => (w.xMin + w.xMax) / 2
  const cy = (w: PdfWord) => (w.yMin + w.yMax) / 2
  return words
    .filter((w) => w.page === box.page && cx(w) > box.xMin && cx(w) < box.xMax && cy(w) > box.yMin && cy(w) < box.yMax)
    .map((w) => w.text)
    .join(' ')
}

/** A DOCX's external hyperlinks: each relationship's target, with the text of the w:hyperlink that uses it. */
export function docxLinks(docx: Uint8Array): { target: string; text: string }[] {
  const files = unzipped(docx)
  const rels = files.get('word/_rels/document.xml.rels') ?? ''
  const targets = new Map<string, string>()
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/>/g)) {
    const attrs = m[1] ?? ''
    if (!/TargetMode="External"/.test(attrs) || !/relationships\/hyperlink"/.test(attrs)) continue
    const id = /Id="([^"]+)"/.exec(attrs)?.[1]
    const target = /Target="([^"]+)"/.exec(attrs)?.[1]
    if (id && target) targets.set(id, target.replace(/&amp;/g, '&'))
  }
  const xml = files.get('word/document.xml') ?? ''
  return [...xml.matchAll(/<w:hyperlink\b[^>]*r:id="([^"]+)"[^>]*>(.*?)<\/w:hyperlink>/g)].map((m) => ({
    target: targets.get(m[1] ?? '') ?? '',
    text: [...(m[2] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }))
}
