/**
 * The requirements an ATS report checks, each with its evidence in the resume: skills, job title, years of
 * experience and education.
 */
import type { EducationLevel, JobAnalysis, SkillAsk } from '../analysis/analysis.types.js'
import { educationRank, roleOfTitle } from '../analysis/posting-facts.js'
import { findSkills, type Skill } from '../analysis/taxonomy.js'
import { tokenize } from '../analysis/text.js'
import { STOP_WORDS } from '../analysis/words.js'
import type { Evidence, Requirement, RequirementStatus } from './ats.types.js'
import { coveredMonths, monthIndex } from './dates.js'
import { familyOf } from './related-skills.js'
import { asArray, asObject, asString, type ResumeField, resumeFields } from './resume-fields.js'
import { shownEvidence } from './shown-skills.js'

/** Most evidence quotes one requirement carries. */
export const MAX_EVIDENCE = 3

/** What the resume says, indexed once per report. */
export interface ResumeIndex {
  readonly fields: readonly ResumeField[]
  /** Skill id → where the resume names it, in document order. */
  readonly skills: Map<string, Evidence[]>
  readonly skillObjects: Map<string, Skill>
  /** Folded word → first field that contains it. */
  readonly words: Map<string, Evidence>
  /** Family → its members the resume names, first named first (two at most: enough to find one besides any skill). */
  readonly families: Map<number, string[]>
  /** Work entry index → the months it covers, [start, end), ongoing roles counted to the report's month. */
  readonly workMonths: Map<number, [number, number]>
}

export function indexResume(resume: Record<string, unknown>, asOfMonth: number): ResumeIndex {
  const fields = resumeFields(resume)
  const skills = new Map<string, Evidence[]>()
  const skillObjects = new Map<string, Skill>()
  const words = new Map<string, Evidence>()
  for (const field of fields) {
    for (const mention of findSkills(field.text)) {
      const list = skills.get(mention.skill.id) ?? []
      // Fields come one after another, so a field already listed is the last one.
      if (list.at(-1)?.pointer !== field.pointer) list.push({ pointer: field.pointer, quote: mention.surface })
      skills.set(mention.skill.id, list)
      skillObjects.set(mention.skill.id, mention.skill)
    }
    for (const token of tokenize(field.text)) {
      if (!words.has(token.fold)) words.set(token.fold, { pointer: field.pointer, quote: token.surface })
    }
  }
  const families = new Map<number, string[]>()
  for (const id of skills.keys()) {
    const family = familyOf(id)
    if (family === undefined) continue
    const members = families.get(family) ?? []
    if (members.length < 2) members.push(id)
    families.set(family, members)
  }
  return { fields, skills, skillObjects, words, families, workMonths: workMonthsOf(resume, asOfMonth) }
}

function workMonthsOf(resume: Record<string, unknown>, asOfMonth: number): Map<number, [number, number]> {
  const months = new Map<number, [number, number]>()
  asArray(resume.work).forEach((w, i) => {
    const entry = asObject(w)
    const startMonth = monthIndex(asString(entry.startDate) ?? '')
    if (startMonth === undefined) return
    const end = asString(entry.endDate)
    const endMonth = end ? monthIndex(end) : asOfMonth
    if (endMonth === undefined || endMonth < startMonth) return
    months.set(i, [startMonth, Math.min(endMonth, asOfMonth) + (end ? 1 : 0)])
  })
  return months
}

