/**
 * PDF export with pdfkit: the design's bundled font embedded (subset), Noto Sans CJK for Chinese, Japanese and Korean
 * text, a real text layer written in reading order, document title/author metadata, US Letter or A4, automatic page
 * breaks that never clip a line, headings kept with the entry that follows them, and link annotations on e-mail
 * addresses, phone numbers and web addresses. Two-column templates draw the main column through every page, then go
 * back to the first page for the narrow one, so each column's text is one run in reading order.
 */
import PDFDocument from 'pdfkit'
import { type RenderStyle, renderStyleOf } from '../../domain/documents/design-style.js'
import type { DocumentRenderer } from '../../domain/documents/document.ports.js'
import type { RenderOptions } from '../../domain/documents/document.types.js'
import type { JsonResume } from '../../domain/documents/json-resume.js'
import { columnFrames, layoutColumns, tintOf } from '../../domain/documents/resume-columns.js'
import { type LayoutBlock, layoutResume, PART_SEPARATOR, paragraphText } from '../../domain/documents/resume-layout.js'
import type { Template } from '../../domain/templates/template.types.js'
import { cjkFallbacks, type FallbackFont, type FontWeight, fontPair, operatorFallback } from './fonts.js'

const BULLET_INDENT = 12
const MUTED = '#444444'
const TEXT = '#111111'

export interface PdfRendererOptions {
  /** Absolute path of a TTF/OTF tried before the built-in CJK fonts for characters the template's font lacks. */
  readonly fallbackFontFile?: string | undefined
}

export function createPdfRenderer(options: PdfRendererOptions = {}): DocumentRenderer {
  return {
    render(resume, template, renderOptions) {
      return renderPdf(resume, template, renderOptions, options)
    },
  }
}

type Doc = PDFKit.PDFDocument

function renderPdf(
  resume: JsonResume,
  template: Template,
  { paper, title, author, design }: RenderOptions,
  { fallbackFontFile }: PdfRendererOptions,
): Promise<Uint8Array> {
  const style = renderStyleOf(template, design)
  const doc = new PDFDocument({
    size: paper === 'a4' ? 'A4' : 'LETTER',
    margin: style.margin,
    info: { Title: title, Author: author, Creator: 'RoleReady', Producer: 'RoleReady', Subject: 'Resume' },
    displayTitle: true,
    lang: 'en',
    pdfVersion: '1.7',
    // Two columns are drawn one after the other, the second going back over the pages the first filled.
    bufferPages: style.columns !== undefined,
  })
  const fonts = fontPair(style.fontFamily)
  doc.registerFont('regular', fonts.regular)
  doc.registerFont('bold', fonts.bold)
  // DejaVu Sans draws scripts the chosen font lacks (Hebrew, Arabic in DejaVu Serif; Greek and Cyrillic extensions in
  // Liberation Sans); the fallbacks cover the rest (CJK). They are registered only when a character needs them, so a
  // document embeds just the fonts it uses.
  const sans = fontPair('dejavu-sans')
  doc.registerFont('alt-regular', sans.regular)
  doc.registerFont('alt-bold', sans.bold)
  const operator = operatorFallback(fallbackFontFile)
  const fallbacks: Fallbacks = {
    regular: [...(operator ? [operator] : []), ...cjkFallbacks('regular')],
    bold: [...(operator ? [operator] : []), ...cjkFallbacks('bold')],
  }

  const chunks: Buffer[] = []
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })
  const chooser = createFontChooser(doc, fallbacks)
  if (style.columns) drawColumns(doc, resume, style, design, chooser)
  else drawBlocks(doc, layoutResume(resume, design), style, chooser, pageFlow(doc))
  doc.end()
  return done
}

/** A piece of a line: its text, weight and, for a link, where it points. */
interface Segment {
  readonly text: string
  readonly font: FontWeight
  readonly link?: string | undefined
}

