// The entry sections of an imported resume (work, volunteering, education, projects, awards, certificates,
// publications): a section's blocks split into entries at their title lines, each read into its JSON Resume shape.
// Text arrives cleaned (see resume-text-parser.ts), so the patterns name single spaces.
import { stripEnd, stripStart } from '../intelligence/analysis/text.js'
import { type FoundDateRange, findDateRange } from './dates.js'
import type { TextBlock } from './document.types.js'
import type { Award, Certificate, Project, Publication, Work } from './json-resume.js'
import { clean, leadSplit, splitList } from './resume-text-lists.js'
import { looksLikeDegree, looksLikeJobTitle, looksLikeSchool } from './section-vocabulary.js'

export const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s·|•,]+|\b(?:linkedin\.com|github\.com|gitlab\.com)\/[^\s·|•,]+/i
export const PART_SPLIT = /\s+[·|•]\s+|\s{3,}|\t/
/** Separators between a role and an organisation in an entry title. */
const TITLE_SPLIT = / [—–|] | - /

export interface Entry {
  title: TextBlock
  /** The title's second line as drawn, when the title was set on two lines (company above role). */
  second?: TextBlock
  meta: string[]
  paragraphs: string[]
  bullets: string[]
  dates: { startDate?: string; endDate?: string } | undefined
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
  if (block.kind === 'heading' || block.bold || block.scale > 1.05)
    return !isMetaLine(block) || !blocks[i - 1] || blocks[i - 1]?.kind === 'bullet'
  if (isMetaLine(block) && (!blocks[i - 1] || blocks[i - 1]?.kind === 'bullet')) {
    // "Office Manager, The Phone Company 03/2019 – Present" after the last entry's bullets: a title with its dates.
    const dates = findDateRange(block.text)
    return dates !== undefined && looksLikeJobTitle(block.text.replace(dates.text, ''))
  }
  // A plain line before a dates-only line is a title, unless those dates sit above a styled title of their own.
  const after = blocks[i + 2]
  const datesOfNext = blocks[i + 1] && datesOnly(blocks[i + 1] as TextBlock)
  if (
    datesOfNext &&
    after &&
    after.kind !== 'bullet' &&
    (after.bold || after.kind === 'heading' || after.scale > 1.05)
  ) {
    return false
  }
  return isMetaLine(blocks[i + 1]) && !isMetaLine(block)
}

/**
 * True when `block` is the second line of the last entry's title: the entry holds nothing but its title yet, the
 * title has no separator of its own, and this line is short, not a bullet, and styled as a title or followed by the
 * dates.
 */
function isSecondTitleLine(last: Entry, block: TextBlock): boolean {
  if (last.meta.length + last.paragraphs.length + last.bullets.length > 0 || last.dates !== undefined) return false
  if (block.kind === 'bullet' || block.text.length > 90 || / — /.test(last.title.text)) return false
  if (/^(keywords|courses|technologies|score|gpa)\s*:/i.test(block.text)) return false
  const dates = findDateRange(block.text)
  const words = clean(stripEnd(stripStart(dates ? block.text.replace(dates.text, '') : block.text, '·|,'), '·|,'))
  if (words.length === 0 || words.split(' ').length > 10 || /[.!?]$/.test(words) || URL_PATTERN.test(words))
    return false
  if (/ [·|•] /.test(words)) return false
  // One line names the role and the other the organisation; a line with dates must say so by its words alone, and
  // cannot complete a title that names both already ("Reporting Analyst, LoneStar Wireless").
  if (dates && (splitTitle(last.title.text)[1] !== undefined || DURATION.test(words))) return false
  const pair = looksLikeJobTitle(words) !== looksLikeJobTitle(last.title.text)
  if (dates) return pair
  // A school and its degree on two lines ("Pierce College" / "A.A.S. in Accounting"), either way round.
  const schoolAndDegree =
    looksLikeSchool(last.title.text) !== looksLikeSchool(words) &&
    (isDegreeLine(words) || isDegreeLine(last.title.text))
  return schoolAndDegree || block.bold || block.kind === 'heading' || block.scale > 1.05
}

/** A line holding nothing but dates ("02/2022 - Present"). */
function datesOnly(block: TextBlock): FoundDateRange | undefined {
  if (block.kind === 'bullet') return undefined
  const found = findDateRange(block.text)
  return found && clean(stripEnd(stripStart(block.text.replace(found.text, ''), '·|,()'), '·|,()')) === ''
    ? found
    : undefined
}

