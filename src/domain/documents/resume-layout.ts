/**
 * The format-neutral layout of a resume: one list of blocks that every renderer (HTML, Markdown, text, DOCX, PDF)
 * draws in its own way, so all formats read alike and the importers can rely on one set of conventions.
 */
import { type ResumeDesign, SECTION_KEYS, type SectionKey } from '../resumes/resume-design.js'
import { formatDate, formatDateRange } from './dates.js'
import type { JsonResume } from './json-resume.js'

export type LayoutBlock =
  | { readonly kind: 'name'; readonly text: string }
  | { readonly kind: 'label'; readonly text: string }
  /** Contact parts; `links[i]`, when present, is where part `i` points (mailto:, tel:, a web address). */
  | { readonly kind: 'contact'; readonly parts: readonly string[]; readonly links?: readonly (string | undefined)[] }
  | { readonly kind: 'heading'; readonly text: string }
  /** First line of an entry (position — company, degree — school): bold. */
  | { readonly kind: 'entryTitle'; readonly text: string }
  /** Second line of an entry: dates, location, link; `link.text` is the end of `text`, drawn as a link to `href`. */
  | { readonly kind: 'entryMeta'; readonly text: string; readonly link?: Link }
  | { readonly kind: 'paragraph'; readonly text: string; readonly lead?: string }
  | { readonly kind: 'bullet'; readonly text: string }

export interface Link {
  readonly text: string
  readonly href: string
}

const MAX_LINK_LENGTH = 2000

/**
 * Where a web address written in a resume points: http(s) as given, a bare domain as https; undefined for anything
 * else (javascript:, data:, file: …), which is then drawn as plain text.
 */
