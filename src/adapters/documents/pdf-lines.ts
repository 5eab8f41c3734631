/**
 * From positioned text items to lines and blocks in reading order, the layout half of PDF import (pdf.reader.ts does
 * the file). Pure functions over plain items, so each rule is tested with a handful of items:
 * - text is normalised (NFKC: ligatures such as "ﬁ" become "fi", full-width forms plain) and icon-font glyphs from
 *   the Private Use Area are dropped, each leaving a separator where it stood (an icon marks the start of a
 *   contact detail);
 * - a row is cut where a heading stands in a gutter beside the text (a different size, apart) or where a wide gap
 *   opens (dates set against the right margin, a sidebar's neighbour), and items set apart inside a row
 *   (skills drawn as chips or table cells) are joined with " · ", the separator the parser splits on;
 * - a line belongs to the block above only when that block's last line ran to the column's edge (a wrapped
 *   line), so short list items without bullet glyphs stay apart;
 * - web, e-mail and phone links drawn over the text are kept with the block (`links`).
 */
import type { TextBlock, TextLink } from '../../domain/documents/document.types.js'

export const BULLET = /^\s*([•▪◦●‣∙■□➢►✓*-])\s+/

export interface PdfItem {
  str: string
  x: number
  y: number
  width: number
  size: number
  font: string
  /** The target of a link annotation drawn over the item. */
  link?: string
}

export interface PdfLine {
  text: string
  x: number
  y: number
  /** Where the line's last item ends. */
  right: number
  /** The right edge of the text of the line's column (the widest line of the page's column). */
  edge: number
  size: number
  font: string
  /** x where the text after a bullet starts (for hanging indents). */
  bodyX: number
  links: TextLink[]
}

/** A line that starts with its own label ("Tools: Python, dbt") starts a block. */
const LABELLED = /^\p{Lu}[\p{L} &/]{0,30}: /u

/** A gap wider than this many times the font size starts a new line within a row. */
const CUT_GAP = 2.5
/** Items of different sizes (ratio above this) further apart than `GUTTER_GAP` sizes are separate lines. */
const SIZE_RATIO = 1.15
const GUTTER_GAP = 0.6
/** Items further apart than this many times the font size are separate parts (" · "). */
const PART_GAP = 0.55

/**
 * Bullets Word and LibreOffice draw from the Symbol and Wingdings fonts, which PDFs map into the Private Use Area
 * (U+F0B7 •, U+F0A7 ▪, U+F06E ■, U+F076 ❖, U+F0D8 ➢, U+F0FC ✓): read as the bullet they are, not as an icon.
 */
const SYMBOL_BULLETS = new Set([0xf0b7, 0xf0a7, 0xf06e, 0xf076, 0xf0d8, 0xf0fc])

const isPrivateUse = (code: number) =>
  (code >= 0xe000 && code <= 0xf8ff) || (code >= 0xf0000 && code <= 0xffffd) || code >= 0x100000

/**
 * The readable text of a PDF text item: NFKC (ligatures, full-width and compatibility forms), without control
 * characters, replacement characters or private-use icon glyphs; an icon becomes a separator.
 */
export function readableText(raw: string): string {
  let out = ''
  for (const ch of raw.normalize('NFKC')) {
    const code = ch.codePointAt(0) ?? 0
    if (SYMBOL_BULLETS.has(code)) out += '•'
    else if (isPrivateUse(code)) out += ' · '
    else if ((code >= 0x20 || code === 0x09 || code === 0x0a) && code !== 0xfffd) out += ch
  }
  return out
}

const sizeRatio = (p: number, q: number) => Math.max(p, q) / Math.max(0.1, Math.min(p, q))

/** Groups items into lines (same baseline, cut at gutters and wide gaps), top to bottom, left to right. */
export function toLines(items: readonly PdfItem[]): PdfLine[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x)
  const rows: PdfItem[][] = []
  for (const item of sorted) {
    const row = rows.at(-1)
    const ref = row?.[0]
    if (row && ref && Math.abs(ref.y - item.y) <= Math.max(ref.size, item.size) * 0.4) row.push(item)
    else rows.push([item])
  }
  const lines: PdfLine[] = []
  for (const row of rows) {
    row.sort((p, q) => p.x - q.x)
    let segment: PdfItem[] = []
    for (const item of row) {
      const last = segment.at(-1)
      if (last) {
        const gap = item.x - (last.x + last.width)
        const size = Math.min(last.size, item.size)
        const cut =
          gap > CUT_GAP * Math.max(last.size, item.size) ||
          (sizeRatio(last.size, item.size) > SIZE_RATIO && gap > GUTTER_GAP * size)
        if (cut) {
          lines.push(lineOf(segment))
          segment = []
        }
      }
      segment.push(item)
    }
    if (segment.length > 0) lines.push(lineOf(segment))
  }
  const edge = Math.max(...lines.map((l) => l.right))
  for (const line of lines) line.edge = edge
  return lines
}

