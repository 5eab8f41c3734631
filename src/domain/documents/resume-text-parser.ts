/**
 * Turns text blocks read from a PDF or DOCX (in reading order) into a JSON Resume document, with a report of what
 * was recognised and what was not. Rules only: headings → sections, entries by title and date lines, bullets →
 * highlights. Nothing is invented: a value appears only when the text holds it.
 *
 * Every block's text is cleaned first (white space collapsed to single spaces, trimmed), so the patterns below name
 * that one space (` `, ` ?`) instead of `\s+`: a search for `\s+x` retries a long run of white space from each of
 * its characters. Trailing runs are trimmed by hand for the same reason.
 */
import { stripEnd, stripStart } from '../analysis/text.js'
import { findDateRange } from './dates.js'
import type { ImportReport, ImportType, TextBlock } from './document.types.js'
import type {
  Award,
  Basics,
  Certificate,
  Education,
  JsonResume,
  Language,
  Project,
  Publication,
  Skill,
  Work,
} from './json-resume.js'
import type { SectionKey } from './resume-layout.js'
import {
  isContactHeading,
  looksLikeDegree,
  looksLikeJobTitle,
  looksLikeSchool,
  sectionOfHeading,
} from './section-vocabulary.js'

// Starts only where a run of address characters starts: from inside the run the search would read it again.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s·|•,]+|\b(?:linkedin\.com|github\.com|gitlab\.com)\/[^\s·|•,]+/i
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{6,}\d/
/** A line that is only a place: `Lisbon, Portugal`, `Austin, TX`, `São Paulo, SP, Brazil`. */
const LOCATION_LINE = /^\p{Lu}[\p{L}.' -]{1,30}(?:,\s*\p{Lu}[\p{L}.' -]{1,30}){1,2}$/u
const PART_SPLIT = /\s+[·|•]\s+|\s{3,}|\t/
/** Separators between a role and an organisation in an entry title. */
const TITLE_SPLIT = / [—–|] | - /

