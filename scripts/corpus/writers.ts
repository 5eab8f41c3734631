/**
 * The corpus's own drawings of a truth: Markdown for pandoc, and DOCX in three layouts (plain, a two-column table,
 * the name and contacts in the page header) for Word readers and LibreOffice. Each layout writes dates its own way,
 * as people do ("Mar 2019 – Present", "03/2019 – 05/2021", "2019/03 – 2021/05", "03.2019 – 05.2021").
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx'
import type { Truth } from '../../eval/import/truths.js'

interface Entry {
  readonly [key: string]: unknown
}
const list = (value: unknown): Entry[] => (Array.isArray(value) ? (value as Entry[]) : [])
const str = (value: unknown): string => (typeof value === 'string' ? value : '')
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

export type DateStyle = 'short' | 'long' | 'slash' | 'year-slash' | 'dotted'

export function dateText(iso: string, style: DateStyle): string {
  const [year, month] = iso.split('-')
  if (!month) return year ?? ''
  const m = Number(month)
  switch (style) {
    case 'short':
      return `${MONTHS[m - 1]} ${year}`
    case 'long':
      return `${LONG[m - 1]} ${year}`
    case 'slash':
      return `${month}/${year}`
    case 'year-slash':
      return `${year}/${month}`
    case 'dotted':
      return `${month}.${year}`
  }
}

export function rangeText(start: string, end: string, style: DateStyle): string {
  const from = start ? dateText(start, style) : ''
  const to = end ? dateText(end, style) : 'Present'
  return from ? `${from} – ${to}` : to
}

function locationText(basics: Record<string, unknown>): string {
  const location = (basics.location ?? {}) as Record<string, unknown>
  return [str(location.city), str(location.region)].filter(Boolean).join(', ')
}

function contactParts(basics: Record<string, unknown>): { text: string; link?: string }[] {
  const parts: { text: string; link?: string }[] = []
  if (basics.email) parts.push({ text: str(basics.email), link: `mailto:${str(basics.email)}` })
  if (basics.phone) parts.push({ text: str(basics.phone) })
  const location = locationText(basics)
  if (location) parts.push({ text: location })
  if (basics.url) parts.push({ text: str(basics.url).replace(/^https?:\/\//, ''), link: str(basics.url) })
  for (const profile of list(basics.profiles)) {
    parts.push({ text: str(profile.url).replace(/^https?:\/\/(www\.)?/, ''), link: str(profile.url) })
  }
  return parts
}

/** Markdown as a person writes it for pandoc. */
export function markdownOf(resume: Truth): string {
  const basics = (resume.basics ?? {}) as Record<string, unknown>
  const out: string[] = [`# ${str(basics.name)}`, '']
  if (basics.label) out.push(`**${str(basics.label)}**`, '')
  out.push(
    contactParts(basics)
      .map((p) => (p.link && !p.link.startsWith('mailto') ? `[${p.text}](${p.link})` : p.text))
      .join(' · '),
    '',
  )
  if (basics.summary) out.push('## Summary', '', str(basics.summary), '')
  if (list(resume.work).length > 0) {
    out.push('## Experience', '')
    for (const job of list(resume.work)) {
      out.push(`### ${str(job.position)}, ${str(job.name)}`, '')
      out.push(
        `*${rangeText(str(job.startDate), str(job.endDate), 'short')}*${job.location ? ` · ${str(job.location)}` : ''}`,
        '',
      )
      if (job.summary) out.push(str(job.summary), '')
      for (const h of list(job.highlights)) out.push(`- ${String(h)}`)
      out.push('')
    }
  }
  if (list(resume.education).length > 0) {
    out.push('## Education', '')
    for (const school of list(resume.education)) {
      out.push(`### ${str(school.institution)}`, '')
      const degree = [str(school.studyType), str(school.area)].filter(Boolean).join(', ')
      out.push(`${degree} · ${rangeText(str(school.startDate), str(school.endDate), 'long')}`, '')
    }
  }
  if (list(resume.skills).length > 0) {
    out.push('## Skills', '')
    for (const skill of list(resume.skills)) {
      const keywords = list(skill.keywords).map(String).join(', ')
      out.push(`- **${str(skill.name)}**${keywords ? `: ${keywords}` : ''}`)
    }
    out.push('')
  }
  for (const [key, title] of [
    ['certificates', 'Certifications'],
    ['languages', 'Languages'],
  ] as const) {
    if (list(resume[key]).length === 0) continue
    out.push(`## ${title}`, '')
    for (const item of list(resume[key])) {
      out.push(
        `- ${key === 'languages' ? `${str(item.language)} (${str(item.fluency)})` : [str(item.name), str(item.issuer)].filter(Boolean).join(' — ')}`,
      )
    }
    out.push('')
  }
  return out.join('\n')
}

export type DocxLayout = 'plain' | 'table' | 'header'

const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2, spacing: { before: 200 } })

function contactParagraph(
  basics: Record<string, unknown>,
  align?: (typeof AlignmentType)[keyof typeof AlignmentType],
): Paragraph {
  const children: ParagraphChild[] = []
  contactParts(basics).forEach((part, i) => {
    if (i > 0) children.push(new TextRun('  |  '))
    children.push(
      part.link
        ? new ExternalHyperlink({ link: part.link, children: [new TextRun({ text: part.text, style: 'Hyperlink' })] })
        : new TextRun(part.text),
    )
  })
  return new Paragraph({ children, ...(align && { alignment: align }) })
}

