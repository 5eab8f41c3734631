import {
  ANALYSIS_VERSION,
  type Importance,
  type JobAnalysis,
  type PostingInput,
  type SkillAsk,
  type SuspiciousText,
} from './analysis.types.js'
import { isInstructionText } from './instructions.js'
import { groupByCategory, keywordsOf } from './job-keywords.js'
import {
  educationAsked,
  firstMatch,
  jobType,
  locationOf,
  remoteMode,
  SALARY,
  SENIORITY_WORDS,
  seniorityOf,
  yearsAsked,
  yearsSpans,
} from './posting-facts.js'
import { findSkills } from './taxonomy.js'
import { isSpace, sentences, squash, stripEnd, stripStart } from './text.js'
import { STOP_WORDS } from './words.js'

type Section = 'intro' | 'required' | 'preferred' | 'responsibilities' | 'other'

interface Line {
  readonly text: string
  readonly section: Section
  readonly bullet: boolean
}

const HEADINGS: readonly [Section, RegExp][] = [
  [
    'preferred',
    /^(preferred|nice[- ]to[- ]haves?|bonus|desirable|desired|pluses|(it'?s )?a plus|good to have|great to have|ideally|extra credit|even better|(it )?would be (great|nice)|helpful but not required|not required but|we'?d love)/i,
  ],
  [
    'required',
    /^((minimum |basic |key |job )?requirements?|required|(minimum |basic |key |essential |your )?qualifications|what (you'?ll|you will) need|what you need|what we need( from you)?|(what|who) we'?re looking for|who you are|about you|must[- ]haves?|(key |required |essential )?skills|you have|you bring|what you bring|you should have|essential|your profile|experience|education)\b/i,
  ],
  [
    'responsibilities',
    /^((key |main |your )?responsibilities|what (you'?ll|you will) (do|work on|own|be doing)|the role|your role|role overview|role summary|(job |position )(summary|overview|duties)|(key |essential )?duties|day[- ]to[- ]day|in this role|the job|about the (role|job|position)|the opportunity|what the job involves|your (day|impact)|(you will|you'll)$)/i,
  ],
  [
    'other',
    /^(benefits|perks|what we offer|we offer|about (us|the company|the team)|compensation|salary|pay|why (join|work)|our culture|equal opportunity|how to apply|who we are|location|schedule)/i,
  ],
]

const PREFERRED_CUE =
  /\b(nice[- ]to[- ]have|preferred|preferably|a plus|plus\b|bonus|desirable|ideally|an advantage|advantageous|good to have|would be great|is helpful|familiarity with)/i
const REQUIRED_CUE = /\b(must|required|requirement|essential|mandatory|minimum|need to have|you have|you will need)\b/i

function normalizeQuotes(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/\u00a0/g, ' ')
}

// Pay, benefits and boilerplate ask for nothing, even when they are not under a heading of their own.
const PERKS =
  /^(salary|pay|compensation|base salary|benefits|perks|what we offer|we offer|we pay|competitive (salary|pay|compensation)|[$€£]\s?\d)|\b(equal opportunity employer|benefits include|we offer|sign-on bonus)\b/i
// "offers a … bonus": the two parts are searched apart, as `offers an? .*\bbonus` retries the rest of the line from
// every "offers a".
const OFFERS = /\boffers an? /i
const OFFERED_PERK = /\b(bonus|benefits?|allowance|discount)\b/i
const LINE_BREAK = /[\n\r\u2028\u2029]/

function isPerk(text: string): boolean {
  if (PERKS.test(text)) return true
  // Per stretch without a line break (where `.` stops): the first "offers a" leaves the most room for the perk.
  for (const stretch of text.split(LINE_BREAK)) {
    const offers = OFFERS.exec(stretch)
    if (offers && OFFERED_PERK.test(stretch.slice(offers.index + offers[0].length))) return true
  }
  return false
}
// In the opening paragraph, a sentence about the company ("We host 12,000 databases") is not a requirement unless it
// also speaks of the candidate ("We're looking for someone who…").
const ABOUT_US = /^(we|we'?re|we'?ve|our|the company)\b/i
const ABOUT_CANDIDATE =
  /\b(you|your|you'?ll|you'?re|candidates?|applicants?|someone|person|looking for|seeking|hiring|join|need|needs|must|require[sd]?)\b/i

function sectionOfSentence(text: string, section: Section, companyWord: string | undefined): Section {
  if (isPerk(text)) return 'other'
  if (section !== 'intro' || ABOUT_CANDIDATE.test(text)) return section
  const startsWithCompany = companyWord !== undefined && text.startsWith(`${companyWord} `)
  return ABOUT_US.test(text) || startsWithCompany ? 'other' : section
}

/** The company's first word when it can open a sentence about the company ("Arcline builds…"). */
function companyWordOf(company: string | undefined): string | undefined {
  const word = company?.trim().split(/\s+/)[0]
  return word && /^[A-Z][A-Za-z&'-]{2,}$/.test(word) && !STOP_WORDS.has(word.toLowerCase()) ? word : undefined
}

/** The line with the company's name blanked out (same length), so "Veridian Medical Devices" names no skill. */
function maskCompany(text: string, company: string | undefined): string {
  const name = company?.trim()
  if (!name || name.length < 3) return text
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return text.replace(new RegExp(`\\b${escaped}\\b`, 'gi'), (m) => ' '.repeat(m.length))
}

function headingOf(line: string): Section | undefined {
  const text = stripEnd(stripStart(line, '#*'), '*:')
  const words = text.split(/\s+/).length
  if (words > 8 || /[.!?]$/.test(line.trim())) return undefined
  for (const [section, pattern] of HEADINGS) if (pattern.test(text)) return section
  return undefined
}

function readLines(
  description: string,
  givenTitle: string | undefined,
  company: string | undefined,
): { lines: Line[]; title: string | undefined; suspicious: SuspiciousText[] } {
  const companyWord = companyWordOf(company)
  const lines: Line[] = []
  const suspicious: SuspiciousText[] = []
  let section: Section = 'intro'
  let title = givenTitle
  let first = true
  let lineStart = 0
  for (const raw of normalizeQuotes(description).split(/\n/)) {
    const rawStart = lineStart
    lineStart += raw.length + 1
    const trimmed = raw.trim()
    if (!trimmed) continue
    if (first) {
      first = false
      // A short first line that reads like a title is the title, not a requirement.
      const fromLine = titleFromLine(trimmed)
      if (fromLine) {
        title ??= fromLine
        continue
      }
    }
    const heading = headingOf(trimmed)
    if (heading) {
      section = heading
      continue
    }
    const bullet = /^([-*•·▪◦]|\d+[.)])\s+/.test(trimmed)
    const body = trimmed.replace(/^\d+[.)]\s+/, '')
    const bodyStart = rawStart + raw.indexOf(trimmed) + (trimmed.length - body.length)
    for (const sentence of sentences(body)) {
      if (isInstructionText(sentence.text)) {
        const start = bodyStart + sentence.start
        suspicious.push({ text: sentence.text, start, end: start + sentence.text.length })
        continue
      }
      lines.push({ text: sentence.text, section: sectionOfSentence(sentence.text, section, companyWord), bullet })
    }
  }
  return { lines, title, suspicious }
}

