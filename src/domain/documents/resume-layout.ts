/**
 * The format-neutral layout of a resume: one list of blocks that every renderer (HTML, Markdown, text, DOCX, PDF)
 * draws in its own way, so all formats read alike and the importers can rely on one set of conventions.
 */
import { formatDate, formatDateRange } from './dates.js'
import type { JsonResume } from './json-resume.js'

export type LayoutBlock =
  | { readonly kind: 'name'; readonly text: string }
  | { readonly kind: 'label'; readonly text: string }
  | { readonly kind: 'contact'; readonly parts: readonly string[] }
  | { readonly kind: 'heading'; readonly text: string }
  /** First line of an entry (position — company, degree — school): bold. */
  | { readonly kind: 'entryTitle'; readonly text: string }
  /** Second line of an entry: dates, location, link. */
  | { readonly kind: 'entryMeta'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly lead?: string }
  | { readonly kind: 'bullet'; readonly text: string }

/** The separator between an entry's role and its organisation, and between contact or meta parts. */
export const TITLE_SEPARATOR = ' — '
export const PART_SEPARATOR = ' · '

/** Standard section headings, in the order they are laid out. */
export const SECTION_HEADINGS = {
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
} as const

export type SectionKey = keyof typeof SECTION_HEADINGS

const joinTitle = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(TITLE_SEPARATOR)
const joinParts = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(PART_SEPARATOR)

export function locationText(resume: JsonResume): string | undefined {
  const l = resume.basics?.location
  if (!l) return undefined
  return [l.city, l.region, l.countryCode].filter(Boolean).join(', ') || undefined
}

/** Lays a resume out as blocks, section by section in the standard order; empty sections are left out. */
export function layoutResume(resume: JsonResume): LayoutBlock[] {
  const blocks: LayoutBlock[] = []
  const b = resume.basics ?? {}
  if (b.name) blocks.push({ kind: 'name', text: b.name })
  if (b.label) blocks.push({ kind: 'label', text: b.label })
  const contact = [b.email, b.phone, b.url, locationText(resume)].filter((p): p is string => Boolean(p))
  if (contact.length > 0) blocks.push({ kind: 'contact', parts: contact })
  const profiles = (b.profiles ?? [])
    .map((p) => (p.network ? `${p.network}: ${p.url ?? p.username ?? ''}`.trim() : p.url))
    .filter((p): p is string => Boolean(p))
  if (profiles.length > 0) blocks.push({ kind: 'contact', parts: profiles })

  const section = (key: SectionKey, body: LayoutBlock[]) => {
    if (body.length > 0) blocks.push({ kind: 'heading', text: SECTION_HEADINGS[key] }, ...body)
  }
  const meta = (text: string): LayoutBlock[] => (text ? [{ kind: 'entryMeta', text }] : [])
  const title = (text: string): LayoutBlock[] => (text ? [{ kind: 'entryTitle', text }] : [])
  const para = (text: string | undefined, lead?: string): LayoutBlock[] =>
    text ? [{ kind: 'paragraph', text, ...(lead && { lead }) }] : []
  const bullets = (items: readonly string[] | undefined): LayoutBlock[] =>
    (items ?? []).map((text) => ({ kind: 'bullet', text }))

  section('summary', para(b.summary))
  section(
    'work',
    (resume.work ?? []).flatMap((w) => [
      ...title(joinTitle(w.position, w.name)),
      ...meta(joinParts(formatDateRange(w.startDate, w.endDate), w.location, w.url)),
      ...para(w.description),
      ...para(w.summary),
      ...bullets(w.highlights),
    ]),
  )
  section(
    'education',
    (resume.education ?? []).flatMap((e) => [
      ...title(joinTitle([e.studyType, e.area].filter(Boolean).join(', '), e.institution)),
      ...meta(joinParts(formatDateRange(e.startDate, e.endDate), e.score && `Score: ${e.score}`, e.url)),
      ...para(e.courses?.join(', '), 'Courses'),
    ]),
  )
  section(
    'skills',
    (resume.skills ?? []).flatMap((s) => {
      const name = s.name && s.level ? `${s.name} (${s.level})` : s.name
      const keywords = s.keywords?.join(', ')
      return name ? para(keywords ?? '', name).concat(keywords ? [] : para(name)) : para(keywords)
    }),
  )
  section(
    'projects',
    (resume.projects ?? []).flatMap((p) => [
      ...title(joinTitle(p.name, p.entity)),
      ...meta(joinParts(formatDateRange(p.startDate, p.endDate), p.url)),
      ...para(p.description),
      ...bullets(p.highlights),
      ...para(p.keywords?.join(', '), 'Keywords'),
    ]),
  )
  section(
    'volunteer',
    (resume.volunteer ?? []).flatMap((v) => [
      ...title(joinTitle(v.position, v.organization)),
      ...meta(joinParts(formatDateRange(v.startDate, v.endDate), v.url)),
      ...para(v.summary),
      ...bullets(v.highlights),
    ]),
  )
  section(
    'awards',
    (resume.awards ?? []).flatMap((a) => [
      ...title(joinTitle(a.title, a.awarder)),
      ...meta(a.date ? formatDate(a.date) : ''),
      ...para(a.summary),
    ]),
  )
  section(
    'certificates',
    (resume.certificates ?? []).flatMap((c) => [
      ...title(joinTitle(c.name, c.issuer)),
      ...meta(joinParts(c.date && formatDate(c.date), c.url)),
    ]),
  )
  section(
    'publications',
    (resume.publications ?? []).flatMap((p) => [
      ...title(joinTitle(p.name, p.publisher)),
      ...meta(joinParts(p.releaseDate && formatDate(p.releaseDate), p.url)),
      ...para(p.summary),
    ]),
  )
  section(
    'languages',
    (resume.languages ?? []).flatMap((l) => (l.fluency ? para(l.fluency, l.language) : para(l.language))),
  )
  section(
    'interests',
    (resume.interests ?? []).flatMap((i) => (i.keywords ? para(i.keywords.join(', '), i.name) : para(i.name))),
  )
  section(
    'references',
    (resume.references ?? []).flatMap((r) => para(r.reference, r.name)),
  )
  return blocks
}

/** The text of a paragraph as it reads: `Lead: text`, or the text alone. */
export function paragraphText(block: { text: string; lead?: string }): string {
  return block.lead ? `${block.lead}: ${block.text}` : block.text
}