function workParagraphs(resume: Truth, layout: DocxLayout): Paragraph[] {
  const style: DateStyle = layout === 'plain' ? 'slash' : layout === 'table' ? 'year-slash' : 'dotted'
  const out: Paragraph[] = []
  for (const job of list(resume.work)) {
    const range = rangeText(str(job.startDate), str(job.endDate), style)
    if (layout === 'header') {
      // Company first, the role on its own line below with the dates.
      out.push(
        new Paragraph({ children: [new TextRun({ text: str(job.name), bold: true })], spacing: { before: 120 } }),
      )
      out.push(
        new Paragraph({
          children: [new TextRun({ text: str(job.position), italics: true }), new TextRun(`\t${range}`)],
          tabStops: [{ type: TabStopType.RIGHT, position: 9000 }],
        }),
      )
    } else {
      out.push(
        new Paragraph({
          children: [
            new TextRun({ text: `${str(job.position)}, ${str(job.name)}`, bold: true }),
            new TextRun(`\t${range}`),
          ],
          tabStops: [{ type: TabStopType.RIGHT, position: layout === 'table' ? 6200 : 9000 }],
          spacing: { before: 120 },
        }),
      )
    }
    if (job.summary) out.push(new Paragraph(str(job.summary)))
    for (const h of list(job.highlights)) out.push(new Paragraph({ text: String(h), bullet: { level: 0 } }))
  }
  return out
}

function educationParagraphs(resume: Truth, layout: DocxLayout): Paragraph[] {
  const out: Paragraph[] = []
  for (const school of list(resume.education)) {
    const degree = [str(school.studyType), str(school.area)].filter(Boolean).join(' in ')
    const range = rangeText(str(school.startDate), str(school.endDate), layout === 'table' ? 'year-slash' : 'short')
    out.push(
      new Paragraph({
        children: [new TextRun({ text: str(school.institution), bold: true })],
        spacing: { before: 80 },
      }),
    )
    out.push(new Paragraph(degree))
    out.push(new Paragraph(range))
  }
  return out
}

function skillParagraphs(resume: Truth): Paragraph[] {
  return list(resume.skills).map(
    (skill) =>
      new Paragraph({
        children: [
          new TextRun({ text: `${str(skill.name)}: `, bold: true }),
          new TextRun(list(skill.keywords).map(String).join(', ')),
        ],
      }),
  )
}

/** A DOCX of the truth in one of the corpus's layouts. */
export async function docxOf(resume: Truth, layout: DocxLayout): Promise<Buffer> {
  const basics = (resume.basics ?? {}) as Record<string, unknown>
  const nameRun = new TextRun({ text: str(basics.name), bold: true, size: 40 })
  const top = [new Paragraph({ children: [nameRun] }), new Paragraph(str(basics.label)), contactParagraph(basics)]
  const summary = basics.summary ? [heading('Profile'), new Paragraph(str(basics.summary))] : []
  let children: (Paragraph | Table)[]
  let headers: { default: Header } | undefined
  if (layout === 'plain') {
    children = [
      ...top,
      ...summary,
      heading('Work Experience'),
      ...workParagraphs(resume, layout),
      heading('Education'),
      ...educationParagraphs(resume, layout),
      heading('Skills'),
      ...skillParagraphs(resume),
    ]
  } else if (layout === 'table') {
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
    const borders = { top: none, bottom: none, left: none, right: none }
    children = [
      new Paragraph({ children: [nameRun] }),
      new Paragraph(str(basics.label)),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        columnWidths: [6500, 3000],
        rows: [
          new TableRow({
            children: [
              new TableCell({
                borders,
                width: { size: 6500, type: WidthType.DXA },
                children: [...summary, heading('Experience'), ...workParagraphs(resume, layout)],
              }),
              new TableCell({
                borders,
                width: { size: 3000, type: WidthType.DXA },
                children: [
                  heading('Contact'),
                  ...contactParts(basics).map((p) => new Paragraph(p.text)),
                  heading('Education'),
                  ...educationParagraphs(resume, layout),
                  heading('Skills'),
                  ...skillParagraphs(resume),
                ],
              }),
            ],
          }),
        ],
      }),
    ]
  } else {
    headers = {
      default: new Header({
        children: [
          new Paragraph({ children: [nameRun], alignment: AlignmentType.CENTER }),
          contactParagraph(basics, AlignmentType.CENTER),
        ],
      }),
    }
    children = [
      new Paragraph({ children: [new TextRun({ text: str(basics.label), bold: true })] }),
      ...summary,
      heading('Professional Experience'),
      ...workParagraphs(resume, layout),
      heading('Education and Training'),
      ...educationParagraphs(resume, layout),
      heading('Core Skills'),
      ...skillParagraphs(resume),
    ]
  }
  const doc = new Document({
    creator: 'RoleReady corpus',
    title: str(basics.name),
    sections: [{ ...(headers && { headers }), children }],
  })
  return Packer.toBuffer(doc)
}