function importanceOf(line: Line): Importance | undefined {
  if (line.section === 'other') return undefined
  if (PREFERRED_CUE.test(line.text)) return 'preferred'
  if (REQUIRED_CUE.test(line.text)) return 'required'
  return line.section === 'preferred' ? 'preferred' : 'required'
}

// "…, ideally Kafka" makes what follows preferred; "Kafka is a plus" makes the clause before it preferred.
const LEADING_PREFERRED =
  /\b(preferred\s*:|bonus points|plus\s*:|ideally|preferably|nice[- ]to[- ]have|bonus|familiarity with|exposure to|would be great)/gi
const TRAILING_PREFERRED =
  /\b(preferred|is a plus|a plus|is a bonus|a bonus|desirable|an advantage|advantageous|helpful|nice to have|would be nice)\b/gi

/** Where a line's clause-level cues and clause breaks are, found once per line (not once per mention). */
interface Cues {
  /** The first leading cue, or -1. */
  readonly leading: number
  readonly trailing: readonly number[]
  /** Commas and semicolons. */
  readonly breaks: readonly number[]
}

function cuesOf(text: string): Cues {
  const breaks: number[] = []
  for (let i = 0; i < text.length; i += 1) if (text[i] === ',' || text[i] === ';') breaks.push(i)
  return {
    leading: text.search(LEADING_PREFERRED),
    trailing: [...text.matchAll(TRAILING_PREFERRED)].map((m) => m.index),
    breaks,
  }
}

