// What a posting states besides its skills: years of experience, education, seniority, job type, remote mode,
// salary and location.
import type {
  EducationAsk,
  EducationLevel,
  Importance,
  JobAnalysis,
  RemoteMode,
  Seniority,
  YearsAsk,
} from './analysis.types.js'
import { squash } from './text.js'

/** A sentence of a posting that asks for something, with how strongly (perks and boilerplate ask for nothing). */
export interface AskingSentence {
  readonly text: string
  readonly importance: Importance
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
}
// Each stretch of white space has one place in the pattern (`\s*(?:\+\s*)?`, not `\s*\+?\s*`), so a long run of
// spaces is not split between two `\s*` in every possible way.
const YEARS =
  /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)\s*(?:(?:\+|plus)\s*)?(?:(?:-|–|to)\s*(\d{1,2})\s*(?:\+\s*)?)?(?:years?|yrs?)\b/i

export function yearsAsked(sentences: readonly AskingSentence[]): YearsAsk | undefined {
  let best: YearsAsk | undefined
  for (const line of sentences) {
    const { importance } = line
    const m = YEARS.exec(line.text)
    if (!m?.[1]) continue
    if (!/experien|background|track record|working|in (a|an) |industry|role/i.test(line.text)) continue
    const min = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1])
    const max = m[2] ? Number(m[2]) : undefined
    if (min > 30) continue
    const candidate: YearsAsk = { min, max, importance, sentence: line.text }
    const rank = (y: YearsAsk) => (y.importance === 'required' ? 100 : 0) + y.min
    if (!best || rank(candidate) > rank(best)) best = candidate
  }
  return best
}

/** A stretch of a sentence that asks for years with what it names: "5+ years of React and TypeScript". */
export interface YearsSpan {
  readonly min: number
  /** Where the things the years are asked with begin and end in the sentence. */
  readonly start: number
  readonly end: number
}

// After "N years": an optional "of (professional) experience", then "with/in/of/using/building …" up to a clause break.
const YEARS_WITH =
  /^\s*(?:of\s+)?(?:(?:professional|hands-on|commercial|production|relevant|practical|recent|industry)\s+)?(?:experience\s+)?(?:with|in|of|using|building|writing|developing|working with|programming in)\s+/i

/** The stretches of a sentence that ask for a number of years with something: where the skills named get that ask. */
export function yearsSpans(text: string): YearsSpan[] {
  const spans: YearsSpan[] = []
  for (let from = 0; from < text.length; ) {
    const m = YEARS.exec(text.slice(from))
    if (!m?.[1]) break
    const after = from + m.index + m[0].length
    from = after
    const min = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1])
    if (min > 30) continue
    const lead = YEARS_WITH.exec(text.slice(after))
    if (!lead) continue
    const start = after + lead[0].length
    // Up to the end of the clause: a semicolon, a full stop, a dash, or a comma before another number ("…, at least 2
    // of them in Go" asks 2 years of Go, not 5).
    const rest = text.slice(start)
    const stop = rest.search(
      /[;.!?]|\s[-–—]\s|,\s*(?:and\s+|with\s+|including\s+)?(?:at least\s+)?(?:\d|one|two|three|four|five)\b/i,
    )
    spans.push({ min, start, end: start + (stop === -1 ? rest.length : stop) })
  }
  return spans
}

