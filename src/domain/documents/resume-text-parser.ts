/**
 * Turns text blocks read from a PDF or DOCX (in reading order) into a JSON Resume document, with a report of what
 * was recognised and what was not. Rules only: headings → sections, entries by title and date lines, bullets →
 * highlights. Nothing is invented: a value appears only when the text holds it.
 *
 * Every block's text is cleaned first (white space collapsed to single spaces, trimmed), so the patterns below name
 * that one space (` `, ` ?`) instead of `\s+`: a search for `\s+x` retries a long run of white space from each of
 * its characters. Trailing runs are trimmed by hand for the same reason.
 */

import { findDateRange } from './dates.js'
import type { ImportReport, ImportType, TextBlock } from './document.types.js'
import { fieldConfidence } from './import-confidence.js'
import type { Basics, JsonResume, Work } from './json-resume.js'
import type { SectionKey } from './resume-layout.js'
import { educationOf } from './resume-text-education.js'
import {
  awardOf,
  certificateOf,
  entriesOf,
  inheritCompanies,
  PART_SPLIT,
  projectOf,
  publicationOf,
  URL_PATTERN,
  workOf,
} from './resume-text-entries.js'
import { clean, languagesOf, leadSplit, skillsOf, splitList } from './resume-text-lists.js'
import { isContactHeading, looksLikeJobTitle, sectionOfHeading } from './section-vocabulary.js'

// Starts only where a run of address characters starts: from inside the run the search would read it again.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/
const PHONE = /(?:\+\d{1,3}[\s.–-]?)?(?:\(\d{1,4}\)[\s.–-]?)?\d[\d\s.–-]{6,}\d/
/** A line that is only a place: `Lisbon, Portugal`, `Austin, TX`, `São Paulo, SP, Brazil`. */
const LOCATION_LINE = /^\p{Lu}[\p{L}.' -]{1,30}(?:,\s*\p{Lu}[\p{L}.' -]{1,30}){1,2}$/u
const KNOWN_NETWORKS =
  /^(linkedin|github|gitlab|twitter|x|mastodon|stack ?overflow|behance|dribbble|website|portfolio|blog|medium|orcid|google scholar|researchgate|kaggle|codepen|bitbucket)$/i

export interface ParsedResume {
  readonly content: JsonResume
  readonly report: ImportReport
}

