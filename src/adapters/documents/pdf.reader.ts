/**
 * PDF import with pdfjs-dist (legacy build, runs in Node without a browser): text items with their positions →
 * columns → lines → blocks in reading order. Handles single- and two-column layouts. Encrypted, image-only and
 * broken files fail with their own codes; nothing is guessed from pixels.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { DocumentReader, ReadLimits } from '../../domain/documents/document.ports.js'
import type { TextBlock } from '../../domain/documents/document.types.js'
import { DomainError } from '../../domain/errors.js'
import { type PdfItem, type PdfLine, readableText, toBlocks, toLines } from './pdf-lines.js'
import { withTimeout } from './timeout.js'

const require = createRequire(import.meta.url)
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'))
/** Fewer readable characters than this on every page means the text is in pictures, not in a text layer. */
const MIN_TEXT_CHARS = 20
const MAX_PAGES = 30

export const pdfReader: DocumentReader = {
  read(bytes, limits) {
    return withTimeout(readPdf(bytes, limits), limits.timeoutMs)
  },
}

async function readPdf(bytes: Uint8Array, _limits: ReadLimits): Promise<TextBlock[]> {
  // Every complete PDF ends with %%EOF (give or take a little trailing junk); a cut-off upload does not, and pdf.js
  // would otherwise quietly reconstruct part of it.
  if (
    !Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024)))
      .toString('latin1')
      .includes('%%EOF')
  ) {
    throw new DomainError('IMPORT_MALFORMED', 'The PDF is truncated (it has no end-of-file marker).')
  }
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    cMapUrl: `${path.join(PDFJS_DIR, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(PDFJS_DIR, 'standard_fonts')}/`,
  })
  let pdf: PDFDocumentProxy
  try {
    pdf = await task.promise
  } catch (error) {
    await task.destroy().catch(() => {})
    const name = (error as { name?: string }).name
    if (name === 'PasswordException') {
      throw new DomainError('IMPORT_ENCRYPTED', 'The PDF is protected by a password; export it without one.')
    }
    throw new DomainError('IMPORT_MALFORMED', 'The file is not a readable PDF (damaged or truncated).', {
      cause: error,
    })
  }
  try {
    const lines: PdfLine[] = []
    const columns: ColumnMemory = {}
    let chars = 0
    const pages = Math.min(pdf.numPages, MAX_PAGES)
    for (let n = 1; n <= pages; n += 1) {
      const page = await pdf.getPage(n)
      const content = await page.getTextContent()
      const links = await linksOf(page)
      const items: PdfItem[] = []
      for (const raw of content.items) {
        if (!('str' in raw)) continue
        // Control characters come from glyphs a font could not map back to text; they carry nothing readable.
        const str = readableText(raw.str)
        if (str.replace(/[\s·]+/g, '') === '') continue
        const [a, b, , , x, y] = raw.transform as number[]
        const size = Math.round(Math.hypot(a as number, b as number) * 10) / 10
        const link = linkAt(links, (x as number) + raw.width / 2, (y as number) + size / 3)
        items.push({
          str,
          x: x as number,
          y: y as number,
          width: raw.width,
          size,
          font: raw.fontName,
          ...(link && { link }),
        })
        chars += str.trim().length
      }
      const width = page.getViewport({ scale: 1 }).width
      for (const column of splitColumns(items, width, columns)) lines.push(...toLines(column))
      page.cleanup()
    }
    if (chars < MIN_TEXT_CHARS) {
      throw new DomainError(
        'IMPORT_NO_TEXT_LAYER',
        'The PDF has no text layer (a scan or an image); export it from the original document instead.',
      )
    }
    return toBlocks(lines)
  } catch (error) {
    if (error instanceof DomainError) throw error
    throw new DomainError('IMPORT_MALFORMED', 'The PDF could not be read (damaged content).', { cause: error })
  } finally {
    await pdf.destroy().catch(() => {})
  }
}