/** Splits a section's blocks into entries, each starting at a title line. */
export function entriesOf(body: readonly TextBlock[]): Entry[] {
  const entries: Entry[] = []
  // Dates drawn above their entry's title (set against the right margin a little higher than the title).
  let pending: FoundDateRange | undefined
  body.forEach((block, i) => {
    const last = entries.at(-1)
    const onlyDates = datesOnly(block)
    const next = body[i + 1]
    if (
      onlyDates &&
      next &&
      !datesOnly(next) &&
      next.kind !== 'bullet' &&
      (!last || last.dates !== undefined || last.paragraphs.length + last.bullets.length > 0) &&
      (next.bold || next.kind === 'heading' || next.scale > 1.05 || isMetaLine(body[i + 2]) === false)
    ) {
      pending = onlyDates
      return
    }
    if (last && isSecondTitleLine(last, block)) {
      // A title set on two lines (company above role, or role above company): one title, read as "first — second".
      const found = findDateRange(block.text)
      const inTitle = found && isMetaLine(block)
      const text = inTitle ? clean(stripEnd(block.text.replace(found.text, ''), ',·|—–-')) : block.text
      last.title = { ...last.title, text: `${last.title.text} — ${text}` }
      last.second = block
      if (inTitle) last.dates = { startDate: found.startDate, endDate: found.endDate }
      return
    }
    if (!last || isEntryTitle(body, i)) {
      const found = findDateRange(block.text)
      const inTitle = found && isMetaLine(block)
      entries.push({
        title: inTitle ? { ...block, text: clean(stripEnd(block.text.replace(found.text, ''), ',·|—–-')) } : block,
        meta: [],
        paragraphs: [],
        bullets: [],
        dates: inTitle
          ? { startDate: found.startDate, endDate: found.endDate }
          : pending && { startDate: pending.startDate, endDate: pending.endDate },
      })
      pending = undefined
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

export function splitTitle(text: string): [string, string | undefined] {
  const parts = text.split(TITLE_SPLIT)
  if (parts.length >= 2) return [clean(parts[0] as string), clean(parts.slice(1).join(' — '))]
  const at = / at /i.exec(text)
  if (at && at.index > 0) {
    const [role, org] = [text.slice(0, at.index), text.slice(at.index + at[0].length)]
    // "Server at The Old Port": a short role before " at " reads as one even without a usual job word.
    if (org && (looksLikeJobTitle(role) || role.split(' ').length <= 4)) return [clean(role), clean(org)]
  }
  // "Office manager, The Phone Company": the last comma parts role and organisation when one side reads as a role
  // and the other does not ("Student Assistant, Institutional Research, Texas State University" keeps its comma).
  const comma = text.lastIndexOf(', ')
  if (comma > 0) {
    const [head, tail] = [clean(text.slice(0, comma)), clean(text.slice(comma + 2))]
    if (head && tail && looksLikeJobTitle(head) !== looksLikeJobTitle(tail)) return [head, tail]
    if (
      head &&
      tail &&
      (looksLikeSchool(head) || looksLikeSchool(tail)) &&
      looksLikeSchool(head) !== looksLikeSchool(tail)
    ) {
      return [head, tail]
    }
  }
  return [text, undefined]
}

export function datesOf(entry: Entry): { startDate?: string; endDate?: string } {
  const out: { startDate?: string; endDate?: string } = {}
  if (entry.dates?.startDate) out.startDate = entry.dates.startDate
  if (entry.dates?.endDate) out.endDate = entry.dates.endDate
  return out
}

/** A length of time some designs print beside the dates ("1 year 7 months", "8 mos"): not a field of its own. */
const DURATION = /^(?:\d+\+? ?(?:years?|yrs?|months?|mos?)\.? ?)+$/i

export function metaFields(entry: Entry): { url?: string; location?: string; score?: string; other: string[] } {
  const out: { url?: string; location?: string; score?: string; other: string[] } = { other: [] }
  for (const part of entry.meta) {
    const score = /^(?:score|gpa|grade) ?:? ?(.+)$/i.exec(part)
    if (score) out.score = score[1] as string
    else if (DURATION.test(part)) continue
    else if (URL_PATTERN.test(part) && !out.url) out.url = part
    else if (!out.location) out.location = part
    else out.other.push(part)
  }
  return out
}

export function workOf(entry: Entry, orgKey: 'name', unrecognised: string[]): Work {
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
  if (entry.bullets.length === 0 && entry.paragraphs.length > 1) {
    // Designs that draw list items without bullet glyphs: each separate line is one highlight.
    work.highlights = entry.paragraphs
  } else if (entry.paragraphs.length === 1) work.summary = entry.paragraphs[0]
  else if (entry.paragraphs.length > 1) {
    work.description = entry.paragraphs[0]
    work.summary = entry.paragraphs.slice(1).join(' ')
  }
  if (entry.bullets.length > 0) work.highlights = entry.bullets
  return work
}

export const DEGREE_ABBREVIATION =
  /^((?:[A-Z][A-Za-z]{0,3}\.){1,4}|[A-Z][a-z]?[A-Z]{1,3}|PhD|MSc|BSc|BEng|MEng|MPhil|PharmD|EdD)(?= |,|$)/

export const isDegreeLine = (line: string) =>
  line.length <= 120 && !looksLikeSchool(line) && (looksLikeDegree(line) || DEGREE_ABBREVIATION.test(line))

export function projectOf(entry: Entry, unrecognised: string[]): Project {
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

export function awardOf(entry: Entry): Award {
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

export function certificateOf(entry: Entry): Certificate {
  const [name, issuer] = splitTitle(entry.title.text)
  const date = entry.dates?.endDate ?? entry.dates?.startDate
  const meta = metaFields(entry)
  return { name, ...(issuer && { issuer }), ...(date && { date }), ...(meta.url && { url: meta.url }) }
}

export function publicationOf(entry: Entry): Publication {
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

/**
 * Roles listed under one company (the company once, each role below it): a role without a company, drawn like the
 * role line under the company of the entry before, is at that company too.
 */
export function inheritCompanies(entries: readonly Entry[], work: Work[]): void {
  for (let i = 1; i < work.length; i += 1) {
    const role = work[i] as Work
    const before = work[i - 1] as Work
    const second = entries[i - 1]?.second
    const title = entries[i]?.title
    if (role.name || !role.position || !before.name || !second || !title) continue
    if (second.scale === title.scale && second.bold === title.bold) {
      role.name = before.name
      if (entries[i]) (entries[i] as Entry).second = second
    }
  }
}