const EDUCATION: readonly [EducationLevel, RegExp][] = [
  ['high-school', /\b(high school|GED|secondary school|A-levels)\b/i],
  ['associate', /\bassociate'?s?( degree| of)\b/i],
  [
    'bachelor',
    /\b(bachelor'?s?|BSc|B\.S\.|BS\/BA|BA\/BS|BS or BA|B\.A\.|BEng|undergraduate degree|(4|four)[- ]year degree|university degree|college degree|degree in|relevant degree|related degree)\b/i,
  ],
  ['master', /\b(master'?s?|MSc|M\.S\.|MBA|MEng|MPH|MSN)\b/i],
  ['doctorate', /\b(Ph\.?D|doctorate|doctoral)\b/i],
]
const LEVEL_RANK: Record<EducationLevel, number> = {
  'high-school': 1,
  associate: 2,
  bachelor: 3,
  master: 4,
  doctorate: 5,
}
export function educationRank(level: EducationLevel): number {
  return LEVEL_RANK[level]
}

export function educationAsked(sentences: readonly AskingSentence[]): EducationAsk | undefined {
  let best: EducationAsk | undefined
  for (const line of sentences) {
    const { importance } = line
    const levels = EDUCATION.filter(([, re]) => re.test(line.text)).map(([level]) => level)
    const level = levels[0]
    if (!level) continue
    const field = fieldOf(line.text)?.trim()
    const candidate: EducationAsk = {
      level,
      field: field && field.length <= 80 ? field : undefined,
      importance,
      equivalentExperience: /equivalent (practical |work |professional )?experience|or equivalent/i.test(line.text),
      sentence: line.text,
    }
    if (!best || (best.importance === 'preferred' && importance === 'required')) best = candidate
  }
  return best
}

const DEGREE_WORD = /\b(?:degree|bachelor'?s?|master'?s?|BSc|BS|BA|MSc|diploma)\b/i
const IN_WORD = /\bin(\s+)/gi
const FIELD_END = /,? or (?:equivalent|(?:a )?related)|[()]/gi

/**
 * The field of study after a degree word: "degree in Computer Science, or equivalent" → "Computer Science". The
 * match of `/\b(?:degree|…)\b[^.;]*?\bin\s+([^.;()]+?)(?=,? or equivalent|,? or (?:a )?related|[.;()]|$)/i`,
 * found clause by clause: that pattern's lazy parts retry the rest of the clause from every degree word and "in".
 */
function fieldOf(text: string): string | undefined {
  for (const clause of text.split(/[.;]/)) {
    const degree = DEGREE_WORD.exec(clause)
    if (!degree) continue
    IN_WORD.lastIndex = degree.index + degree[0].length
    for (let found = IN_WORD.exec(clause); found; found = IN_WORD.exec(clause)) {
      const spaces = (found[1] as string).length
      const start = found.index + found[0].length
      if (start < clause.length && clause[start] !== '(' && clause[start] !== ')') {
        FIELD_END.lastIndex = start + 1
        const end = FIELD_END.exec(clause)?.index ?? clause.length
        return clause.slice(start, end)
      }
      // Nothing after "in": the pattern takes the last space as the field when there are two.
      if (spaces >= 2) return ''
    }
  }
  return undefined
}

const SENIORITY_IN_TITLE: readonly [Seniority, RegExp][] = [
  ['intern', /\b(intern|internship|trainee|apprentice)\b/i],
  ['executive', /\b(chief|vp|vice president|head of|director|cto|cfo|ceo|coo)\b/i],
  ['principal', /\b(principal|staff|distinguished)\b/i],
  ['lead', /\b(lead|manager|supervisor)\b/i],
  ['senior', /\b(senior|sr\.?|iii)\b/i],
  ['junior', /\b(junior|jr\.?|entry[- ]level|graduate|associate|assistant)\b/i],
  ['mid', /\b(mid[- ]level|intermediate|ii)\b/i],
]
export const SENIORITY_WORDS: Record<Seniority, string> = {
  intern: 'Intern',
  junior: 'Junior',
  mid: 'Mid-level',
  senior: 'Senior',
  lead: 'Lead',
  principal: 'Principal',
  executive: 'Executive',
}

export function seniorityOf(title: string | undefined, years: YearsAsk | undefined): JobAnalysis['seniority'] {
  for (const [level, re] of SENIORITY_IN_TITLE) if (title && re.test(title)) return { level, inferred: false }
  if (!years) return undefined
  const level: Seniority = years.min <= 1 ? 'junior' : years.min <= 4 ? 'mid' : years.min <= 7 ? 'senior' : 'lead'
  return { level, inferred: true }
}

export function firstMatch(text: string, re: RegExp): string | undefined {
  return re.exec(text)?.[0]
}

export function jobType(text: string): string | undefined {
  const m = /\b(full[- ]time|part[- ]time|contract(?:or)?|internship|temporary|freelance|fixed[- ]term)\b/i.exec(text)
  if (!m?.[1]) return undefined
  const word = m[1].toLowerCase().replace(' ', '-')
  return word === 'contractor' || word === 'freelance' || word === 'fixed-term' ? 'contract' : word
}

export function remoteMode(text: string): RemoteMode | undefined {
  if (/\bhybrid\b/i.test(text)) return 'Hybrid'
  if (/\b(fully remote|remote[- ]first|100% remote|remote[- ]friendly|work from home|remote\b)/i.test(text))
    return 'Full'
  if (/\b(on[- ]?site|in[- ]office|in person|office[- ]based)\b/i.test(text)) return 'None'
  return undefined
}

export const SALARY =
  /[$£€]\s?\d[\d,]*(?:\.\d+)?\s?[kK]?(?:\s*(?:-|–|to)\s*[$£€]?\s?\d[\d,]*(?:\.\d+)?\s?[kK]?)?(?:\s*(?:per|\/|an?)\s*(?:year|yr|hour|hr|annum|month))?/

/** The `Location: …` line of a posting whose quotes are normalized. */
export function locationOf(description: string): string | undefined {
  // Leading white space within the line only: `^\s*` would also cross line breaks, from every line start of a run of
  // blank lines (the match and its value are the same either way).
  const m = /^[^\S\n\r\u2028\u2029]*(?:location|based in|office)\s*:\s*(.+)$/im.exec(description)
  return m?.[1] ? squash(m[1]).slice(0, 120) : undefined
}

/** The role in a posting title, without what follows a separator: "Staff Pharmacist – Community Pharmacy" → "Staff Pharmacist". */
export function roleOfTitle(title: string): string {
  const role = title.split(/\s[-–—|/]\s|[(,:]|\sat\s(?=[A-Z])/)[0]?.trim()
  return role || title
}
