/**
 * Fonts embedded in exported PDFs.
 *
 * - DejaVu Sans, Serif and Sans Condensed (package `dejavu-fonts-ttf`; Bitstream Vera terms, DejaVu changes in the
 *   public domain): Latin, Greek, Cyrillic, Hebrew, Arabic and many symbols, but no CJK.
 * - Liberation Sans (SIL Open Font License 1.1), metrically compatible with Arial, from the copy pdfjs-dist (already a
 *   dependency, for import) ships as a standard font; characters it lacks are drawn with DejaVu Sans.
 * - Noto Sans CJK (SIL Open Font License 1.1) for Chinese, Japanese and Korean: the Simplified Chinese font
 *   (package `@embedpdf/fonts-sc`, Han ideographs including Japanese kanji, kana, CJK punctuation) and the Korean font
 *   (package `@embedpdf/fonts-kr`, Hangul), regular and bold. They are read and parsed the first time a document
 *   needs one, then kept, so exports without CJK text never touch them.
 * - An operator may name a TTF/OTF file (PDF_FALLBACK_FONT) that is tried before the built-in CJK fonts.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import * as fontkit from 'fontkit'
import type { FontFamily } from '../../domain/resumes/resume-design.js'

const require = createRequire(import.meta.url)
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`))
const FONT_DIR = path.join(packageDir('dejavu-fonts-ttf'), 'ttf')
const LIBERATION_DIR = path.join(packageDir('pdfjs-dist'), 'standard_fonts')

const FILES: Record<FontFamily, { regular: string; bold: string }> = {
  'dejavu-serif': { regular: 'DejaVuSerif.ttf', bold: 'DejaVuSerif-Bold.ttf' },
  'dejavu-sans': { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' },
  'dejavu-sans-condensed': { regular: 'DejaVuSansCondensed.ttf', bold: 'DejaVuSansCondensed-Bold.ttf' },
  'liberation-sans': {
    regular: path.join(LIBERATION_DIR, 'LiberationSans-Regular.ttf'),
    bold: path.join(LIBERATION_DIR, 'LiberationSans-Bold.ttf'),
  },
}

export type FontWeight = 'regular' | 'bold'
export type OpenFont = fontkit.Font

/** A fallback font: a name to register it under in a document, and the parsed font, opened on first use. */
export interface FallbackFont {
  readonly name: string
  open(): OpenFont
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

/** The regular and bold font files of a bundled family, read once and kept. */
export function fontPair(font: FontFamily): { regular: Buffer; bold: Buffer } {
  const files = FILES[font]
  return { regular: load(files.regular), bold: load(files.bold) }
}

const opened = new Map<string, OpenFont>()

/** Parses a font file once per process; pdfkit accepts the parsed font, so documents share its glyph caches. */
function openOnce(file: string): OpenFont {
  let font = opened.get(file)
  if (!font) {
    font = fontkit.create(readFileSync(file))
    opened.set(file, font)
  }
  return font
}

function lazyFont(name: string, file: () => string): FallbackFont {
  return { name, open: () => openOnce(file()) }
}

const CJK_FILES: Record<'han' | 'hangul', { pkg: string; regular: string; bold: string }> = {
  // Noto Sans CJK SC: Han (simplified, traditional and Japanese forms), kana, CJK punctuation and full-width forms.
  han: { pkg: '@embedpdf/fonts-sc', regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' },
  // Noto Sans CJK KR: Hangul syllables and jamo (the SC font has none).
  hangul: { pkg: '@embedpdf/fonts-kr', regular: 'NotoSansKR-Regular.otf', bold: 'NotoSansKR-Bold.otf' },
}

const cjkFile = (script: 'han' | 'hangul', weight: FontWeight) => {
  const entry = CJK_FILES[script]
  // These packages export only their entry point (dist/index.js), not package.json; the fonts sit beside dist/.
  return path.join(path.dirname(require.resolve(entry.pkg)), '..', 'fonts', entry[weight])
}

/** The built-in fallbacks for a weight, in the order they are tried: Chinese/Japanese, then Korean. */
export function cjkFallbacks(weight: FontWeight): readonly FallbackFont[] {
  return [
    lazyFont(`cjk-han-${weight}`, () => cjkFile('han', weight)),
    lazyFont(`cjk-hangul-${weight}`, () => cjkFile('hangul', weight)),
  ]
}

/** The operator's fallback font (absolute path), parsed once on first use; undefined when none is configured. */
export function operatorFallback(file: string | undefined): FallbackFont | undefined {
  return file ? lazyFont('fallback', () => file) : undefined
}