/**
 * Splits a page into reading groups: items crossing a vertical gutter (a full-width header) first, then the left
 * column, then the right one. A page without a clear gutter is one group. Exported for tests.
 */
export function splitColumns<T extends ColumnItem>(items: T[], pageWidth: number, columns: ColumnMemory = {}): T[][] {
  const crossing = (gutter: number) => (it: T) => it.x < gutter - 1 && it.x + it.width > gutter + 1
  const known = columns.gutter
  if (known !== undefined) {
    // A page after one set in columns that nothing crosses at the same gutter goes on in those columns, however
    // little one of them holds (the end of a sidebar's list, the last entries of the main column).
    const crosses = crossing(known)
    const across = items.filter(crosses).length
    const left = items.filter((it) => !crosses(it) && it.x < known)
    const right = items.filter((it) => !crosses(it) && it.x >= known)
    if (across <= 2 && left.length > 0 && right.length > 0) return ordered(items.filter(crosses), left, right)
  }
  if (items.length < 8) return [items]
  const best = findGutter(items, pageWidth)
  if (!best || best.crossing > Math.max(2, items.length * 0.05)) return [items]
  const gutter = best.x
  // The columns must each hold several lines side by side, or this is one column with a ragged edge.
  const crosses = crossing(gutter)
  const left = items.filter((it) => !crosses(it) && it.x < gutter)
  const right = items.filter((it) => !crosses(it) && it.x >= gutter)
  const rows = (list: T[]) => new Set(list.map((it) => Math.round(it.y / 4))).size
  if (rows(left) < 4 || rows(right) < 4) return [items]
  // Side by side: within a few points of a line on the left (columns with different gaps rarely share baselines).
  const leftYs = left.map((it) => it.y).sort(ascending)
  const sideBySide = right.filter(
    (it) => countBelow(leftYs, it.y + SIDE_BY_SIDE, true) > countBelow(leftYs, it.y - SIDE_BY_SIDE, false),
  ).length
  if (sideBySide < 3) return [items]
  // Dates or labels set against the right margin beside each title are not a column: a real column holds text.
  const chars = (list: T[]) => list.reduce((n, it) => n + it.width, 0)
  if (chars(right) < chars(left) * 0.08 || chars(left) < chars(right) * 0.08) return [items]
  columns.gutter = gutter
  return ordered(items.filter(crosses), left, right)
}

/** Where a document's pages were last split into columns, carried from page to page. */
export interface ColumnMemory {
  gutter?: number
}

/**
 * Items spanning the columns, then the left column, then the right one; but a name set at the top of the main
 * column beside a sidebar on the left starts the page: the right column is read first when nothing spans the
 * columns and its top line is set larger than anything on the left.
 */
function ordered<T extends ColumnItem>(spanning: T[], left: T[], right: T[]): T[][] {
  const nameOnRight = spanning.length === 0 && headsThePage(right, left)
  return (nameOnRight ? [right, left] : [spanning, left, right]).filter((group) => group.length > 0)
}

/** True when the column's top line is at least as high as the other's top and clearly larger than all its text. */
function headsThePage(column: readonly ColumnItem[], other: readonly ColumnItem[]): boolean {
  const top = column.reduce((a, b) => (b.y > a.y ? b : a))
  const otherTop = other.reduce((y, it) => Math.max(y, it.y), Number.NEGATIVE_INFINITY)
  const otherSize = other.reduce((size, it) => Math.max(size, it.size ?? Number.POSITIVE_INFINITY), 0)
  return top.size !== undefined && top.size > otherSize * 1.3 && top.y + top.size >= otherTop
}

/** What the column split reads of a text item. */
export interface ColumnItem {
  readonly x: number
  readonly y: number
  readonly width: number
  /** Font size, when known (a column headed by the page's largest text is read first). */
  readonly size?: number
}

const GUTTER_STEP = 2
/** How far apart (in points) lines of two columns may be and still count as side by side. */
const SIDE_BY_SIDE = 4