function lineOf(row: readonly PdfItem[]): PdfLine {
  let text = ''
  let end = Number.NEGATIVE_INFINITY
  const weights = new Map<string, number>()
  const links: TextLink[] = []
  for (const item of row) {
    const gap = item.x - end
    const last = text.at(-1) ?? ' '
    // A bullet glyph set apart from its text is not a part of its own.
    const afterBullet = text.trim().length === 1 && BULLET.test(`${text.trim()} `)
    if (text && !afterBullet && gap > item.size * PART_GAP && !/[\s·|•,]/.test(last) && !/^[\s·|•,]/.test(item.str))
      text += ' · '
    // The last character only: a pattern anchored at the end is still tried from every character of the line.
    else if (text && gap > item.size * 0.15 && !/\s/.test(last) && !/^\s/.test(item.str)) text += ' '
    text += item.str
    end = item.x + item.width
    weights.set(item.font, (weights.get(item.font) ?? 0) + item.str.length)
    if (item.link) {
      const open = links.at(-1)
      if (open && open.url === item.link) open.text = `${open.text} ${item.str.trim()}`.trim()
      else links.push({ text: item.str.trim(), url: item.link })
    }
  }
  const font = [...weights.entries()].sort((p, q) => q[1] - p[1])[0]?.[0] ?? ''
  const first = row[0] as PdfItem
  const bulletOnly = BULLET.test(`${first.str.trim()} `) && first.str.trim().length === 1
  return {
    text: tidy(text),
    x: first.x,
    y: first.y,
    right: end,
    edge: end,
    size: Math.max(...row.map((it) => it.size)),
    font,
    bodyX: bulletOnly && row[1] ? row[1].x : first.x,
    links: links.map((l) => ({ text: tidy(l.text), url: l.url })),
  }
}

/** White space collapsed; separators left by icons merged, and none at either end. */
function tidy(text: string): string {
  const parts = text.split('·').map((p) => p.replace(/\s+/g, ' ').trim())
  return parts.filter(Boolean).join(' · ')
}

/** Merges wrapped lines into blocks: same font and size, close below, the line above full, not a new bullet. */
export function toBlocks(lines: readonly PdfLine[]): TextBlock[] {
  const bodySize = modeOf(lines.map((l) => l.size)) ?? 10
  const bodyFont = modeOf(lines.filter((l) => l.size === bodySize).map((l) => l.font))
  const blocks: {
    text: string
    kind: TextBlock['kind']
    font: string
    size: number
    links: TextLink[]
  }[] = []
  let previous: PdfLine | undefined
  for (const line of lines) {
    const bullet = BULLET.exec(line.text)
    const last = blocks.at(-1)
    const edge = previous?.edge
    const continues =
      /^[\p{Ll}\d(]/u.test(line.text) || (last !== undefined && /[\p{L}\d][-/]$/u.test(last.text.slice(-3)))
    // A bullet's hanging indent tells its wrapped lines apart; plain text must have reached the column's edge.
    const full =
      previous !== undefined &&
      edge !== undefined &&
      (last?.kind === 'bullet' ||
        previous.right >= edge - Math.max(previous.size * 2.5, (edge - previous.x) * 0.05) ||
        (continues && previous.right >= edge - Math.max(previous.size * 3, (edge - previous.x) * 0.1)))
    const wrapped =
      last &&
      previous &&
      !bullet &&
      full &&
      line.size === previous.size &&
      line.font === previous.font &&
      previous.y > line.y &&
      // Airy designs (line height 1.5) set wrapped lines further apart: a line going on in lower case may be further.
      previous.y - line.y <= line.size * (continues ? 1.75 : 1.3) &&
      !LABELLED.test(line.text) &&
      (last.kind === 'bullet' ? line.x >= previous.bodyX - 1 : Math.abs(line.x - previous.x) <= line.size)
    if (wrapped && last) {
      last.text = joinWrapped(last.text, line.text)
      last.links.push(...line.links)
    } else {
      blocks.push({
        text: bullet ? line.text.slice(bullet[0].length) : line.text,
        kind: bullet ? 'bullet' : 'text',
        font: line.font,
        size: line.size,
        links: [...line.links],
      })
    }
    previous = line
  }
  return blocks.map((b) => ({
    text: b.text,
    kind: b.kind,
    bold: b.font !== bodyFont && b.size <= bodySize * 1.1,
    scale: Math.round((b.size / bodySize) * 100) / 100,
    ...(b.links.length > 0 && { links: b.links }),
  }))
}

function joinWrapped(head: string, tail: string): string {
  // Lines broken after a hyphen or a slash (inside a word or a URL) join without a space. Only the end of the block
  // is read (a letter may take two code units): the block grows with every line joined to it.
  if (/[\p{L}\d][-/]$/u.test(head.slice(-3)) && /^[\p{L}\d]/u.test(tail)) return head + tail
  return `${head} ${tail}`
}

function modeOf<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts.entries()].sort((p, q) => q[1] - p[1])[0]?.[0]
}
