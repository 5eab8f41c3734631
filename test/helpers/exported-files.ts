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