/**
 * The candidate gutter, every `GUTTER_STEP` units across the middle 60% of the page, that the fewest items cross,
 * leftmost first, with at least 15% of the items wholly on each side. The counts only change where an item's edge
 * is, so only the first candidate past each edge is scored (by binary search over sorted edges): the work grows
 * with the number of items, not with the width of the page, which a PDF can set to anything.
 */
function findGutter(items: readonly ColumnItem[], pageWidth: number): { x: number; crossing: number } | undefined {
  const from = pageWidth * 0.2
  const to = pageWidth * 0.8
  if (!Number.isFinite(from) || !Number.isFinite(to) || from > to) return undefined
  const starts = items.map((it) => it.x).sort(ascending)
  const ends = items.map((it) => it.x + it.width).sort(ascending)
  // An item crosses x when x lies strictly inside (start + 1, end - 1).
  const crossable = items.filter((it) => it.x + 1 < it.x + it.width - 1)
  const crossFrom = crossable.map((it) => it.x + 1).sort(ascending)
  const crossTo = crossable.map((it) => it.x + it.width - 1).sort(ascending)

  const candidates = new Set<number>([from])
  const gridAtOrAfter = (edge: number) => from + GUTTER_STEP * Math.max(0, Math.ceil((edge - from) / GUTTER_STEP))
  for (const edge of [...starts, ...ends, ...crossFrom, ...crossTo]) {
    const at = gridAtOrAfter(edge)
    candidates.add(at)
    candidates.add(at > edge ? at : at + GUTTER_STEP)
  }
  const minSide = items.length * 0.15
  let best: { x: number; crossing: number } | undefined
  for (const x of [...candidates].filter((c) => Number.isFinite(c) && c <= to).sort(ascending)) {
    const left = countBelow(ends, x, true)
    const right = items.length - countBelow(starts, x, false)
    if (left < minSide || right < minSide) continue
    const crossing = countBelow(crossFrom, x, false) - countBelow(crossTo, x, true)
    if (!best || crossing < best.crossing) best = { x, crossing }
  }
  return best
}

const ascending = (p: number, q: number) => p - q

/** How many of the ascending values are below `x` (or at it, with `orEqual`). */
function countBelow(sorted: readonly number[], x: number, orEqual: boolean): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const value = sorted[mid] as number
    if (value < x || (orEqual && value === x)) lo = mid + 1
    else hi = mid
  }
  return lo
}

interface LinkArea {
  readonly url: string
  readonly rect: readonly [number, number, number, number]
}

const LINK_SCHEMES = /^(?:https?:\/\/|mailto:|tel:)/i

/** The page's link annotations to web, e-mail and phone addresses (others are left out). */
async function linksOf(page: { getAnnotations(): Promise<unknown[]> }): Promise<LinkArea[]> {
  const found: LinkArea[] = []
  for (const raw of await page.getAnnotations()) {
    const a = raw as { subtype?: string; url?: unknown; rect?: unknown }
    if (a.subtype !== 'Link' || typeof a.url !== 'string' || !LINK_SCHEMES.test(a.url)) continue
    if (!Array.isArray(a.rect) || a.rect.length !== 4 || !a.rect.every(Number.isFinite)) continue
    const [x1, y1, x2, y2] = a.rect as number[]
    found.push({
      url: a.url.slice(0, 2048),
      rect: [
        Math.min(x1 as number, x2 as number),
        Math.min(y1 as number, y2 as number),
        Math.max(x1 as number, x2 as number),
        Math.max(y1 as number, y2 as number),
      ],
    })
    if (found.length >= 200) break
  }
  return found
}

function linkAt(links: readonly LinkArea[], x: number, y: number): string | undefined {
  return links.find(({ rect: [x1, y1, x2, y2] }) => x >= x1 && x <= x2 && y >= y1 - 1 && y <= y2 + 1)?.url
}
