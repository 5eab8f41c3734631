/**
 * DOCX export with the `docx` package: Word's built-in Heading 1/2/3 styles for the name, sections and entries and
 * real bulleted lists, so the file stays editable and its structure survives a round trip.
 */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import type { DocumentRenderer } from '../../domain/documents/document.ports.js'
import type { RenderOptions } from '../../domain/documents/document.types.js'
import type { JsonResume } from '../../domain/documents/json-resume.js'
import { type LayoutBlock, layoutResume, PART_SEPARATOR } from '../../domain/documents/resume-layout.js'
import type { Template, TemplateStyle } from '../../domain/templates/template.types.js'
import { requireStyle } from './pdf.renderer.js'

const FONT_NAMES: Record<TemplateStyle['font'], string> = {
  serif: 'DejaVu Serif',
  sans: 'DejaVu Sans',
  condensed: 'DejaVu Sans Condensed',
}
const PAGE_TWIPS = { letter: { width: 12240, height: 15840 }, a4: { width: 11906, height: 16838 } }
const halfPoints = (pt: number) => Math.round(pt * 2)
const twips = (pt: number) => Math.round(pt * 20)

function paragraphOf(block: LayoutBlock, style: TemplateStyle): Paragraph {
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
        children: [new TextRun({ text: block.parts.join(PART_SEPARATOR), color: '444444' })],
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
        children: [new TextRun({ text: block.text, bold: true, size: halfPoints(style.baseSize), color: '111111' })],
      })
    case 'entryMeta':
      return new Paragraph({ spacing: gap, children: [new TextRun({ text: block.text, color: '444444' })] })
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
  const style = requireStyle(template)
  const page = PAGE_TWIPS[options.paper]
  const document = new Document({
    title: options.title,
    creator: options.author,
    description: 'Resume',
    styles: {
      default: {
        document: { run: { font: FONT_NAMES[style.font], size: halfPoints(style.baseSize), color: '111111' } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: page,
            margin: {
              top: twips(style.margin),
              bottom: twips(style.margin),
              left: twips(style.margin),
              right: twips(style.margin),
            },
          },
        },
        children: layoutResume(resume).map((block) => paragraphOf(block, style)),
      },
    ],
  })
  return Packer.toBuffer(document)
}

export const docxRenderer: DocumentRenderer = {
  async render(resume, template, options) {
    return new Uint8Array(await renderDocx(resume, template, options))
  },
}