export function parseResumeBlocks(blocks: readonly TextBlock[], type: ImportType): ParsedResume {
  const unrecognised: string[] = []
  const warnings: string[] = []
  const resume: JsonResume = {}
  const sections = new Map<SectionKey, TextBlock[]>()
  const header: TextBlock[] = []
  let current: TextBlock[] | undefined
  for (const [i, block] of blocks.entries()) {
    const text = clean(block.text)
    if (!text) continue
    if (block.kind !== 'bullet' && isContactHeading(text)) {
      current = header
      continue
    }
    const key = block.kind !== 'bullet' ? sectionOfHeading(text) : undefined
    if (
      (key === 'certificates' || key === 'languages' || key === 'interests' || key === 'skills') &&
      current !== undefined &&
      current === sections.get('skills') &&
      isSkillGroup(blocks[i + 1])
    ) {
      // "Certifications" or "Languages" over a list inside Skills: a group of skills, not a new section.
      current.push({ ...block, text })
      continue
    }
    if (key) {
      current = sections.get(key) ?? []
      sections.set(key, current)
      continue
    }
    if (block.kind === 'heading' && current !== undefined && block.scale > 1.05 && !/[:,]/.test(text)) {
      // A heading we do not know: keep its lines out of the resume but report them.
      current = undefined
      unrecognised.push(text)
      continue
    }
    if (current && current === sections.get('summary') && looksLikeContact({ ...block, text })) {
      // Sidebars set the contact details under "About" or "Profile": they belong to the header.
      header.push({ ...block, text })
    } else if (current) current.push({ ...block, text })
    else if (sections.size === 0) header.push({ ...block, text })
    else unrecognised.push(text)
  }

  const basics = parseHeader(header, unrecognised)
  for (const [key, body] of sections) {
    switch (key) {
      case 'summary':
        if (body.length > 0) basics.summary = body.map((b) => b.text).join(' ')
        break
      case 'work':
        {
          const entries = entriesOf(body)
          resume.work = entries.map((e) => workOf(e, 'name', unrecognised) as Work)
          inheritCompanies(entries, resume.work)
        }
        break
      case 'volunteer':
        resume.volunteer = entriesOf(body).map((e) => {
          const { name, ...rest } = workOf(e, 'name', unrecognised)
          return { ...(name && { organization: name }), ...rest }
        })
        break
      case 'education':
        resume.education = entriesOf(body).map((e) => educationOf(e, unrecognised))
        break
      case 'projects':
        resume.projects = entriesOf(body).map((e) => projectOf(e, unrecognised))
        break
      case 'awards':
        resume.awards = entriesOf(body).map((e) => awardOf(e))
        break
      case 'certificates':
        resume.certificates = entriesOf(body).map((e) => certificateOf(e))
        break
      case 'publications':
        resume.publications = entriesOf(body).map((e) => publicationOf(e))
        break
      case 'skills':
        resume.skills = skillsOf(body.map((b) => b.text))
        break
      case 'languages':
        resume.languages = body.flatMap((b) => languagesOf(b.text))
        break
      case 'interests':
        resume.interests = body.map((b) => {
          const [name, keywords] = leadSplit(b.text)
          return keywords ? { name, keywords: splitList(keywords) } : { name }
        })
        break
      case 'references':
        resume.references = body.map((b) => {
          const [name, reference] = leadSplit(b.text)
          return reference ? { name, reference } : { reference: name }
        })
        break
    }
  }
  for (const key of Object.keys(resume) as (keyof JsonResume)[]) {
    const value = resume[key]
    if (Array.isArray(value) && value.length === 0) delete resume[key]
  }
  const ordered: JsonResume = Object.keys(basics).length > 0 ? { basics, ...resume } : resume
  if (!ordered.basics?.name) warnings.push('No name was found at the top of the document.')
  if (sections.size === 0) warnings.push('No standard section headings (Experience, Education, Skills, …) were found.')

  const sectionCounts: Record<string, number> = {}
  for (const [key, value] of Object.entries(ordered)) {
    sectionCounts[key] = Array.isArray(value) ? value.length : 1
  }
  return {
    content: ordered,
    report: {
      type,
      sections: sectionCounts,
      recognised: fieldPaths(ordered),
      unrecognised,
      warnings,
      fields: fieldConfidence(ordered),
    },
  }
}