/** Years of the work entries whose text names the skill (overlaps counted once), to one decimal. */
function yearsWith(evidence: readonly Evidence[], index: ResumeIndex): number {
  const entries = new Set(evidence.flatMap((e) => /^\/work\/(\d+)\//.exec(e.pointer)?.[1] ?? []).map(Number))
  const intervals = [...entries].flatMap((i) => {
    const months = index.workMonths.get(i)
    return months ? [months] : []
  })
  return Math.round((coveredMonths(intervals) / 12) * 10) / 10
}

/** Evidence from work and projects first: a skill shown in use outranks one only listed. */
export function rankEvidence(evidence: readonly Evidence[]): Evidence[] {
  const rank = (e: Evidence) =>
    /^\/(work|projects|volunteer)\//.test(e.pointer) ? 0 : /^\/skills\//.test(e.pointer) ? 2 : 1
  return [...evidence]
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .slice(0, MAX_EVIDENCE)
    .map(({ e }) => e)
}

export function skillRequirement(ask: SkillAsk, index: ResumeIndex): Requirement {
  const base = {
    id: `skill:${ask.id}`,
    kind: 'skill' as const,
    label: ask.name,
    importance: ask.importance,
    source: ask.sentence,
  }
  const direct = index.skills.get(ask.id)
  if (direct?.length) {
    if (ask.minYears !== undefined && ask.minYears > 0) {
      // "5+ years of React": the years of the roles that name it must reach the ask.
      // Only roles can say how long: a skill named only in the skills list or summary is not judged on years.
      const years = yearsWith(direct, index)
      if (years > 0 && years < ask.minYears) {
        return {
          ...base,
          status: 'partial',
          evidence: rankEvidence(direct),
          detail: `About ${years} years with ${ask.name} in the roles that name it; the posting asks for ${ask.minYears}.`,
        }
      }
    }
    return { ...base, status: 'met', evidence: rankEvidence(direct), detail: `The resume names ${ask.name}.` }
  }
  // A related skill of the same narrow family (MySQL for PostgreSQL, Docker for Kubernetes) earns half credit: the
  // first the resume names.
  const family = familyOf(ask.id)
  const relatedId = family === undefined ? undefined : index.families.get(family)?.find((id) => id !== ask.id)
  const evidence = relatedId === undefined ? undefined : index.skills.get(relatedId)
  const related = relatedId === undefined ? undefined : index.skillObjects.get(relatedId)
  if (related && evidence) {
    return {
      ...base,
      status: 'partial',
      evidence: rankEvidence(evidence),
      detail: `No ${ask.name}, but the related ${related.name}.`,
    }
  }
  // Shown rather than named: two different pieces of evidence meet it, one meets it in part.
  const shown = shownEvidence(ask.id, index.fields)
  if (shown.length > 0) {
    return {
      ...base,
      status: shown.length >= 2 ? 'met' : 'partial',
      evidence: rankEvidence(shown),
      detail: `The resume does not name ${ask.name} but shows it in what was done.`,
    }
  }
  return { ...base, status: 'missing', evidence: [], detail: `The resume does not mention ${ask.name}.` }
}

const TITLE_NOISE = new Set([
  'senior',
  'sr',
  'junior',
  'jr',
  'lead',
  'principal',
  'staff',
  'head',
  'mid',
  'level',
  'i',
  'ii',
  'iii',
  'iv',
])

export function titleRequirement(title: string, resume: Record<string, unknown>): Requirement {
  const wanted = [
    ...new Set(
      tokenize(roleOfTitle(title))
        .map((t) => t.fold)
        .filter((w) => !TITLE_NOISE.has(w) && !STOP_WORDS.has(w) && /[a-z0-9]/.test(w)),
    ),
  ]
  const candidates: { pointer: string; text: string }[] = []
  const label = asString(asObject(resume.basics).label)
  if (label) candidates.push({ pointer: '/basics/label', text: label })
  asArray(resume.work).forEach((w, i) => {
    const position = asString(asObject(w).position)
    if (position) candidates.push({ pointer: `/work/${i}/position`, text: position })
  })
  let best: { pointer: string; text: string; coverage: number } | undefined
  for (const c of candidates) {
    const have = new Set(tokenize(c.text).map((t) => t.fold))
    const coverage = wanted.length === 0 ? 0 : wanted.filter((w) => have.has(w)).length / wanted.length
    if (!best || coverage > best.coverage) best = { ...c, coverage }
  }
  const coverage = best?.coverage ?? 0
  const status: RequirementStatus = coverage >= 0.999 ? 'met' : coverage >= 0.5 ? 'partial' : 'missing'
  return {
    id: 'title',
    kind: 'title',
    label: title,
    importance: 'required',
    status,
    evidence: best && coverage > 0 ? [{ pointer: best.pointer, quote: best.text }] : [],
    detail:
      status === 'met'
        ? `A title on the resume matches "${title}".`
        : status === 'partial'
          ? `"${best?.text}" shares part of the posting's title.`
          : `No title on the resume resembles "${title}".`,
    source: title,
  }
}

/** Years of experience from work dates, overlaps counted once, ongoing roles counted to `asOfMonth`. */
export function experienceYears(
  resume: Record<string, unknown>,
  asOfMonth: number,
): { years: number; evidence: Evidence[] } {
  const months = workMonthsOf(resume, asOfMonth)
  const work = asArray(resume.work)
  const evidence = [...months.keys()].map((i) => ({
    pointer: `/work/${i}/startDate`,
    quote: asString(asObject(work[i]).startDate) ?? '',
  }))
  return { years: Math.round((coveredMonths([...months.values()]) / 12) * 10) / 10, evidence }
}

const RESUME_EDUCATION: readonly [EducationLevel, RegExp][] = [
  [
    'doctorate',
    /\b(ph\.?\s?d|doctor|doctorate|dphil|ed\.?\s?d|pharm\.?\s?d|m\.d|j\.?d|d\.?n\.?p|d\.?p\.?t|psy\.?\s?d|d\.?v\.?m)\b/i,
  ],
  [
    'master',
    /\b(master|m\.?sc|m\.?s\.?|m\.?a\.?|mba|m\.?eng|msn|mph|m\.?ed|m\.?mus|mfa|ll\.?m|m\.?tech|msw|m\.?arch|mpa|mpp|m\.?phil)\b/i,
  ],
  [
    'bachelor',
    /\b(bachelor|b\.?sc|b\.?s\.?|b\.?a\.?|b\.?eng|bsn|b\.?m\.?|b\.?mus|bfa|bba|b\.?com|ll\.?b|b\.?ed|b\.?tech|b\.?arch|bsw|undergraduate|licence|diplom)\b/i,
  ],
  ['associate', /\b(associate|a\.?a\.?s?|a\.?s\.?|a\.?d\.?n|hnd|foundation degree)\b/i],
  ['high-school', /\b(high school|ged|diploma|a-levels?|secondary)\b/i],
]

// A degree still under way counts one level below a finished one.
const UNFINISHED =
  /\b(pursuing|expected|anticipated|in progress|candidate|currently enrolled|enrolled|ongoing|incomplete|not completed|to be completed)\b/i

function unfinished(entry: Record<string, unknown>, asOfMonth: number): boolean {
  const texts = ['studyType', 'area', 'institution', 'score'].map((key) => asString(entry[key]) ?? '')
  if (texts.some((text) => UNFINISHED.test(text))) return true
  const end = monthIndex(asString(entry.endDate) ?? '')
  return end !== undefined && end > asOfMonth
}

const LEVELS: readonly EducationLevel[] = ['high-school', 'associate', 'bachelor', 'master', 'doctorate']

export function educationRequirement(
  analysis: JobAnalysis,
  resume: Record<string, unknown>,
  yearsMet: boolean,
  asOfMonth: number,
): Requirement | undefined {
  const asked = analysis.education
  if (!asked) return undefined
  let best: { level: EducationLevel; pointer: string; quote: string; area: string | undefined } | undefined
  asArray(resume.education).forEach((e, i) => {
    const entry = asObject(e)
    const studyType = asString(entry.studyType)
    if (!studyType) return
    const named = RESUME_EDUCATION.find(([, re]) => re.test(studyType))?.[0]
    if (!named) return
    const level = unfinished(entry, asOfMonth) ? LEVELS[Math.max(0, LEVELS.indexOf(named) - 1)] : named
    if (!level) return
    if (!best || educationRank(level) > educationRank(best.level)) {
      best = { level, pointer: `/education/${i}/studyType`, quote: studyType, area: asString(entry.area) }
    }
  })
  const label = `${asked.level} degree${asked.field ? ` in ${asked.field}` : ''}`
  const base = {
    id: 'education:degree',
    kind: 'education' as const,
    label,
    importance: asked.importance,
    source: asked.sentence,
  }
  const found = best as { level: EducationLevel; pointer: string; quote: string; area: string | undefined } | undefined
  if (found && educationRank(found.level) >= educationRank(asked.level)) {
    const areaWords = new Set(tokenize(found.area ?? '').map((a) => a.fold))
    const fieldOk =
      !asked.field || !found.area || tokenize(asked.field).some((t) => !STOP_WORDS.has(t.fold) && areaWords.has(t.fold))
    const evidence = [{ pointer: found.pointer, quote: found.quote }]
    return fieldOk
      ? { ...base, status: 'met', evidence, detail: `The resume shows a ${found.level} degree.` }
      : {
          ...base,
          status: 'partial',
          evidence,
          detail: `The degree's field (${found.area}) differs from ${asked.field}.`,
        }
  }
  if (found && educationRank(found.level) === educationRank(asked.level) - 1) {
    return {
      ...base,
      status: 'partial',
      evidence: [{ pointer: found.pointer, quote: found.quote }],
      detail: `One level below the ${asked.level} degree asked.`,
    }
  }
  if (asked.equivalentExperience && yearsMet) {
    return {
      ...base,
      status: 'partial',
      evidence: [],
      detail: 'No degree shown, but the posting accepts equivalent experience.',
    }
  }
  return {
    ...base,
    status: 'missing',
    evidence: found ? [{ pointer: found.pointer, quote: found.quote }] : [],
    detail: `No ${asked.level} degree on the resume.`,
  }
}
