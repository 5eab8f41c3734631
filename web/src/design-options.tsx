/**
 * The design options of a resume: page, type, spacing, colour, and which sections appear in what order under which
 * titles. Each change is saved at once (PATCH design), and the preview beside it follows.
 */
import type { FontFamily, ResumeDesign, SectionKey } from './types.js'

/** Design fields as PATCH takes them: a value, or null to go back to the template's choice. */
export type DesignChange = { [K in keyof Omit<ResumeDesign, 'template'>]?: ResumeDesign[K] | null }

/** Every section in the standard order, with its standard heading (the placeholder of its title field). */
export const SECTIONS = {
  summary: 'Summary',
  work: 'Experience',
  education: 'Education',
  skills: 'Skills',
  projects: 'Projects',
  volunteer: 'Volunteer',
  awards: 'Awards',
  certificates: 'Certificates',
  publications: 'Publications',
  languages: 'Languages',
  interests: 'Interests',
  references: 'References',
} satisfies Record<SectionKey, string>
const SECTION_KEYS = Object.keys(SECTIONS) as SectionKey[]

const FONTS = {
  'dejavu-sans': 'DejaVu Sans',
  'dejavu-serif': 'DejaVu Serif',
  'dejavu-sans-condensed': 'DejaVu Sans Condensed',
  'liberation-sans': 'Liberation Sans (Arial metrics)',
} satisfies Record<FontFamily, string>

/** Margins people choose between, in points (72 points to the inch). */
const MARGINS = [
  { points: 36, label: 'Narrow (0.5 in, 13 mm)' },
  { points: 54, label: 'Moderate (0.75 in, 19 mm)' },
  { points: 72, label: 'Normal (1 in, 25 mm)' },
  { points: 90, label: 'Wide (1.25 in, 32 mm)' },
]
const SPACINGS = [1, 1.15, 1.3, 1.5, 2]
const FONT_SIZES = [8, 8.5, 9, 9.5, 10, 10.5, 11, 11.5, 12, 13, 14]

/** The design with a change applied as the server applies it: values replace, null removes. */
export function withChange(design: ResumeDesign, change: DesignChange): ResumeDesign {
  const next: Record<string, unknown> = { ...design }
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete next[key]
    else if (value !== undefined) next[key] = value
  }
  return next as ResumeDesign
}

/** The sections in the order they are drawn: the design's order first, then the rest in the standard order. */
export function orderedSections(design: ResumeDesign): SectionKey[] {
  return [...new Set([...(design.sectionOrder ?? []), ...SECTION_KEYS])]
}

interface Props {
  design: ResumeDesign
  disabled: boolean
  onChange: (change: DesignChange) => void
}

