/**
 * Two-column designs: which blocks of a resume go in the band across the top, the main column and the narrow column
 * (from the template's `columns`, so no renderer decides it), and where the columns sit on a page. PDF and HTML draw
 * from this; the other formats keep the one-column order of `layoutResume`.
 */
import type { ResumeDesign } from '../resumes/resume-design.js'
import type { TemplateColumns } from '../templates/template.types.js'
import type { JsonResume } from './json-resume.js'
import { type LayoutBlock, layoutHeader, layoutSections } from './resume-layout.js'

/** The heading over the contact details when they sit in the narrow column (importers read it as the header). */
export const CONTACT_HEADING = 'Contact'

export interface ColumnBlocks {
  /** Drawn across the page above both columns, on the first page only. */
  readonly top: LayoutBlock[]
  readonly main: LayoutBlock[]
  readonly aside: LayoutBlock[]
}

/**
 * The resume's blocks by where they go. Sections keep the design's order and visibility within their column; the
 * contact details in the narrow column are one part a line under a "Contact" heading.
 */
export function layoutColumns(resume: JsonResume, design: ResumeDesign, columns: TemplateColumns): ColumnBlocks {
  const { identity, contact } = layoutHeader(resume)
  const placed: ColumnBlocks = { top: [], main: [], aside: [] }
  placed[columns.identity].push(...identity)
  if (columns.contact === 'top') placed.top.push(...contact)
  else if (contact.length > 0) {
    const lines = contact.flatMap((block): LayoutBlock[] =>
      block.kind === 'contact'
        ? block.parts.map((part, i) => ({
            kind: 'contact',
            // A linked web address fits a narrow column without its scheme and a profile's network name ("GitHub:
            // https://github.com/ada" reads "github.com/ada"); the link keeps the whole address.
            parts: [block.links?.[i]?.startsWith('http') ? part.replace(/^(?:[^:/]{1,30}: )?https?:\/\//, '') : part],
            ...(block.links?.[i] && { links: [block.links[i]] }),
          }))
        : [block],
    )
    placed.aside.push({ kind: 'heading', text: CONTACT_HEADING }, ...lines)
  }
  const inAside = new Set(columns.asideSections)
  for (const section of layoutSections(resume, design)) {
    placed[inAside.has(section.key) ? 'aside' : 'main'].push(...section.blocks)
  }
  return placed
}

/** A column's text: from `x`, `width` wide, in points from the page's left edge. */
export interface ColumnBox {
  readonly x: number
  readonly width: number
}

export interface ColumnFrames {
  readonly main: ColumnBox
  readonly aside: ColumnBox
  /** The tinted panel behind the narrow column, from the page's edge to the middle of the gutter. */
  readonly panel: ColumnBox
}

/** Where the columns sit on a page `pageWidth` wide with `margin` on each side. */
export function columnFrames(columns: TemplateColumns, pageWidth: number, margin: number): ColumnFrames {
  const inner = pageWidth - 2 * margin
  const asideWidth = Math.round(inner * columns.asideWidth * 10) / 10
  const mainWidth = inner - asideWidth - columns.gutter
  if (columns.asideSide === 'left') {
    const panelWidth = margin + asideWidth + columns.gutter / 2
    return {
      aside: { x: margin, width: asideWidth },
      main: { x: margin + asideWidth + columns.gutter, width: mainWidth },
      panel: { x: 0, width: panelWidth },
    }
  }
  const asideX = margin + mainWidth + columns.gutter
  return {
    main: { x: margin, width: mainWidth },
    aside: { x: asideX, width: asideWidth },
    panel: { x: asideX - columns.gutter / 2, width: pageWidth - asideX + columns.gutter / 2 },
  }
}

/** `accent` at `share` over white, as `#rrggbb` (the narrow column's background). */
export function tintOf(accent: string, share: number): string {
  const channel = (i: number) => {
    const value = Number.parseInt(accent.slice(1 + 2 * i, 3 + 2 * i), 16)
    return Math.round(255 - (255 - value) * share)
      .toString(16)
      .padStart(2, '0')
  }
  return `#${channel(0)}${channel(1)}${channel(2)}`
}