export function webHref(raw: string | undefined): string | undefined {
  const text = raw?.trim()
  if (!text || text.length > MAX_LINK_LENGTH || /\s/.test(text)) return undefined
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text.replace(/^\/+/, '')}`
  try {
    const url = new URL(candidate)
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) return undefined
    return url.href
  } catch {
    return undefined
  }
}

/** A mailto: link for an address that looks like one. */
export function mailHref(raw: string | undefined): string | undefined {
  const text = raw?.trim()
  return text && text.length <= 320 && /^[^\s@<>()]+@[^\s@<>().]+(?:\.[^\s@<>().]+)+$/.test(text)
    ? `mailto:${text}`
    : undefined
}

/** A tel: link (RFC 3966 global number or digits) for a phone number with at least five digits. */
export function phoneHref(raw: string | undefined): string | undefined {
  const text = raw?.trim()
  if (!text || text.length > 40 || !/^[+\d\s().\-/]+$/.test(text)) return undefined
  const digits = text.replace(/\D/g, '')
  if (digits.length < 5 || digits.length > 20) return undefined
  return `tel:${text.startsWith('+') ? '+' : ''}${digits}`
}

/** The separator between an entry's role and its organisation, and between contact or meta parts. */
export const TITLE_SEPARATOR = ' — '
export const PART_SEPARATOR = ' · '

/** Standard section headings, in the order they are laid out unless a design orders them otherwise. */
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
} as const satisfies Record<SectionKey, string>

export type { SectionKey }

/** The sections to draw, in order, each with its heading: the design's order first, hidden ones left out. */
export function sectionPlan(design: ResumeDesign = {}): { key: SectionKey; title: string }[] {
  const hidden = new Set(design.hiddenSections ?? [])
  const order = [...new Set([...(design.sectionOrder ?? []), ...SECTION_KEYS])]
  return order
    .filter((key) => !hidden.has(key))
    .map((key) => ({ key, title: design.sectionTitles?.[key] ?? SECTION_HEADINGS[key] }))
}

const joinTitle = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(TITLE_SEPARATOR)
const joinParts = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(PART_SEPARATOR)

export function locationText(resume: JsonResume): string | undefined {
  const l = resume.basics?.location
  if (!l) return undefined
  return [l.city, l.region, l.countryCode].filter(Boolean).join(', ') || undefined
}

/** The header of a resume: the name and label, and the contact details and profiles (each a `contact` block). */
export interface HeaderBlocks {
  readonly identity: LayoutBlock[]
  readonly contact: LayoutBlock[]
}

/** A section's blocks, its heading first, by its key. */
export interface SectionBlocks {
  readonly key: SectionKey
  readonly blocks: LayoutBlock[]
}

/**
 * Lays a resume out as blocks: the header, then section by section in the standard order or the design's, under
 * the design's titles; hidden and empty sections are left out.
 */
export function layoutResume(resume: JsonResume, design: ResumeDesign = {}): LayoutBlock[] {
  const { identity, contact } = layoutHeader(resume)
  return [...identity, ...contact, ...layoutSections(resume, design).flatMap((s) => s.blocks)]
}

/** The name, label, contact line and profiles line. */
export function layoutHeader(resume: JsonResume): HeaderBlocks {
  const identity: LayoutBlock[] = []
  const blocks: LayoutBlock[] = []
  const b = resume.basics ?? {}
  if (b.name) identity.push({ kind: 'name', text: b.name })
  if (b.label) identity.push({ kind: 'label', text: b.label })
  const contact = [
    { text: b.email, href: mailHref(b.email) },
    { text: b.phone, href: phoneHref(b.phone) },
    { text: b.url, href: webHref(b.url) },
    { text: locationText(resume), href: undefined },
  ].filter((p): p is { text: string; href: string | undefined } => Boolean(p.text))
  const contactBlock = (parts: readonly { text: string; href: string | undefined }[]): LayoutBlock => ({
    kind: 'contact',
    parts: parts.map((p) => p.text),
    ...(parts.some((p) => p.href) && { links: parts.map((p) => p.href) }),
  })
  if (contact.length > 0) blocks.push(contactBlock(contact))
  const profiles = (b.profiles ?? [])
    .map((p) => ({
      text: p.network ? `${p.network}: ${p.url ?? p.username ?? ''}`.trim() : p.url,
      href: webHref(p.url),
    }))
    .filter((p): p is { text: string; href: string | undefined } => Boolean(p.text))
  if (profiles.length > 0) blocks.push(contactBlock(profiles))

  return { identity, contact: blocks }
}

/** The sections to draw, each with its heading, in the design's order; hidden and empty ones left out. */
export function layoutSections(resume: JsonResume, design: ResumeDesign = {}): SectionBlocks[] {
  const b = resume.basics ?? {}
  /** The meta line; a web address at its end (where joinParts puts it) becomes a link. */
  const meta = (text: string, url?: string): LayoutBlock[] => {
    if (!text) return []
    const href = webHref(url)
    const shown = url?.trim()
    return [{ kind: 'entryMeta', text, ...(href && shown && text.endsWith(shown) && { link: { text: shown, href } }) }]
  }
  const title = (text: string): LayoutBlock[] => (text ? [{ kind: 'entryTitle', text }] : [])
  const para = (text: string | undefined, lead?: string): LayoutBlock[] =>
    text ? [{ kind: 'paragraph', text, ...(lead && { lead }) }] : []
  const bullets = (items: readonly string[] | undefined): LayoutBlock[] =>
    (items ?? []).map((text) => ({ kind: 'bullet', text }))

  const sections: Record<SectionKey, () => LayoutBlock[]> = {
    summary: () => para(b.summary),
    work: () =>
      (resume.work ?? []).flatMap((w) => [
        ...title(joinTitle(w.position, w.name)),
        ...meta(joinParts(formatDateRange(w.startDate, w.endDate), w.location, w.url), w.url),
        ...para(w.description),
        ...para(w.summary),
        ...bullets(w.highlights),
      ]),
    education: () =>
      (resume.education ?? []).flatMap((e) => [
        ...title(joinTitle([e.studyType, e.area].filter(Boolean).join(', '), e.institution)),
        ...meta(joinParts(formatDateRange(e.startDate, e.endDate), e.score && `Score: ${e.score}`, e.url), e.url),
        ...para(e.courses?.join(', '), 'Courses'),
      ]),
    skills: () =>
      (resume.skills ?? []).flatMap((s) => {
        const name = s.name && s.level ? `${s.name} (${s.level})` : s.name
        const keywords = s.keywords?.join(', ')
        return name ? para(keywords ?? '', name).concat(keywords ? [] : para(name)) : para(keywords)
      }),
    projects: () =>
      (resume.projects ?? []).flatMap((p) => [
        ...title(joinTitle(p.name, p.entity)),
        ...meta(joinParts(formatDateRange(p.startDate, p.endDate), p.url), p.url),
        ...para(p.description),
        ...bullets(p.highlights),
        ...para(p.keywords?.join(', '), 'Keywords'),
      ]),
    volunteer: () =>
      (resume.volunteer ?? []).flatMap((v) => [
        ...title(joinTitle(v.position, v.organization)),
        ...meta(joinParts(formatDateRange(v.startDate, v.endDate), v.url), v.url),
        ...para(v.summary),
        ...bullets(v.highlights),
      ]),
    awards: () =>
      (resume.awards ?? []).flatMap((a) => [
        ...title(joinTitle(a.title, a.awarder)),
        ...meta(a.date ? formatDate(a.date) : ''),
        ...para(a.summary),
      ]),
    certificates: () =>
      (resume.certificates ?? []).flatMap((c) => [
        ...title(joinTitle(c.name, c.issuer)),
        ...meta(joinParts(c.date && formatDate(c.date), c.url), c.url),
      ]),
    publications: () =>
      (resume.publications ?? []).flatMap((p) => [
        ...title(joinTitle(p.name, p.publisher)),
        ...meta(joinParts(p.releaseDate && formatDate(p.releaseDate), p.url), p.url),
        ...para(p.summary),
      ]),
    languages: () =>
      (resume.languages ?? []).flatMap((l) => (l.fluency ? para(l.fluency, l.language) : para(l.language))),
    interests: () =>
      (resume.interests ?? []).flatMap((i) => (i.keywords ? para(i.keywords.join(', '), i.name) : para(i.name))),
    references: () => (resume.references ?? []).flatMap((r) => para(r.reference, r.name)),
  }
  return sectionPlan(design).flatMap(({ key, title }) => {
    const content = sections[key]()
    return content.length > 0 ? [{ key, blocks: [{ kind: 'heading', text: title } as LayoutBlock, ...content] }] : []
  })
}

/** The text of a paragraph as it reads: `Lead: text`, or the text alone. */
export function paragraphText(block: { text: string; lead?: string }): string {
  return block.lead ? `${block.lead}: ${block.text}` : block.text
}
