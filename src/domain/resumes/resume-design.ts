/**
 * How a resume is drawn, stored with the resume beside its template: page size, accent colour, font, sizes,
 * spacing, margins, and which sections appear in what order under which titles. A field left out means "the
 * template's choice"; every renderer applies what its format can (PDF, DOCX and HTML all of it; Markdown and text
 * the sections' order, titles and visibility).
 */
import { DomainError, type FieldError } from '../errors.js'

/** Resume sections that can be ordered, hidden and renamed, by their JSON Resume key, in the default order. */
export const SECTION_KEYS = [
  'summary',
  'work',
  'education',
  'skills',
  'projects',
  'volunteer',
  'awards',
  'certificates',
  'publications',
  'languages',
  'interests',
  'references',
] as const
export type SectionKey = (typeof SECTION_KEYS)[number]

export const PAGE_SIZES = ['letter', 'a4'] as const
export type PageSize = (typeof PAGE_SIZES)[number]

/**
 * Fonts bundled with RoleReady and embedded in PDFs; DOCX names them with fallbacks Word and LibreOffice have, HTML
 * with a stack of similar system fonts.
 */
export const FONT_FAMILIES = ['dejavu-sans', 'dejavu-serif', 'dejavu-sans-condensed', 'liberation-sans'] as const
export type FontFamily = (typeof FONT_FAMILIES)[number]

/** Bounds of the numeric options, in points (sizes, margins) or as a multiple of the font size (line spacing). */
export const DESIGN_BOUNDS = {
  fontSize: { minimum: 8, maximum: 14 },
  lineSpacing: { minimum: 1, maximum: 2 },
  margins: { minimum: 18, maximum: 108 },
} as const
export const SECTION_TITLE_MAX_LENGTH = 60
const ACCENT_COLOR = /^#[0-9a-fA-F]{6}$/
export const ACCENT_COLOR_PATTERN = ACCENT_COLOR.source

export interface ResumeDesign {
  readonly pageSize?: PageSize
  /** Colour of the name, headings and rules, `#rrggbb`. */
  readonly accentColor?: string
  readonly fontFamily?: FontFamily
  /** Body text size in points; the name and headings scale with it. */
  readonly fontSize?: number
  /** Line height as a multiple of the font's own (1 = single). */
  readonly lineSpacing?: number
  /** Page margin on every side, in points. */
  readonly margins?: number
  /** Sections drawn first, in this order; the others follow in the default order. */
  readonly sectionOrder?: readonly SectionKey[]
  readonly hiddenSections?: readonly SectionKey[]
  /** Headings to draw instead of the standard ones (`work` → "Professional Experience"). */
  readonly sectionTitles?: Readonly<Partial<Record<SectionKey, string>>>
  /** Whether templates with a photo slot draw the photo. */
  readonly showPhoto?: boolean
}

/** A change to a design: a given field replaces the stored one, `null` resets it to the template's choice. */
export type DesignChanges = { readonly [K in keyof ResumeDesign]?: ResumeDesign[K] | null }

const DESIGN_KEYS = [
  'pageSize',
  'accentColor',
  'fontFamily',
  'fontSize',
  'lineSpacing',
  'margins',
  'sectionOrder',
  'hiddenSections',
  'sectionTitles',
  'showPhoto',
] as const satisfies readonly (keyof ResumeDesign)[]

const isSection = (value: unknown): value is SectionKey => SECTION_KEYS.includes(value as SectionKey)

/** Problems with a design or a change to one, as JSON Pointers under `pointer` (null values allowed in changes). */
export function designProblems(design: DesignChanges, pointer: string): FieldError[] {
  const problems: FieldError[] = []
  const bad = (key: string, message: string) => problems.push({ pointer: `${pointer}/${key}`, message })
  const { pageSize, accentColor, fontFamily, sectionTitles } = design
  for (const key of Object.keys(design)) {
    if (!(DESIGN_KEYS as readonly string[]).includes(key)) bad(key, 'is not a design option')
  }
  if (pageSize != null && !PAGE_SIZES.includes(pageSize)) bad('pageSize', `must be one of ${PAGE_SIZES.join(', ')}`)
  if (accentColor != null && !ACCENT_COLOR.test(accentColor)) {
    bad('accentColor', 'must be a colour as #rrggbb')
  }
  if (fontFamily != null && !FONT_FAMILIES.includes(fontFamily)) {
    bad('fontFamily', `must be one of ${FONT_FAMILIES.join(', ')}`)
  }
  for (const key of ['fontSize', 'lineSpacing', 'margins'] as const) {
    const value = design[key]
    const { minimum, maximum } = DESIGN_BOUNDS[key]
    if (value != null && !(typeof value === 'number' && value >= minimum && value <= maximum)) {
      bad(key, `must be a number from ${minimum} to ${maximum}`)
    }
  }
  for (const key of ['sectionOrder', 'hiddenSections'] as const) {
    const list = design[key]
    if (list == null) continue
    if (!Array.isArray(list) || !list.every(isSection)) bad(key, `must list sections of ${SECTION_KEYS.join(', ')}`)
    else if (new Set(list).size !== list.length) bad(key, 'must name each section once')
  }
  if (sectionTitles != null) {
    for (const [key, title] of Object.entries(sectionTitles)) {
      if (!isSection(key)) bad(`sectionTitles/${key}`, 'is not a section')
      else if (typeof title !== 'string' || title.trim() === '' || title.length > SECTION_TITLE_MAX_LENGTH) {
        bad(`sectionTitles/${key}`, `must be a title of 1 to ${SECTION_TITLE_MAX_LENGTH} characters`)
      }
    }
  }
  if (design.showPhoto != null && typeof design.showPhoto !== 'boolean') bad('showPhoto', 'must be true or false')
  return problems
}

/** Throws VALIDATION_FAILED listing every bad option. */
export function assertValidDesign(design: DesignChanges, pointer: string): void {
  const errors = designProblems(design, pointer)
  if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', 'The design has values it cannot take.', { errors })
}

/** A valid change as it is stored: known fields only, section titles trimmed. */
export function normalizeDesignChanges(changes: DesignChanges): DesignChanges {
  const normal: Record<string, unknown> = {}
  for (const key of DESIGN_KEYS) {
    const value = changes[key]
    if (value === undefined) continue
    if (key === 'sectionTitles' && value !== null) {
      const titles = Object.entries(value as Record<string, string>).map(([k, t]) => [k, t.trim()])
      normal[key] = Object.fromEntries(titles)
    } else normal[key] = Array.isArray(value) ? [...value] : value
  }
  return normal as DesignChanges
}

/** The design after a change: given fields replace the stored ones, `null` removes them. */
export function applyDesignChanges(current: ResumeDesign, changes: DesignChanges): ResumeDesign {
  const next: Record<string, unknown> = { ...current }
  for (const [key, value] of Object.entries(normalizeDesignChanges(changes))) {
    if (value === null) delete next[key]
    else next[key] = value
  }
  return next as ResumeDesign
}

/** The stored form of a design read back from storage: anything it does not recognise is dropped. */
export function readDesign(stored: unknown): ResumeDesign {
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return {}
  const known = Object.fromEntries(
    Object.entries(stored).filter(([key]) => (DESIGN_KEYS as readonly string[]).includes(key)),
  ) as DesignChanges
  return designProblems(known, '').length === 0 ? applyDesignChanges({}, known) : {}
}