/** Where a run of blocks is drawn: a column `width` wide from `left`, and how it goes on to the next page. */
interface Flow {
  readonly left: number
  readonly width: number
  nextPage(): void
  /**
   * A column beside another: each block is moved whole to the next page when it does not fit, and a section that
   * goes on over a page break repeats its heading there, so an importer reading the columns one after the other
   * still finds each continuation under its section.
   */
  readonly column: boolean
}

/** The whole width between the margins, going on to new pages. */
function pageFlow(doc: Doc): Flow {
  const left = doc.page.margins.left
  return {
    left,
    width: doc.page.width - left - doc.page.margins.right,
    nextPage: () => doc.addPage(),
    column: false,
  }
}

/**
 * A two-column page: the top band across the first page, then the main column through as many pages as it needs,
 * then the narrow column from the first page again, moving on to the pages the main column made (and adding more
 * when it is the longer one). The narrow column's tint is drawn on each page as it is made, behind its text.
 */
function drawColumns(
  doc: Doc,
  resume: JsonResume,
  style: RenderStyle,
  design: RenderOptions['design'],
  chooser: FontChooser,
) {
  const columns = style.columns as NonNullable<RenderStyle['columns']>
  const frames = columnFrames(columns, doc.page.width, style.margin)
  const placed = layoutColumns(resume, design ?? {}, columns)
  const tint = columns.asideTint > 0 ? tintOf(style.accent, columns.asideTint) : undefined
  const drawPanel = () => {
    if (!tint) return
    const previous = (doc as unknown as { _fillColor?: [string, number] })._fillColor
    doc.save().rect(frames.panel.x, 0, frames.panel.width, doc.page.height).fill(tint).restore()
    if (previous) doc.fillColor(...previous)
  }
  drawPanel()
  doc.on('pageAdded', drawPanel)

  let page = 0
  const goTo = (n: number) => {
    const { start, count } = doc.bufferedPageRange()
    if (n < start + count) {
      doc.switchToPage(n)
      doc.y = doc.page.margins.top
    } else doc.addPage()
    page = n
  }
  // pdfkit breaks a paragraph taller than what is left of a page by asking for a new page: in a column that is the
  // next page of the document, which the other column may already have made.
  doc.continueOnNewPage = () => {
    goTo(page + 1)
    return doc
  }
  const flow = (box: { x: number; width: number }): Flow => ({
    left: box.x,
    width: box.width,
    nextPage: () => goTo(page + 1),
    column: true,
  })

  if (placed.top.length > 0) drawBlocks(doc, placed.top, style, chooser, { ...pageFlow(doc), column: false })
  const top = placed.top.length > 0 ? doc.y + style.blockGap * 4 : doc.page.margins.top
  if (placed.top.length > 0) {
    const y = top - style.blockGap * 2
    doc
      .moveTo(style.margin, y)
      .lineTo(doc.page.width - style.margin, y)
      .lineWidth(0.8)
      .strokeColor(style.accent)
      .stroke()
  }
  doc.y = top
  drawBlocks(doc, placed.main, style, chooser, flow(frames.main))
  goTo(0)
  doc.y = top
  drawBlocks(doc, placed.aside, style, chooser, flow(frames.aside))
}