interface Entry {
  title: TextBlock
  meta: string[]
  paragraphs: string[]
  bullets: string[]
  dates: { startDate?: string; endDate?: string } | undefined
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim()
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
  for (const block of blocks) {
    const text = clean(block.text)
    if (!text) continue
    if (block.kind !== 'bullet' && isContactHeading(text)) {
      current = header
      continue
    }
    const key = block.kind !== 'bullet' ? sectionOfHeading(text) : undefined
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
    if (current) current.push({ ...block, text })
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
        resume.work = entriesOf(body).map((e) => workOf(e, 'name', unrecognised) as Work)
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
        resume.skills = body.flatMap((b) => skillOf(b.text))
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
    report: { type, sections: sectionCounts, recognised: fieldPaths(ordered), unrecognised, warnings },
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
    const parts = block.text.split(PART_SPLIT).map(clean).filter(Boolean)
    const isContact = parts.some(
      (p) => EMAIL.test(p) || URL_PATTERN.test(p) || isPhone(p) || /^[\w .-]{2,20}:\s*\S+$/.test(p),
    )
    if (!isContact && !basics.location && i > nameIndex && nameIndex >= 0 && LOCATION_LINE.test(block.text)) {
      basics.location = locationOf(block.text)
      return
    }
    if (!isContact) {
      if (nameIndex >= 0 && i === nameIndex + 1 && !basics.label && block.text.length <= 120) basics.label = block.text
      else unrecognised.push(block.text)
      return
    }
    for (const part of parts) {
      const profile = /^([\w .-]{2,20}):\s*(\S+)$/.exec(part)
      if (profile && (KNOWN_NETWORKS.test((profile[1] as string).trim()) || URL_PATTERN.test(profile[2] as string))) {
        const value = profile[2] as string
        profiles.push({
          network: (profile[1] as string).trim(),
          ...(URL_PATTERN.test(value) ? { url: value } : { username: value }),
        })
      } else if (EMAIL.test(part) && !basics.email) basics.email = (EMAIL.exec(part) as RegExpExecArray)[0]
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

function isPhone(text: string): boolean {
  const m = PHONE.exec(text)
  return m !== null && m[0].replace(/\D/g, '').length >= 7 && m[0].length >= text.trim().length - 2
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

function isMetaLine(block: TextBlock | undefined): boolean {
  if (!block || block.kind === 'bullet') return false
  const found = findDateRange(block.text)
  if (!found) return false
  const rest = block.text.replace(found.text, '')
  return rest.split(PART_SPLIT).every((p) => clean(p).length <= 70)
}

function isEntryTitle(blocks: readonly TextBlock[], i: number): boolean {
  const block = blocks[i] as TextBlock
  if (block.kind === 'bullet' || /^(keywords|courses|technologies|score|gpa)\s*:/i.test(block.text)) return false
  if (block.kind === 'heading' || block.bold)
    return !isMetaLine(block) || !blocks[i - 1] || blocks[i - 1]?.kind === 'bullet'
  return isMetaLine(blocks[i + 1]) && !isMetaLine(block)
}

/** Splits a section's blocks into entries, each starting at a title line. */
function entriesOf(body: readonly TextBlock[]): Entry[] {
  const entries: Entry[] = []
  body.forEach((block, i) => {
    const last = entries.at(-1)
    if (!last || isEntryTitle(body, i)) {
      const found = findDateRange(block.text)
      const inTitle = found && isMetaLine(block)
      entries.push({
        title: inTitle ? { ...block, text: clean(stripEnd(block.text.replace(found.text, ''), ',·|—–-')) } : block,
        meta: [],
        paragraphs: [],
        bullets: [],
        dates: inTitle ? { startDate: found.startDate, endDate: found.endDate } : undefined,
      })
      return
    }
    if (block.kind === 'bullet') last.bullets.push(block.text)
    else if (
      last.dates === undefined &&
      last.paragraphs.length === 0 &&
      last.bullets.length === 0 &&
      isMetaLine(block)
    ) {
      const found = findDateRange(block.text)
      last.dates = { startDate: found?.startDate, endDate: found?.endDate }
      const rest = found ? block.text.replace(found.text, '') : block.text
      last.meta.push(
        ...rest
          .split(PART_SPLIT)
          .map((p) => clean(stripEnd(stripStart(p, '·|•,'), '·|•,')))
          .filter(Boolean),
      )
    } else if (
      last.paragraphs.length === 0 &&
      last.bullets.length === 0 &&
      last.meta.length === 0 &&
      last.dates === undefined &&
      URL_PATTERN.test(block.text) &&
      block.text.split(/\s+/).length === 1
    ) {
      last.meta.push(block.text)
    } else last.paragraphs.push(block.text)
  })
  return entries
}

function splitTitle(text: string): [string, string | undefined] {
  const parts = text.split(TITLE_SPLIT)
  if (parts.length >= 2) return [clean(parts[0] as string), clean(parts.slice(1).join(' — '))]
  const at = / at /i.exec(text)
  if (at && at.index > 0) {
    const [role, org] = [text.slice(0, at.index), text.slice(at.index + at[0].length)]
    if (org && looksLikeJobTitle(role)) return [clean(role), clean(org)]
  }
  return [text, undefined]
}

function datesOf(entry: Entry): { startDate?: string; endDate?: string } {
  const out: { startDate?: string; endDate?: string } = {}
  if (entry.dates?.startDate) out.startDate = entry.dates.startDate
  if (entry.dates?.endDate) out.endDate = entry.dates.endDate
  return out
}

function metaFields(entry: Entry): { url?: string; location?: string; score?: string; other: string[] } {
  const out: { url?: string; location?: string; score?: string; other: string[] } = { other: [] }
  for (const part of entry.meta) {
    const score = /^(?:score|gpa|grade) ?:? ?(.+)$/i.exec(part)
    if (score) out.score = score[1] as string
    else if (URL_PATTERN.test(part) && !out.url) out.url = part
    else if (!out.location) out.location = part
    else out.other.push(part)
  }
  return out
}

function workOf(entry: Entry, orgKey: 'name', unrecognised: string[]): Work {
  const [first, second] = splitTitle(entry.title.text)
  let position: string | undefined
  let org: string | undefined
  if (second === undefined) {
    if (looksLikeJobTitle(first)) position = first
    else org = first
  } else if (!looksLikeJobTitle(first) && looksLikeJobTitle(second)) {
    org = first
    position = second
  } else {
    position = first
    org = second
  }
  const meta = metaFields(entry)
  unrecognised.push(...meta.other)
  const work: Work = {
    ...(org && { [orgKey]: org }),
    ...(position && { position }),
    ...(meta.location && { location: meta.location }),
    ...(meta.url && { url: meta.url }),
    ...datesOf(entry),
  }
  if (entry.paragraphs.length === 1) work.summary = entry.paragraphs[0]
  else if (entry.paragraphs.length > 1) {
    work.description = entry.paragraphs[0]
    work.summary = entry.paragraphs.slice(1).join(' ')
  }
  if (entry.bullets.length > 0) work.highlights = entry.bullets
  return work
}

function educationOf(entry: Entry, unrecognised: string[]): Education {
  const [first, second] = splitTitle(entry.title.text)
  let degree: string | undefined
  let institution: string | undefined
  if (second === undefined) {
    if (looksLikeSchool(first) || !looksLikeDegree(first)) institution = first
    else degree = first
  } else if (looksLikeSchool(first) && !looksLikeSchool(second)) {
    institution = first
    degree = second
  } else {
    degree = first
    institution = second
  }
  const education: Education = { ...(institution && { institution }) }
  if (degree) {
    const m = studyAndArea(degree)
    if (m && /,/.test(degree)) {
      education.studyType = clean(m[0])
      education.area = clean(m[1])
    } else if (degree.includes(' in ')) {
      const [studyType, ...area] = degree.split(' in ')
      education.studyType = clean(studyType as string)
      education.area = clean(area.join(' in '))
    } else education.studyType = degree
  }
  Object.assign(education, datesOf(entry))
  const meta = metaFields(entry)
  if (meta.score) education.score = meta.score
  if (meta.url) education.url = meta.url
  if (meta.location) unrecognised.push(meta.location)
  unrecognised.push(...meta.other)
  for (const paragraph of [...entry.paragraphs, ...entry.bullets]) {
    const [lead, rest] = leadSplit(paragraph)
    if (rest && /^courses?$/i.test(lead)) education.courses = splitList(rest)
    else if (rest && /^(score|gpa|grade)$/i.test(lead)) education.score = rest
    else unrecognised.push(paragraph)
  }
  return education
}

const STUDY_AREA_SPLIT = /, ?| in | of (?=[A-Z][a-z]+ ?$)/g

/** "BSc, Physics", "MSc in Physics", "Master of Science": the degree and its area, split at the first separator. */
function studyAndArea(degree: string): [string, string] | undefined {
  STUDY_AREA_SPLIT.lastIndex = 1
  const separator = STUDY_AREA_SPLIT.exec(degree)
  if (!separator) return undefined
  const area = degree.slice(separator.index + separator[0].length)
  return area ? [degree.slice(0, separator.index), area] : undefined
}

function projectOf(entry: Entry, unrecognised: string[]): Project {
  const [name, entity] = splitTitle(entry.title.text)
  const meta = metaFields(entry)
  const project: Project = { name, ...(entity && { entity }), ...datesOf(entry), ...(meta.url && { url: meta.url }) }
  if (meta.location) unrecognised.push(meta.location)
  const description: string[] = []
  for (const paragraph of entry.paragraphs) {
    const [lead, rest] = leadSplit(paragraph)
    if (rest && /^(keywords|technologies|tech stack|stack|tools)$/i.test(lead)) project.keywords = splitList(rest)
    else if (rest && /^roles?$/i.test(lead)) project.roles = splitList(rest)
    else description.push(paragraph)
  }
  if (description.length > 0) project.description = description.join(' ')
  if (entry.bullets.length > 0) project.highlights = entry.bullets
  return project
}

function awardOf(entry: Entry): Award {
  const [title, awarder] = splitTitle(entry.title.text)
  const date = entry.dates?.endDate ?? entry.dates?.startDate
  return {
    title,
    ...(awarder && { awarder }),
    ...(date && { date }),
    ...(entry.paragraphs.length + entry.bullets.length > 0 && {
      summary: [...entry.paragraphs, ...entry.bullets].join(' '),
    }),
  }
}

function certificateOf(entry: Entry): Certificate {
  const [name, issuer] = splitTitle(entry.title.text)
  const date = entry.dates?.endDate ?? entry.dates?.startDate
  const meta = metaFields(entry)
  return { name, ...(issuer && { issuer }), ...(date && { date }), ...(meta.url && { url: meta.url }) }
}

function publicationOf(entry: Entry): Publication {
  const [name, publisher] = splitTitle(entry.title.text)
  const releaseDate = entry.dates?.endDate ?? entry.dates?.startDate
  const meta = metaFields(entry)
  return {
    name,
    ...(publisher && { publisher }),
    ...(releaseDate && { releaseDate }),
    ...(meta.url && { url: meta.url }),
    ...(entry.paragraphs.length > 0 && { summary: entry.paragraphs.join(' ') }),
  }
}

/** `Lead: rest` → [lead, rest]; otherwise [text, undefined]. */
function leadSplit(text: string): [string, string | undefined] {
  const m = /^([^:]{1,60}?) ?: (.+)$/.exec(text)
  return m ? [clean(m[1] as string), clean(m[2] as string)] : [text, undefined]
}

/** Splits a list on commas and semicolons, keeping commas inside parentheses. */
function splitList(text: string): string[] {
  const items: string[] = []
  let depth = 0
  let currentItem = ''
  for (const ch of text) {
    if (ch === '(') depth += 1
    if (ch === ')') depth = Math.max(0, depth - 1)
    if ((ch === ',' || ch === ';') && depth === 0) {
      items.push(currentItem)
      currentItem = ''
    } else currentItem += ch
  }
  items.push(currentItem)
  return items.map(clean).filter(Boolean)
}

function skillOf(text: string): Skill[] {
  const [lead, rest] = leadSplit(text)
  if (rest === undefined) {
    const items = splitList(text)
    return items.length > 1 ? [{ keywords: items }] : [{ name: text }]
  }
  const level = trailingNote(lead)
  const name = level ? clean(level.before) : lead
  return [{ name, ...(level && { level: clean(level.note) }), keywords: splitList(rest) }]
}

function languagesOf(text: string): Language[] {
  const [lead, rest] = leadSplit(text)
  if (rest !== undefined && !rest.includes(',')) return [{ language: lead, fluency: rest }]
  return splitList(text).map((item) => {
    // "Spanish (native)" or "Spanish - native", whichever separator comes first.
    const note = trailingNote(item)
    const dash = /[—–-]/.exec(item.slice(1, -1))
    const dashAt = dash ? dash.index + 1 : -1
    if (dashAt >= 0 && (!note || textBefore(item, dashAt) < note.before.length)) {
      return { language: clean(item.slice(0, textBefore(item, dashAt))), fluency: clean(item.slice(dashAt + 1)) }
    }
    return note ? { language: clean(note.before), fluency: clean(note.note) } : { language: item }
  })
}

/** Where the text before a separator at `at` ends: before one space, but never empty. */
function textBefore(text: string, at: number): number {
  return at > 1 && text[at - 1] === ' ' ? at - 1 : at
}

/**
 * "Python (expert)" → the text before the closing parenthesis and what it holds (no ")" inside, not empty), or
 * undefined: what `/^(.+?) ?\(([^)]+)\)$/` matches, found without trying every "(" against the rest of the text.
 */
function trailingNote(text: string): { before: string; note: string } | undefined {
  if (!text.endsWith(')')) return undefined
  // The note cannot hold a ")", so its "(" comes after the one before the last; the first such with text before it.
  const from = text.lastIndexOf(')', text.length - 2) + 1
  const open = text.indexOf('(', Math.max(from, 1))
  if (open < 0 || open > text.length - 3) return undefined
  return { before: text.slice(0, textBefore(text, open)), note: text.slice(open + 1, -1) }
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