/** The first value in the ascending list that is at least `from`, or undefined. */
function firstFrom(sorted: readonly number[], from: number): number | undefined {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sorted[mid] as number) < from) lo = mid + 1
    else hi = mid
  }
  return sorted[lo]
}

/** The importance of a mention from `start` to `end` in a line: clause-level cues first, then the line's section. */
function importanceAt(line: Line, cues: Cues, start: number, end: number): Importance {
  if (cues.leading >= 0 && cues.leading < start) return 'preferred'
  const cue = firstFrom(cues.trailing, end)
  if (cue !== undefined) {
    // Only the clause that the cue closes: no clause break between the mention and the cue, or none before it.
    const nextBreak = firstFrom(cues.breaks, end)
    const noBreakBefore = (cues.breaks[0] ?? start) >= start
    if (nextBreak === undefined || nextBreak >= cue || noBreakBefore) return 'preferred'
  }
  return line.section === 'preferred' ? 'preferred' : 'required'
}

// A company's legal form may close a title line with a full stop: "Data Engineer at DataFlow Inc."
const LEGAL_FORM_END = /\b(?:Inc|Ltd|Co|Corp|LLC|LLP|PLC|GmbH|AG|SA|BV|Pty)\.$/

function titleFromLine(firstLine: string): string | undefined {
  const line = stripEnd(stripStart(firstLine, '#*'), '*')
  const closed = /[.!?:,;]$/.test(line) && !LEGAL_FORM_END.test(line)
  if (line.split(/\s+/).length > 10 || closed || headingOf(line) || /:/.test(line)) return undefined
  // "Backend Engineer - Remote", "Backend Engineer at Arcline": the title is what comes before.
  const title = line.slice(0, tailStart(line, separatorAt))
  return title.slice(0, tailStart(title, atWordAt, /[A-Z]/))
}

const separatorAt = (text: string, index: number) => ('-–—|@'.includes(text[index] as string) ? 1 : 0)
const atWordAt = (text: string, index: number) => (text.startsWith('at', index) ? 2 : 0)

/**
 * Where the first `\s+<separator>\s+.*$` match starts in `text` (the separator's length is `separatorLength(text, index)`,
 * 0 for none; `next` must match the character after the white space), or the text's length when there is none.
 * One pass over the white-space runs instead of a backtracking search, which retries the run from each of its
 * characters.
 */
function tailStart(text: string, separatorLength: (text: string, index: number) => number, next?: RegExp): number {
  // `.*$` cannot cross a line break, so the rest after the white space must lie past the last one.
  const lastBreak = Math.max(
    text.lastIndexOf('\n'),
    text.lastIndexOf('\r'),
    text.lastIndexOf('\u2028'),
    text.lastIndexOf('\u2029'),
  )
  let i = 0
  while (i < text.length) {
    if (!isSpace(text[i])) {
      i += 1
      continue
    }
    const start = i
    while (isSpace(text[i])) i += 1
    const length = i < text.length ? separatorLength(text, i) : 0
    if (length === 0) continue
    let rest = i + length
    while (isSpace(text[rest])) rest += 1
    if (rest > i + length && rest > lastBreak && (!next || next.test(text[rest] ?? ''))) return start
  }
  return text.length
}

// A degree or coursework named with its field: "Bachelor's degree in Accounting", "MSc or PhD in a quantitative field
// (statistics, economics)", "coursework in accounting", "majoring in biology".
// Searched in two steps (the degree word, then "in"/"of" within a few words) so no window is rescanned.
const DEGREE_WORD =
  /\b(?:degree|bachelor'?s?|master'?s?|B\.?A|B\.?S\.?c?|M\.?S\.?c?|M\.?B\.?A|Ph\.?D|diploma|coursework|major(?:ing)?|graduate)\b/i
const FIELD_OPENER = /^[^.;:]{0,40}?\b(?:in|of)\b/i