function drawBlocks(doc: Doc, blocks: readonly LayoutBlock[], style: RenderStyle, chooser: FontChooser, flow: Flow) {
  const { left, width } = flow
  // Line spacing adds to each line the font's own gap times (spacing − 1).
  const lineGap = (size: number) => size * 1.2 * (style.lineSpacing - 1)
  const lineHeight = (size: number) => size * 1.25 + lineGap(size)
  const bottom = () => doc.page.height - doc.page.margins.bottom
  /** Starts a new page unless `height` points fit below the current position. */
  const keep = (height: number) => {
    if (doc.y + height > bottom()) flow.nextPage()
  }
  /**
   * Writes a line of segments as one paragraph, switching to the fallback font for runs the main font cannot draw;
   * a segment with a link gets a link annotation over its text.
   */
  const writeSegments = (segments: readonly Segment[], size: number, opts: PDFKit.Mixins.TextOptions) => {
    doc.fontSize(size)
    const runs = segments.flatMap((segment) =>
      splitRuns(visualWordOrder(segment.text), segment.font, chooser).map((run) => ({ ...run, link: segment.link })),
    )
    // Every run sits on the body font's baseline: fonts place text by their own ascent, which would lift or drop a
    // run in another font (Noto Sans CJK ascends further than DejaVu) off the line it shares.
    const baseline = -(ascender(doc.font(segments[0]?.font ?? 'regular')) / 1000) * size
    const options = { ...opts, ...alignRuns(doc, runs, opts), baseline, lineGap: lineGap(size) }
    runs.forEach((run, i) => {
      doc.font(run.font).text(run.text, {
        ...options,
        link: run.link ?? null,
        underline: false,
        continued: i < runs.length - 1,
      })
    })
  }
  const write = (text: string, font: FontWeight, size: number, opts: PDFKit.Mixins.TextOptions) =>
    writeSegments([{ text, font }], size, opts)

  const base = style.baseSize
  const measure = (text: string, font: FontWeight, size: number, within = width) =>
    doc
      .font(font)
      .fontSize(size)
      .heightOfString(text, { width: within, lineGap: lineGap(size) })
  /**
   * About how tall a block is drawn (leads measured as regular text), and at least the room it keeps below it, to
   * move it whole to the next page.
   */
  const heightOf = (block: LayoutBlock): number => {
    switch (block.kind) {
      case 'heading':
        return lineHeight(style.headingSize) + lineHeight(base) * 3
      case 'entryTitle':
        return Math.max(measure(block.text, 'bold', base), lineHeight(base) * 3)
      case 'bullet':
        return Math.max(measure(block.text, 'regular', base, width - BULLET_INDENT), lineHeight(base))
      case 'paragraph':
        return Math.max(measure(paragraphText(block), 'regular', base), lineHeight(base))
      case 'entryMeta':
        return measure(block.text, 'regular', base)
      case 'contact':
        return measure(block.parts.join(PART_SEPARATOR), 'regular', base)
      default:
        return 0
    }
  }

  const drawBlock = (block: LayoutBlock) => {
    doc.x = left
    switch (block.kind) {
      case 'name':
        doc.fillColor(style.accent)
        write(block.text, 'bold', style.nameSize, { width, align: style.nameAlign })
        break
      case 'label':
        doc.fillColor(TEXT)
        write(block.text, 'regular', base + 1.5, { width, align: style.nameAlign })
        break
      case 'contact': {
        doc.fillColor(MUTED)
        // Parts are packed into lines that fit, breaking between parts (an address never splits), each line drawn
        // as one centred piece so its links stay over their text.
        for (const line of packContactLine(doc, block.parts, block.links, base, width)) {
          writeSegments(line, base, { width, align: style.nameAlign })
        }
        break
      }
      case 'heading': {
        // Keep a heading with at least the first two lines of what follows.
        keep(lineHeight(style.headingSize) + lineHeight(base) * 3)
        doc.fillColor(style.accent)
        const text = style.headingCase === 'upper' ? block.text.toUpperCase() : block.text
        write(text, 'bold', style.headingSize, { width })
        if (style.headingRule) {
          const y = doc.y + 1
          doc
            .moveTo(left, y)
            .lineTo(left + width, y)
            .lineWidth(0.6)
            .strokeColor(style.accent)
            .stroke()
          doc.y = y + 2
        }
        break
      }
      case 'entryTitle':
        keep(lineHeight(base) * 3)
        doc.fillColor(TEXT)
        write(block.text, 'bold', base, { width })
        break
      case 'entryMeta': {
        doc.fillColor(MUTED)
        const { link } = block
        const before = link ? block.text.slice(0, block.text.length - link.text.length) : block.text
        writeSegments(
          [
            ...(before ? [{ text: before, font: 'regular' as const }] : []),
            ...(link ? [{ text: link.text, font: 'regular' as const, link: link.href }] : []),
          ],
          base,
          { width },
        )
        break
      }
      case 'paragraph':
        keep(lineHeight(base))
        doc.fillColor(TEXT)
        if (block.lead) {
          writeSegments(
            [
              { text: `${block.lead}: `, font: 'bold' },
              { text: block.text, font: 'regular' },
            ],
            base,
            { width },
          )
        } else {
          write(block.text, 'regular', base, { width })
        }
        break
      case 'bullet': {
        keep(lineHeight(base))
        doc.fillColor(TEXT)
        const y = doc.y
        doc
          .fontSize(base)
          .font('regular')
          .text('•', left + 2, y, { lineBreak: false })
        doc.x = left + BULLET_INDENT
        doc.y = y
        write(block.text, 'regular', base, { width: width - BULLET_INDENT })
        break
      }
    }
  }

  let previous: LayoutBlock['kind'] | undefined
  let section: LayoutBlock | undefined
  for (const block of blocks) {
    // A gap between blocks (wider before headings and between entries) lets readers and importers tell them apart.
    if (previous !== undefined) {
      const gap =
        block.kind === 'heading'
          ? style.blockGap * 3
          : block.kind === 'entryTitle' && previous !== 'heading'
            ? style.blockGap * 2
            : style.blockGap
      doc.y += gap
    }
    if (flow.column && doc.y + heightOf(block) > bottom()) {
      flow.nextPage()
      if (block.kind !== 'heading' && section) {
        drawBlock(section)
        doc.y += style.blockGap
      }
    }
    if (block.kind === 'heading') section = block
    drawBlock(block)
    previous = block.kind
  }
}

