import type { SectionKey } from '../resumes/resume-design.js'

/** Output formats a resume can be exported to. */
export const DOCUMENT_FORMATS = ['pdf', 'docx', 'html', 'md', 'txt', 'json'] as const
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number]

/** How a built-in template looks; each renderer applies it as far as its format allows. */
export interface TemplateStyle {
  /** Serif for a traditional look, sans for a modern one, condensed sans to fit more on a page. */
  readonly font: 'serif' | 'sans' | 'condensed'
  /** Body text size in points; headings and the name scale from it. */
  readonly baseSize: number
  readonly nameSize: number
  readonly headingSize: number
  /** Colour of the name and headings, `#rrggbb`. */
  readonly accent: string
  readonly nameAlign: 'left' | 'center'
  readonly headingCase: 'upper' | 'as-is'
  /** A thin rule under each section heading. */
  readonly headingRule: boolean
  /** Space between blocks, in points. */
  readonly blockGap: number
  /** Page margin in points. */
  readonly margin: number
  /** Present for two-column designs (PDF and HTML; the other formats read in one column). */
  readonly columns?: TemplateColumns
}

/**
 * A two-column design as data: where the narrow column sits, how wide it is, its tint, and which parts of the resume
 * it holds. Sections not listed in `asideSections` go in the main column; within each column the design's section
 * order and hidden sections apply.
 */
export interface TemplateColumns {
  readonly asideSide: 'left' | 'right'
  /** Width of the narrow column's text as a share of the width between the page margins. */
  readonly asideWidth: number
  /** Space between the columns' text, in points. */
  readonly gutter: number
  /**
   * The narrow column's background: the accent colour at this share over white, as a panel from the page's edge
   * to the middle of the gutter on every page (0 for none).
   */
  readonly asideTint: number
  /** The name and label: in a band across the top of the first page, or at the top of the main column. */
  readonly identity: 'top' | 'main'
  /** Contact details and profiles: under the name (one line), or at the top of the narrow column (one a line). */
  readonly contact: 'top' | 'aside'
  /** Sections drawn in the narrow column. */
  readonly asideSections: readonly SectionKey[]
}

export interface Template {
  readonly id: string
  readonly name: string
  readonly description: string
  /** `builtin` templates render every format; `theme` templates (installed JSON Resume themes) render HTML only. */
  readonly source: 'builtin' | 'theme'
  readonly formats: readonly DocumentFormat[]
  /** Present for built-in templates. */
  readonly style: TemplateStyle | undefined
}
