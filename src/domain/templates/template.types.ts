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
