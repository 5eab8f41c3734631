import { type Static, Type } from '@sinclair/typebox'
import { TEMPLATE_ID_PATTERN } from '../../domain/resumes/resume.limits.js'
import {
  ACCENT_COLOR_PATTERN,
  DESIGN_BOUNDS,
  FONT_FAMILIES,
  PAGE_SIZES,
  type ResumeDesign,
  SECTION_KEYS,
  SECTION_TITLE_MAX_LENGTH,
} from '../../domain/resumes/resume-design.js'
import { type Equals, Literals, Nullable, type Wire } from './wire.js'

const Section = Literals(SECTION_KEYS)
const Sections = (description: string) =>
  Type.Array(Section, { uniqueItems: true, maxItems: SECTION_KEYS.length, description })

/** Each option's schema, shared by the stored design, its changes and the export query. */
export const DesignOptions = {
  pageSize: Literals(PAGE_SIZES, { description: 'Page size of PDF and DOCX (and HTML when printed)' }),
  accentColor: Type.String({ pattern: ACCENT_COLOR_PATTERN, description: 'Colour of the name and headings, #rrggbb' }),
  fontFamily: Literals(FONT_FAMILIES, { description: 'A bundled open font (embedded in PDFs)' }),
  fontSize: Type.Number({ ...DESIGN_BOUNDS.fontSize, description: 'Body text size in points' }),
  lineSpacing: Type.Number({ ...DESIGN_BOUNDS.lineSpacing, description: 'Line height as a multiple (1 = single)' }),
  margins: Type.Number({ ...DESIGN_BOUNDS.margins, description: 'Page margin on every side in points (72 = 1 inch)' }),
  sectionOrder: Sections('Sections drawn first, in this order; the others follow in the standard order'),
  hiddenSections: Sections('Sections left out of every format'),
  sectionTitles: Type.Partial(
    Type.Record(Section, Type.String({ minLength: 1, maxLength: SECTION_TITLE_MAX_LENGTH, pattern: '\\S' })),
    { additionalProperties: false, description: 'Headings drawn instead of the standard ones, by section' },
  ),
  showPhoto: Type.Boolean({ description: 'Whether templates with a photo slot draw the photo' }),
}

const Template = Type.String({
  pattern: TEMPLATE_ID_PATTERN,
  description: 'The template (the same as templateId; give either)',
})

/** The options, each optional: as given with a new resume and as stored. */
const OptionalOptions = Type.Partial(Type.Object(DesignOptions)).properties

/** The design given with a new resume: options left out are the template's; pageSize defaults to your settings. */
export const DesignInput = Type.Object(
  { template: Type.Optional(Template), ...OptionalOptions },
  { additionalProperties: false, description: 'How the resume is drawn; options left out are the template’s' },
)

/** A change to the design: given options replace the stored ones, null resets one to the template's choice. */
export const DesignChanges = Type.Object(
  {
    template: Type.Optional(Template),
    pageSize: Type.Optional(Nullable(DesignOptions.pageSize)),
    accentColor: Type.Optional(Nullable(DesignOptions.accentColor)),
    fontFamily: Type.Optional(Nullable(DesignOptions.fontFamily)),
    fontSize: Type.Optional(Nullable(DesignOptions.fontSize)),
    lineSpacing: Type.Optional(Nullable(DesignOptions.lineSpacing)),
    margins: Type.Optional(Nullable(DesignOptions.margins)),
    sectionOrder: Type.Optional(Nullable(DesignOptions.sectionOrder)),
    hiddenSections: Type.Optional(Nullable(DesignOptions.hiddenSections)),
    sectionTitles: Type.Optional(Nullable(DesignOptions.sectionTitles)),
    showPhoto: Type.Optional(Nullable(DesignOptions.showPhoto)),
  },
  {
    additionalProperties: false,
    description: 'Given options replace the stored ones; null resets an option to the template’s choice',
  },
)

/** The design as stored, with the template it applies to. */
export const Design_ = Type.Object(
  { template: Type.String({ description: 'The template (the same as templateId)' }), ...OptionalOptions },
  {
    $id: 'ResumeDesign',
    additionalProperties: false,
    description: 'How the resume is drawn; options left out are the template’s',
  },
)

/** The design in responses, as a reference to the ResumeDesign component the server registers. */
export const DesignRef = Type.Unsafe<Static<typeof Design_>>(Type.Ref(Design_.$id as string))

// The stored design is sent as it is: an option added on either side fails here.
true satisfies Equals<Wire<ResumeDesign>, Omit<Static<typeof Design_>, 'template'>>

export function toDesignResponse(templateId: string, design: ResumeDesign): Static<typeof Design_> {
  return { template: templateId, ...structuredClone(design as Wire<ResumeDesign>) }
}