/** A select whose first option is the template's choice (sent as null). */
function Choice<T extends string | number>({
  label,
  value,
  options,
  disabled,
  onValue,
}: {
  label: string
  value: T | undefined
  options: readonly { value: T; label: string }[]
  disabled: boolean
  onValue: (value: T | null) => void
}) {
  return (
    <label>
      {label}
      <select
        // The label wraps the select, whose chosen option would otherwise join its name.
        aria-label={label}
        value={value === undefined ? '' : String(value)}
        disabled={disabled}
        onChange={(e) => {
          const chosen = options.find((o) => String(o.value) === e.currentTarget.value)
          onValue(chosen ? chosen.value : null)
        }}
      >
        <option value="">Template’s choice</option>
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
}

export function DesignOptions({ design, disabled, onChange }: Props) {
  const order = orderedSections(design)
  const hidden = new Set(design.hiddenSections ?? [])
  const move = (key: SectionKey, by: -1 | 1) => {
    const next = [...order]
    const at = next.indexOf(key)
    const to = at + by
    if (to < 0 || to >= next.length) return
    ;[next[at], next[to]] = [next[to] as SectionKey, key]
    onChange({ sectionOrder: next })
  }
  const toggle = (key: SectionKey, shown: boolean) => {
    const next = shown ? [...hidden].filter((k) => k !== key) : [...hidden, key]
    onChange({ hiddenSections: next.length > 0 ? next : null })
  }
  const rename = (key: SectionKey, raw: string) => {
    const title = raw.trim()
    const titles: Partial<Record<SectionKey, string>> = { ...design.sectionTitles }
    if (title === '' || title === SECTIONS[key]) delete titles[key]
    else titles[key] = title.slice(0, 60)
    onChange({ sectionTitles: Object.keys(titles).length > 0 ? titles : null })
  }

  return (
    <div class="design-options">
      <fieldset>
        <legend>Page and type</legend>
        <Choice
          label="Page size"
          value={design.pageSize}
          options={[
            { value: 'letter', label: 'US Letter' },
            { value: 'a4', label: 'A4' },
          ]}
          disabled={disabled}
          onValue={(pageSize) => onChange({ pageSize })}
        />
        <Choice
          label="Font"
          value={design.fontFamily}
          options={Object.entries(FONTS).map(([value, label]) => ({ value: value as FontFamily, label }))}
          disabled={disabled}
          onValue={(fontFamily) => onChange({ fontFamily })}
        />
        <Choice
          label="Font size"
          value={design.fontSize}
          options={FONT_SIZES.map((size) => ({ value: size, label: `${size} pt` }))}
          disabled={disabled}
          onValue={(fontSize) => onChange({ fontSize })}
        />
        <Choice
          label="Line spacing"
          value={design.lineSpacing}
          options={SPACINGS.map((spacing) => ({ value: spacing, label: spacing === 1 ? 'Single' : `${spacing}×` }))}
          disabled={disabled}
          onValue={(lineSpacing) => onChange({ lineSpacing })}
        />
        <Choice
          label="Margins"
          value={design.margins}
          options={MARGINS.map((m) => ({ value: m.points, label: m.label }))}
          disabled={disabled}
          onValue={(margins) => onChange({ margins })}
        />
        <div class="accent">
          <label>
            Accent colour
            <input
              type="color"
              value={design.accentColor?.toLowerCase() ?? '#000000'}
              disabled={disabled}
              onChange={(e) => onChange({ accentColor: e.currentTarget.value })}
            />
          </label>
          {design.accentColor === undefined ? (
            <span class="hint">The template’s colour</span>
          ) : (
            <button
              type="button"
              class="small secondary"
              disabled={disabled}
              onClick={() => onChange({ accentColor: null })}
            >
              Use the template’s colour
            </button>
          )}
        </div>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={design.showPhoto ?? false}
            disabled={disabled}
            onChange={(e) => onChange({ showPhoto: e.currentTarget.checked })}
          />
          Show my photo (in templates with a photo)
        </label>
      </fieldset>
      <fieldset>
        <legend>Sections</legend>
        <p class="hint">Order, show or hide, and rename sections. Empty sections never appear.</p>
        <ol class="section-list">
          {order.map((key, i) => (
            <li key={key}>
              <label class="checkbox">
                <input
                  type="checkbox"
                  checked={!hidden.has(key)}
                  disabled={disabled}
                  onChange={(e) => toggle(key, e.currentTarget.checked)}
                />
                <span class="visually-hidden">Show {SECTIONS[key]}</span>
              </label>
              <input
                class="section-title"
                aria-label={`Title of the ${SECTIONS[key]} section`}
                value={design.sectionTitles?.[key] ?? ''}
                placeholder={SECTIONS[key]}
                maxLength={60}
                disabled={disabled}
                onChange={(e) => rename(key, e.currentTarget.value)}
              />
              <button
                type="button"
                class="small secondary"
                aria-label={`Move ${SECTIONS[key]} up`}
                disabled={disabled || i === 0}
                onClick={() => move(key, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                class="small secondary"
                aria-label={`Move ${SECTIONS[key]} down`}
                disabled={disabled || i === order.length - 1}
                onClick={() => move(key, 1)}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
      </fieldset>
    </div>
  )
}