/**
 * Contact parts as lines of segments no wider than `width` (a part wider than a line gets a line of its own, which
 * pdfkit wraps). A separator stays at the end of the line it follows, as word wrapping would leave it.
 */
function packContactLine(
  doc: Doc,
  parts: readonly string[],
  links: readonly (string | undefined)[] | undefined,
  size: number,
  width: number,
): Segment[][] {
  doc.font('regular').fontSize(size)
  const lines: Segment[][] = []
  let line: Segment[] = []
  let used = 0
  parts.forEach((text, i) => {
    const separator = i < parts.length - 1 ? PART_SEPARATOR : ''
    const needed = doc.widthOfString(text + separator.trimEnd())
    if (line.length > 0 && used + needed > width) {
      lines.push(line)
      line = []
      used = 0
    }
    line.push({ text, font: 'regular', link: links?.[i] })
    if (separator) line.push({ text: separator, font: 'regular' })
    used += doc.widthOfString(text + separator)
  })
  if (line.length > 0) lines.push(line)
  // A line ends at its last part: its separator's trailing space would only push a centred line off centre.
  return lines.map((segments) => {
    const last = segments.at(-1)
    return last && !last.link && last.text === PART_SEPARATOR
      ? [...segments.slice(0, -1), { ...last, text: PART_SEPARATOR.trimEnd() }]
      : segments
  })
}

/**
 * pdfkit centres each piece of continued text on its own, so a centred line drawn in several fonts would overlap
 * itself. When such a line fits, it is moved into place as a whole and drawn left-aligned from there.
 */
function alignRuns(
  doc: Doc,
  runs: readonly { text: string; font: string }[],
  opts: PDFKit.Mixins.TextOptions,
): PDFKit.Mixins.TextOptions {
  if (runs.length < 2 || (opts.align !== 'center' && opts.align !== 'right') || opts.width === undefined) return {}
  const total = runs.reduce((sum, run) => sum + doc.font(run.font).widthOfString(run.text), 0)
  if (total > opts.width) return {}
  const shift = opts.align === 'center' ? (opts.width - total) / 2 : opts.width - total
  doc.x += shift
  // A point to spare keeps rounding from wrapping the last word of a line that fits exactly.
  return { align: 'left', width: opts.width - shift + 1 }
}

type Fallbacks = Record<FontWeight, readonly FallbackFont[]>
type FontChooser = ReturnType<typeof createFontChooser>

interface PdfKitFont {
  readonly ascender: number
  readonly font?: { hasGlyphForCodePoint(codePoint: number): boolean }
}
const currentFont = (doc: Doc) => (doc as unknown as { _font: PdfKitFont })._font
const ascender = (doc: Doc) => currentFont(doc).ascender

