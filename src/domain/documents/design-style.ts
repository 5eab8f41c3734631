/**
 * A template's style with a resume's design laid over it: what every renderer draws with. The name and headings
 * keep their size relative to the body text, so a larger font size scales the whole page alike.
 */
import type { FontFamily, ResumeDesign } from '../resumes/resume-design.js'
import type { Template, TemplateStyle } from '../templates/template.types.js'

export interface RenderStyle extends TemplateStyle {
  readonly fontFamily: FontFamily
  /** Line height as a multiple of the font's own (1 = single). */
  readonly lineSpacing: number
}

/** The bundled font each template style is drawn in when the design names none. */
const TEMPLATE_FONTS: Record<TemplateStyle['font'], FontFamily> = {
  serif: 'dejavu-serif',
  sans: 'dejavu-sans',
  condensed: 'dejavu-sans-condensed',
}

const round = (n: number) => Math.round(n * 10) / 10

/** The style to draw with: the template's, with the design's choices (throws for a template without a style). */
export function renderStyleOf(template: Template, design: ResumeDesign = {}): RenderStyle {
  const style = template.style
  if (!style) throw new Error(`template ${template.id} has no built-in style`)
  const scale = design.fontSize === undefined ? 1 : design.fontSize / style.baseSize
  return {
    ...style,
    baseSize: design.fontSize ?? style.baseSize,
    nameSize: round(style.nameSize * scale),
    headingSize: round(style.headingSize * scale),
    accent: design.accentColor?.toLowerCase() ?? style.accent,
    margin: design.margins ?? style.margin,
    blockGap: round(style.blockGap * (design.lineSpacing ?? 1)),
    fontFamily: design.fontFamily ?? TEMPLATE_FONTS[style.font],
    lineSpacing: design.lineSpacing ?? 1,
  }
}
