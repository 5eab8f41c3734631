/**
 * DOCX export with the `docx` package: Word's built-in Heading 1/2/3 styles for the name, sections and entries and
 * real bulleted lists, so the file stays editable and its structure survives a round trip. The design's font is
 * named with a fallback Word has (the font table's alternate name, family and PANOSE class) and LibreOffice bundles
 * the fonts themselves; e-mail addresses, phone numbers and web addresses are hyperlinks.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LineRuleType,
  Packer,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx'
import { type RenderStyle, renderStyleOf } from '../../domain/documents/design-style.js'
import type { DocumentRenderer } from '../../domain/documents/document.ports.js'
import type { RenderOptions } from '../../domain/documents/document.types.js'
import type { JsonResume } from '../../domain/documents/json-resume.js'
import { type LayoutBlock, layoutResume, PART_SEPARATOR } from '../../domain/documents/resume-layout.js'
import type { FontFamily } from '../../domain/resumes/resume-design.js'
import type { Template } from '../../domain/templates/template.types.js'

/** How each bundled family is named in a DOCX, and what Word draws when it is not installed. */
interface DocxFont {
  readonly name: string
  /** PANOSE class: Word picks a similar installed font by it when neither name is installed. */
  readonly panose: string
}

export const DOCX_FONTS: Record<FontFamily, { font: DocxFont; fallback: DocxFont; family: 'swiss' | 'roman' }> = {
  'dejavu-sans': {
    font: { name: 'DejaVu Sans', panose: '020B0603030804020204' },
    fallback: { name: 'Verdana', panose: '020B0604030504040204' },
    family: 'swiss',
  },
  'dejavu-serif': {
    font: { name: 'DejaVu Serif', panose: '02060603050605020204' },
    fallback: { name: 'Cambria', panose: '02040503050406030204' },
    family: 'roman',
  },
  'dejavu-sans-condensed': {
    font: { name: 'DejaVu Sans Condensed', panose: '020B0606030804020204' },
    fallback: { name: 'Arial Narrow', panose: '020B0606020202030204' },
    family: 'swiss',
  },
  'liberation-sans': {
    font: { name: 'Liberation Sans', panose: '020B0604020202020204' },
    fallback: { name: 'Arial', panose: '020B0604020202020204' },
    family: 'swiss',
  },
}

const PAGE_TWIPS = { letter: { width: 12240, height: 15840 }, a4: { width: 11906, height: 16838 } }
const MUTED = '444444'
const TEXT = '111111'
const halfPoints = (pt: number) => Math.round(pt * 2)
const twips = (pt: number) => Math.round(pt * 20)

const escapeXml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string)

/**
 * word/fontTable.xml naming the font and its fallback: Word substitutes the alternate name (or a font of the same
 * family and PANOSE class) when the named font is missing.
 */
export function fontTableXml(family: FontFamily): string {
  const { font, fallback, family: kind } = DOCX_FONTS[family]
  const entry = ({ name, panose }: DocxFont, altName: string | undefined) =>
    `<w:font w:name="${escapeXml(name)}">` +
    (altName ? `<w:altName w:val="${escapeXml(altName)}"/>` : '') +
    `<w:panose1 w:val="${panose}"/><w:charset w:val="00"/><w:family w:val="${kind}"/>` +
    '<w:pitch w:val="variable"/></w:font>'
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entry(font, fallback.name) +
    entry(fallback, undefined) +
    '</w:fonts>'
  )
}

/** A run of text, or a hyperlink around it when it points somewhere. */
function linked(text: string, href: string | undefined, color: string): ParagraphChild {
  const run = new TextRun({ text, color })
  return href ? new ExternalHyperlink({ link: href, children: [run] }) : run
}

function paragraphOf(block: LayoutBlock, style: RenderStyle): Paragraph {
  const color = style.accent.slice(1)
  const align = style.nameAlign === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT
  const gap = { after: twips(style.blockGap) }
  switch (block.kind) {
    case 'name':
      return new Paragraph({
        heading: HeadingLevel.HEADING_1,
        alignment: align,
        children: [new TextRun({ text: block.text, bold: true, size: halfPoints(style.nameSize), color })],
      })
    case 'label':
      return new Paragraph({
        alignment: align,
        spacing: gap,
        children: [new TextRun({ text: block.text, size: halfPoints(style.baseSize + 1.5) })],
      })
    case 'contact':
      return new Paragraph({
        alignment: align,
        spacing: gap,
        children: block.parts.flatMap((text, i) => [
          ...(i > 0 ? [new TextRun({ text: PART_SEPARATOR, color: MUTED })] : []),
          linked(text, block.links?.[i], MUTED),
        ]),
      })
    case 'heading':
      return new Paragraph({
        heading: HeadingLevel.HEADING_2,
        spacing: { before: twips(style.blockGap * 3), after: twips(style.blockGap) },
        ...(style.headingRule && {
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, color, space: 1 } },
        }),
        children: [
          new TextRun({
            text: block.text,
            bold: true,
            size: halfPoints(style.headingSize),
            color,
            allCaps: style.headingCase === 'upper',
          }),
        ],
      })
    case 'entryTitle':
      return new Paragraph({
        heading: HeadingLevel.HEADING_3,
        spacing: { before: twips(style.blockGap * 2) },
        children: [new TextRun({ text: block.text, bold: true, size: halfPoints(style.baseSize), color: TEXT })],
      })
    case 'entryMeta': {
      const { link } = block
      const before = link ? block.text.slice(0, block.text.length - link.text.length) : block.text
      return new Paragraph({
        spacing: gap,
        children: [
          ...(before ? [new TextRun({ text: before, color: MUTED })] : []),
          ...(link ? [linked(link.text, link.href, MUTED)] : []),
        ],
      })
    }
    case 'paragraph':
      return new Paragraph({
        spacing: gap,
        children: block.lead
          ? [new TextRun({ text: `${block.lead}:`, bold: true }), new TextRun({ text: ` ${block.text}` })]
          : [new TextRun({ text: block.text })],
      })
    case 'bullet':
      return new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: block.text })] })
  }
}

export async function renderDocx(resume: JsonResume, template: Template, options: RenderOptions): Promise<Buffer> {
  const style = renderStyleOf(template, options.design)
  const page = PAGE_TWIPS[options.paper]
  const font = DOCX_FONTS[style.fontFamily].font.name
  const margin = twips(style.margin)
  const document = new Document({
    title: options.title,
    creator: options.author,
    description: 'Resume',
    styles: {
      default: {
        document: {
          run: { font: { ascii: font, hAnsi: font, cs: font }, size: halfPoints(style.baseSize), color: TEXT },
          paragraph: { spacing: { line: Math.round(240 * style.lineSpacing), lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: page, margin: { top: margin, bottom: margin, left: margin, right: margin } } },
        children: layoutResume(resume, options.design).map((block) => paragraphOf(block, style)),
      },
    ],
  })
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml(style.fontFamily) }])
}

export const docxRenderer: DocumentRenderer = {
  async render(resume, template, options) {
    return new Uint8Array(await renderDocx(resume, template, options))
  },
}