/**
 * Picks the font for each character of a document: the template's font, then DejaVu Sans, then the fallbacks (the
 * operator's font first, then Noto Sans CJK). Fallbacks are parsed once per process and registered in the document
 * the first time one of its characters is drawn with them; choices are remembered per document.
 */
function createFontChooser(doc: Doc, fallbacks: Fallbacks) {
  const byName = new Map<string, FallbackFont>()
  for (const fallback of [...fallbacks.regular, ...fallbacks.bold]) byName.set(fallback.name, fallback)
  const registered = new Set<string>()
  const chosen = new Map<string, string>()

  const has = (name: string, cp: number): boolean => {
    const fallback = byName.get(name)
    if (fallback) return fallback.open().hasGlyphForCodePoint(cp)
    return currentFont(doc.font(name)).font?.hasGlyphForCodePoint(cp) ?? true
  }
  const use = (name: string): string => {
    const fallback = byName.get(name)
    if (fallback && !registered.has(name)) {
      // pdfkit takes an opened fontkit font as it takes a file, and subsets it like any other.
      doc.registerFont(name, fallback.open() as unknown as PDFKit.Mixins.PDFFontSource)
      registered.add(name)
    }
    return name
  }
  return {
    has,
    /** The first font of the weight's chain that has the character (the template's font when none has it). */
    choose(weight: FontWeight, cp: number): string {
      const key = `${weight}:${cp}`
      let name = chosen.get(key)
      if (name === undefined) {
        const chain = [weight, `alt-${weight}`, ...fallbacks[weight].map((f) => f.name)]
        name = use(chain.find((candidate) => has(candidate, cp)) ?? weight)
        chosen.set(key, name)
      }
      return name
    },
  }
}

/** Splits text into runs by glyph coverage: the template's font, then DejaVu Sans, then the fallback fonts. */
function splitRuns(text: string, font: FontWeight, chooser: FontChooser): { text: string; font: string }[] {
  const runs: { text: string; font: string; rtl: boolean }[] = []
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    const previous = runs.at(-1)?.font ?? font
    // Spaces and punctuation stay in the run they sit in when its font has them (so a right-to-left run keeps its
    // spaces, and CJK text its spaces and commas); other characters take the first font that has them.
    const gap = /[\s\p{P}]/u.test(ch)
    // Latin spaces and punctuation after text in the template's font need no look-up.
    const stay = gap && (previous !== font || cp >= 0x250) && chooser.has(previous, cp)
    const useFont = stay ? previous : cp < 0x250 ? font : chooser.choose(font, cp)
    // A right-to-left run ends where its letters end, so trailing punctuation is drawn after it, not mirrored into it.
    const rtl = ch === '\u00a0' ? (runs.at(-1)?.rtl ?? false) : RTL_LETTER.test(ch)
    const last = runs.at(-1)
    if (last && last.font === useFont && last.rtl === rtl) last.text += ch
    else runs.push({ text: ch, font: useFont, rtl })
  }
  return runs
}

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/
const LTR_LETTER = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/
const MAX_RTL_GROUP = 8

/**
 * pdfkit lays text out word by word from left to right, while fontkit draws the glyphs of a right-to-left run in
 * visual order. Joining consecutive right-to-left words with no-break spaces makes each phrase one run, so Hebrew
 * and Arabic names and titles read in the right order with their spaces (a minimal bidi; long right-to-left
 * paragraphs stay word by word).
 */
export function visualWordOrder(text: string): string {
  if (!RTL_LETTER.test(text)) return text
  const isRtl = (w: string) => RTL_LETTER.test(w) && !LTR_LETTER.test(w)
  const out: string[] = []
  let group: string[] = []
  const flush = () => {
    if (group.length > 0) out.push(group.length <= MAX_RTL_GROUP ? group.join('\u00a0') : group.join(' '))
    group = []
  }
  for (const word of text.split(' ')) {
    if (isRtl(word)) group.push(word)
    else {
      flush()
      out.push(word)
    }
  }
  flush()
  return out.join(' ')
}