/** Where the fields of study of a degree named in the line begin, or infinity when it names none. */
function fieldOfStudyStart(text: string): number {
  const degree = DEGREE_WORD.exec(text)
  if (!degree) return Number.POSITIVE_INFINITY
  const after = degree.index + degree[0].length
  const opener = FIELD_OPENER.exec(text.slice(after, after + 60))
  return opener ? after + opener[0].length : Number.POSITIVE_INFINITY
}

/** Deterministic analysis of a job posting: the same text always gives the same analysis. */
export function analyzeJob(input: PostingInput): JobAnalysis {
  const company = input.company?.trim() ? squash(input.company) : undefined
  const { lines, title, suspicious } = readLines(
    input.description,
    input.title?.trim() ? squash(input.title) : undefined,
    company,
  )
  // Posting-wide facts (type, location, salary) are read from the text without its instruction-like sentences.
  const flat = withoutSpans(normalizeQuotes(input.description), suspicious)

  // Skills, by importance: a skill both required and preferred is required.
  const asks = new Map<string, { ask: SkillAsk; mentions: number }>()
  for (const line of lines) {
    if (!importanceOf(line)) continue
    const cues = cuesOf(line.text)
    const fieldsFrom = fieldOfStudyStart(line.text)
    const spans = yearsSpans(line.text)
    for (const mention of findSkills(maskCompany(line.text, company))) {
      // "A degree in finance or accounting": the field of study belongs to the education requirement.
      if (mention.start >= fieldsFrom) continue
      // "C-level", "C-suite", "R-value": a one-letter name joined to a word is not the language.
      if (mention.surface.length === 1 && /^-[A-Za-z]/.test(line.text.slice(mention.end))) continue
      const importance = importanceAt(line, cues, mention.start, mention.end)
      const minYears = spans.find((span) => mention.start >= span.start && mention.end <= span.end)?.min
      const found = asks.get(mention.skill.id)
      if (found) {
        found.mentions += 1
        if (minYears !== undefined && minYears > (found.ask.minYears ?? 0)) found.ask = { ...found.ask, minYears }
        if (found.ask.importance === 'preferred' && importance === 'required') {
          found.ask = { ...found.ask, importance, sentence: line.text, asWritten: mention.surface }
        }
        continue
      }
      const { skill } = mention
      asks.set(skill.id, {
        mentions: 1,
        ask: {
          id: skill.id,
          name: skill.name,
          kind: skill.kind,
          category: skill.category,
          importance,
          mentions: 1,
          asWritten: mention.surface,
          sentence: line.text,
          ...(minYears !== undefined && { minYears }),
        },
      })
    }
  }
  const allAsks = [...asks.values()].map(({ ask, mentions }) => ({ ...ask, mentions }))
  const requiredSkills = allAsks.filter((a) => a.importance === 'required')
  const preferredSkills = allAsks.filter((a) => a.importance === 'preferred')

  const asking = lines.flatMap((line) => {
    const importance = importanceOf(line)
    return importance ? [{ text: line.text, importance }] : []
  })
  const years = yearsAsked(asking)
  const education = educationAsked(asking)
  const seniority = seniorityOf(title, years)

  return {
    algorithmVersion: ANALYSIS_VERSION,
    title,
    company,
    type: jobType(flat),
    location: locationOf(flat),
    remote: remoteMode(flat),
    salary: firstMatch(flat, SALARY)?.trim(),
    experience: seniority ? SENIORITY_WORDS[seniority.level] : undefined,
    responsibilities: lines.filter((l) => l.section === 'responsibilities').map((l) => l.text),
    qualifications: lines.filter((l) => l.section === 'required' || l.section === 'preferred').map((l) => l.text),
    skills: groupByCategory(allAsks),
    requiredSkills,
    preferredSkills,
    hardSkills: allAsks.filter((a) => a.kind === 'hard').map((a) => a.name),
    softSkills: allAsks.filter((a) => a.kind === 'soft').map((a) => a.name),
    yearsOfExperience: years,
    seniority,
    education,
    keywords: keywordsOf(allAsks, asking, title),
    suspiciousText: suspicious,
  }
}

/** The text with each span blanked out (same length, so offsets hold). */
function withoutSpans(text: string, spans: readonly SuspiciousText[]): string {
  let out = text
  for (const { start, end } of spans) out = `${out.slice(0, start)}${' '.repeat(end - start)}${out.slice(end)}`
  return out
}