function parseHeader(header: readonly TextBlock[], unrecognised: string[]): Basics {
  const basics: Basics = {}
  if (header.length === 0) return basics
  const maxScale = Math.max(...header.slice(0, 6).map((b) => b.scale))
  const nameIndex = header.findIndex(
    (b, i) =>
      i < 6 &&
      b.scale === maxScale &&
      !EMAIL.test(b.text) &&
      !URL_PATTERN.test(b.text) &&
      b.text.length <= 80 &&
      b.text.split(/\s+/).length <= 7,
  )
  const used = new Set<number>()
  if (nameIndex >= 0) {
    basics.name = (header[nameIndex] as TextBlock).text
    used.add(nameIndex)
  }
  const profiles: NonNullable<Basics['profiles']> = []
  header.forEach((block, i) => {
    if (used.has(i)) return
    const parts = withLinkTargets(block).split(PART_SPLIT).map(clean).filter(Boolean)
    const isContact = parts.some(
      (p) => EMAIL.test(p) || URL_PATTERN.test(p) || isPhone(p) || isBareDomain(p) || /^[\w .-]{2,20}:\s*\S+$/.test(p),
    )
    const place = placeOf(block.text)
    if (!isContact && !basics.location && i > nameIndex && nameIndex >= 0 && place) {
      basics.location = place
      return
    }
    if (!isContact) {
      if (nameIndex >= 0 && i === nameIndex + 1 && !basics.label && block.text.length <= 120) basics.label = block.text
      else unrecognised.push(block.text)
      return
    }
    for (const part of parts) {
      const profile = /^(?:https?:\/\/|www\.)/i.test(part) ? null : /^([\w .-]{2,20}):\s*(\S+)$/.exec(part)
      if (profile && (KNOWN_NETWORKS.test((profile[1] as string).trim()) || URL_PATTERN.test(profile[2] as string))) {
        const value = profile[2] as string
        profiles.push({
          network: (profile[1] as string).trim(),
          ...(URL_PATTERN.test(value) ? { url: value } : { username: value }),
        })
      } else if (EMAIL.test(part) && !basics.email) basics.email = (EMAIL.exec(part) as RegExpExecArray)[0]
      else if (!basics.url && isBareDomain(part)) basics.url = part
      else if (URL_PATTERN.test(part) && networkOf(part)) profiles.push(profileOf(part))
      else if (URL_PATTERN.test(part) && !basics.url) basics.url = part
      else if (URL_PATTERN.test(part)) profiles.push({ url: part })
      else if (isPhone(part) && !basics.phone) basics.phone = part
      else if (!basics.location && /\p{L}/u.test(part)) basics.location = locationOf(part)
      else unrecognised.push(part)
    }
  })
  if (profiles.length > 0) basics.profiles = profiles
  return basics
}

/**
 * The block's text with the targets of its links written in: a web link's covered text ("kevin-morales (LinkedIn)",
 * "Portfolio") gives way to the address it points to, and an e-mail link stands in for an address the design broke
 * or left out. Parts are kept apart with " · ".
 */
function withLinkTargets(block: TextBlock): string {
  let text = block.text
  // A contact line holds a few links; a hostile file's thousands would each rebuild the text.
  for (const link of (block.links ?? []).slice(0, MAX_LINKS_PER_LINE)) {
    let target: string | undefined
    if (/^https?:\/\//i.test(link.url)) {
      const bare = link.url.replace(/^https?:\/\/(?:www\.)?/i, '').replace(/\/$/, '')
      const at = text.indexOf(bare)
      // Written in full already (perhaps without the trailing slash the link adds).
      if (at >= 0 && /[/.]$/.test(text.slice(0, at))) continue
      if (at >= 0 && (!link.text || !text.includes(link.text) || link.text.includes(bare))) {
        // The address written without its scheme ("ada.example.com"): the link's own address stands for it.
        text = `${text.slice(0, at)} · ${link.url} · ${text.slice(at + bare.length)}`
        continue
      }
      target = link.url
    } else if (/^mailto:/i.test(link.url) && !EMAIL.test(text)) {
      const address = decodeURIComponent(link.url.slice('mailto:'.length).split('?')[0] ?? '')
      if (EMAIL.test(address)) target = address
    }
    if (!target) continue
    const at = link.text ? text.indexOf(link.text) : -1
    text = at >= 0 ? `${text.slice(0, at)} · ${target} · ${text.slice(at + link.text.length)}` : `${text} · ${target}`
  }
  if (text === block.text) return text
  return text.split('·').map(clean).filter(Boolean).join(' · ')
}

const MAX_LINKS_PER_LINE = 20

