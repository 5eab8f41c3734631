/**
 * Fonts embedded in exported PDFs: DejaVu (package `dejavu-fonts-ttf`), whose licence (Bitstream Vera terms, DejaVu
 * changes in the public domain) allows embedding and redistribution. DejaVu covers Latin, Greek, Cyrillic, Hebrew,
 * Arabic and many symbols but no CJK; an operator may name a CJK-capable TTF/OTF file as a fallback.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { TemplateStyle } from '../../domain/templates/template.types.js'

const require = createRequire(import.meta.url)
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')

const FILES: Record<TemplateStyle['font'], { regular: string; bold: string }> = {
  serif: { regular: 'DejaVuSerif.ttf', bold: 'DejaVuSerif-Bold.ttf' },
  sans: { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' },
  condensed: { regular: 'DejaVuSansCondensed.ttf', bold: 'DejaVuSansCondensed-Bold.ttf' },
}

const cache = new Map<string, Buffer>()

function load(file: string): Buffer {
  let bytes = cache.get(file)
  if (!bytes) {
    bytes = readFileSync(path.isAbsolute(file) ? file : path.join(FONT_DIR, file))
    cache.set(file, bytes)
  }
  return bytes
}

/** The regular and bold font files of a template style, read once and kept. */
export function fontPair(font: TemplateStyle['font']): { regular: Buffer; bold: Buffer } {
  const files = FILES[font]
  return { regular: load(files.regular), bold: load(files.bold) }
}

/** A fallback font file (absolute path), read once; undefined when none is configured. */
export function fallbackFont(file: string | undefined): Buffer | undefined {
  return file ? load(file) : undefined
}