const NETWORKS: readonly [RegExp, string][] = [
  [/(?:^|\/\/|\.)linkedin\.com\//i, 'LinkedIn'],
  [/(?:^|\/\/|\.)github\.com\//i, 'GitHub'],
  [/(?:^|\/\/|\.)gitlab\.com\//i, 'GitLab'],
  [/(?:^|\/\/|\.)(?:twitter|x)\.com\//i, 'Twitter'],
  [/(?:^|\/\/|\.)dribbble\.com\//i, 'Dribbble'],
  [/(?:^|\/\/|\.)behance\.net\//i, 'Behance'],
  [/(?:^|\/\/|\.)stackoverflow\.com\//i, 'Stack Overflow'],
  [/(?:^|\/\/|\.)medium\.com\//i, 'Medium'],
]

/** The network a profile address belongs to (LinkedIn, GitHub, …), or undefined for any other site. */
function networkOf(url: string): string | undefined {
  return NETWORKS.find(([pattern]) => pattern.test(url))?.[1]
}

function profileOf(url: string): NonNullable<Basics['profiles']>[number] {
  const query = url.search(/[?#]/)
  const username = (query >= 0 ? url.slice(0, query) : url).split('/').filter(Boolean).at(-1)
  return { network: networkOf(url) as string, ...(username && { username }), url }
}

/** A web address written without a scheme: "ada.example.com", "adapark.dev/work" (a top-level domain of letters). */
function isBareDomain(part: string): boolean {
  const m = /^[a-z\d-]+(?:\.[a-z\d-]+)+(?=\/|$)/i.exec(part)
  return m !== null && !/\s/.test(part) && /\.[a-z]{2,}$/i.test(m[0]) && !/^\d/.test(m[0])
}

/** A list line under a group name in a skills section: items set apart, no dates, not itself a heading. */
function isSkillGroup(next: TextBlock | undefined): boolean {
  if (!next || next.kind === 'heading' || next.bold || sectionOfHeading(clean(next.text))) return false
  return / [·|•] |, /.test(next.text) && !findDateRange(next.text) && next.text.length <= 200
}

/** A block that reads as a contact detail: an e-mail, web address or phone number, or a link to one. */
function looksLikeContact(block: TextBlock): boolean {
  if ((block.links?.length ?? 0) > 0 && block.text.length <= 80) return true
  if (placeOf(block.text)) return true
  const parts = block.text.split(PART_SPLIT).map(clean)
  return parts.every((p) => EMAIL.test(p) || URL_PATTERN.test(p) || isPhone(p) || isBareDomain(p))
}

function isPhone(text: string): boolean {
  const m = PHONE.exec(text)
  return m !== null && m[0].replace(/\D/g, '').length >= 7 && m[0].length >= text.trim().length - 2
}

/**
 * A line that is only a place, as designs print it: "Lisbon, Portugal", "South Portland, (US)", "Round Rock US" (a
 * city and a country code); undefined otherwise.
 */
function placeOf(text: string): Basics['location'] | undefined {
  const plain = clean(text.replace(/[()]/g, ''))
  if (LOCATION_LINE.test(plain)) return locationOf(plain)
  const coded = /^(\p{Lu}[\p{L}.' -]{1,30}) ([A-Z]{2})$/u.exec(plain)
  if (coded && !looksLikeJobTitle(plain) && !/ I$/.test(coded[1] as string)) {
    return { city: clean(coded[1] as string), countryCode: coded[2] as string }
  }
  return undefined
}

function locationOf(text: string): NonNullable<Basics['location']> {
  const parts = text.split(',').map(clean).filter(Boolean)
  const [city, second, third] = parts
  if (parts.length >= 3) return { city: city as string, region: second as string, countryCode: third as string }
  if (parts.length === 2) {
    return /^[A-Z]{2}$/.test(second as string) && !/^[A-Z]{2}$/.test(city as string)
      ? { city: city as string, region: second as string }
      : { city: city as string, region: second as string }
  }
  return { city: text }
}

/** Dotted paths of every field with a value, e.g. `work[0].position`. */
export function fieldPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return value.length > 0 ? [prefix] : []
    return value.flatMap((v, i) => fieldPaths(v, `${prefix}[${i}]`))
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => fieldPaths(v, prefix ? `${prefix}.${k}` : k))
  }
  return value === undefined || value === '' ? [] : [prefix]
}
