import type { EducationLevel, JobAnalysis, Keyword, SkillAsk } from '../analysis/analysis.types.js'
import { educationRank } from '../analysis/posting-facts.js'
import { findSkills, type Skill } from '../analysis/taxonomy.js'
import { tokenize } from '../analysis/text.js'
import { STOP_WORDS } from '../analysis/words.js'
import {
  ATS_ALGORITHM_VERSION,
  type AtsReport,
  type Band,
  COMPONENT_WEIGHTS,
  type ComponentName,
  type ComponentScore,
  type Evidence,
  type Requirement,
  type RequirementStatus,
} from './ats.types.js'
import { coveredMonths, monthIndex } from './dates.js'
import { checkParseability } from './parseability.js'
import { familyOf } from './related-skills.js'
import { asArray, asObject, asString, type ResumeField, resumeFields } from './resume-fields.js'

const MAX_EVIDENCE = 3
const CREDIT: Record<RequirementStatus, number> = { met: 1, partial: 0.5, missing: 0 }

export interface AtsOptions {
  /** The month (YYYY-MM) ongoing roles are counted up to; part of the input, so reports stay reproducible. */
  readonly asOf: string
}

/** What the resume says, indexed once per report. */
interface ResumeIndex {
  readonly fields: readonly ResumeField[]
  /** Skill id → where the resume names it, in document order. */
  readonly skills: Map<string, Evidence[]>
  readonly skillObjects: Map<string, Skill>
  /** Folded word → first field that contains it. */
  readonly words: Map<string, Evidence>
  /** Family → its members the resume names, first named first (two at most: enough to find one besides any skill). */
  readonly families: Map<number, string[]>
}

function indexResume(resume: Record<string, unknown>): ResumeIndex {
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
  return { fields, skills, skillObjects, words, families }
}

/** Evidence from work and projects first: a skill shown in use outranks one only listed. */
function rankEvidence(evidence: readonly Evidence[]): Evidence[] {
  const rank = (e: Evidence) =>
    /^\/(work|projects|volunteer)\//.test(e.pointer) ? 0 : /^\/skills\//.test(e.pointer) ? 2 : 1
  return [...evidence]
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .slice(0, MAX_EVIDENCE)
    .map(({ e }) => e)
}

function skillRequirement(ask: SkillAsk, index: ResumeIndex): Requirement {
  const base = {
    id: `skill:${ask.id}`,
    kind: 'skill' as const,
    label: ask.name,
    importance: ask.importance,
    source: ask.sentence,
  }
  const direct = index.skills.get(ask.id)
  if (direct?.length) {
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

function titleRequirement(title: string, resume: Record<string, unknown>): Requirement {
  const wanted = [
    ...new Set(
      tokenize(title)
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
function experienceYears(resume: Record<string, unknown>, asOfMonth: number): { years: number; evidence: Evidence[] } {
  const intervals: [number, number][] = []
  const evidence: Evidence[] = []
  asArray(resume.work).forEach((w, i) => {
    const entry = asObject(w)
    const start = asString(entry.startDate)
    const startMonth = start ? monthIndex(start) : undefined
    if (start === undefined || startMonth === undefined) return
    const end = asString(entry.endDate)
    const endMonth = end ? monthIndex(end) : asOfMonth
    if (endMonth === undefined || endMonth < startMonth) return
    intervals.push([startMonth, Math.min(endMonth, asOfMonth) + (end ? 1 : 0)])
    evidence.push({ pointer: `/work/${i}/startDate`, quote: start })
  })
  return { years: Math.round((coveredMonths(intervals) / 12) * 10) / 10, evidence }
}

const RESUME_EDUCATION: readonly [EducationLevel, RegExp][] = [
  ['doctorate', /\b(ph\.?d|doctor|doctorate|dphil|ed\.?d)\b/i],
  ['master', /\b(master|m\.?sc|m\.?s\.?|m\.?a\.?|mba|m\.?eng|msn|mph)\b/i],
  ['bachelor', /\b(bachelor|b\.?sc|b\.?s\.?|b\.?a\.?|b\.?eng|bsn|undergraduate|licence|diplom)\b/i],
  ['associate', /\b(associate|a\.?a\.?s?|a\.?d\.?n|hnd|foundation degree)\b/i],
  ['high-school', /\b(high school|ged|diploma|a-levels?|secondary)\b/i],
]

function educationRequirement(
  analysis: JobAnalysis,
  resume: Record<string, unknown>,
  yearsMet: boolean,
): Requirement | undefined {
  const asked = analysis.education
  if (!asked) return undefined
  let best: { level: EducationLevel; pointer: string; quote: string; area: string | undefined } | undefined
  asArray(resume.education).forEach((e, i) => {
    const entry = asObject(e)
    const studyType = asString(entry.studyType)
    if (!studyType) return
    const level = RESUME_EDUCATION.find(([, re]) => re.test(studyType))?.[0]
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

function weightedScore(items: readonly { weight: number; credit: number }[]): number | undefined {
  const total = items.reduce((s, i) => s + i.weight, 0)
  if (total === 0) return undefined
  return Math.round((100 * items.reduce((s, i) => s + i.weight * i.credit, 0)) / total)
}

function overallOf(components: readonly ComponentScore[]): number {
  const applicable = components.filter((c) => c.applicable)
  const totalWeight = applicable.reduce((s, c) => s + c.weight, 0)
  return totalWeight === 0 ? 0 : Math.round(applicable.reduce((s, c) => s + c.weight * c.score, 0) / totalWeight)
}

export function bandOf(overall: number): Band {
  return overall >= 80 ? 'strong' : overall >= 60 ? 'good' : overall >= 40 ? 'fair' : 'weak'
}

function monthOf(asOf: string): number {
  const month = monthIndex(asOf.slice(0, 7))
  if (month === undefined) throw new RangeError(`asOf must be YYYY-MM, got ${asOf}`)
  return month
}

/**
 * The explainable ATS match of a JSON Resume document against a job analysis. A pure function: the same resume,
 * analysis and `asOf` give the same report, byte for byte.
 */
export function atsReport(resume: Record<string, unknown>, analysis: JobAnalysis, options: AtsOptions): AtsReport {
  const index = indexResume(resume)
  const asOfMonth = monthOf(options.asOf)
  const weightOf = new Map(analysis.keywords.filter((k) => k.skillId).map((k) => [k.skillId as string, k.weight]))

  const requirements: Requirement[] = []
  const components: ComponentScore[] = []
  const push = (name: ComponentName, score: number | undefined) =>
    components.push({ name, score: score ?? 100, weight: COMPONENT_WEIGHTS[name], applicable: score !== undefined })

  // Skills, required before preferred.
  const asks = [...analysis.requiredSkills, ...analysis.preferredSkills]
  const skillReqs = asks.map((ask) => ({ ask, req: skillRequirement(ask, index) }))
  for (const kind of ['hard', 'soft'] as const) {
    const items = skillReqs
      .filter(({ ask }) => ask.kind === kind)
      .map(({ ask, req }) => ({ weight: weightOf.get(ask.id) ?? 0.1, credit: CREDIT[req.status] }))
    push(kind === 'hard' ? 'hardSkills' : 'softSkills', weightedScore(items))
  }

  // Title.
  if (analysis.title) {
    const req = titleRequirement(analysis.title, resume)
    requirements.push(req)
    push('jobTitle', Math.round(CREDIT[req.status] * 100))
  } else push('jobTitle', undefined)

  // Years of experience.
  const { years, evidence: yearEvidence } = experienceYears(resume, asOfMonth)
  const asked = analysis.yearsOfExperience
  let yearsMet = false
  if (asked && asked.min > 0) {
    yearsMet = years >= asked.min
    const status: RequirementStatus = yearsMet ? 'met' : years >= asked.min * 0.75 ? 'partial' : 'missing'
    requirements.push({
      id: 'experience:years',
      kind: 'experience',
      label: `${asked.min}+ years of experience`,
      importance: asked.importance,
      status,
      evidence: yearEvidence.slice(0, MAX_EVIDENCE),
      detail: `The work history covers ${years} years (to ${options.asOf.slice(0, 7)}); the posting asks ${asked.min}.`,
      source: asked.sentence,
    })
    push('experienceYears', Math.round(Math.min(1, years / asked.min) * 100))
  } else push('experienceYears', undefined)

  // Education.
  const education = educationRequirement(analysis, resume, yearsMet)
  if (education) {
    requirements.push(education)
    push('education', Math.round(CREDIT[education.status] * 100))
  } else push('education', undefined)

  requirements.push(...skillReqs.map(({ req }) => req))

  // Other keywords: plain terms the posting repeats.
  const plain = analysis.keywords.filter((k) => k.kind === 'keyword')
  const keywordHit = (k: Keyword) =>
    k.skillId ? (index.skills.get(k.skillId)?.length ?? 0) > 0 : tokenize(k.term).every((t) => index.words.has(t.fold))
  push('otherKeywords', weightedScore(plain.map((k) => ({ weight: k.weight, credit: keywordHit(k) ? 1 : 0 }))))

  const overall = overallOf(components)

  return {
    algorithmVersion: ATS_ALGORITHM_VERSION,
    asOf: options.asOf.slice(0, 7),
    overall,
    band: bandOf(overall),
    components,
    requirements,
    matchedKeywords: analysis.keywords.filter(keywordHit).map((k) => k.term),
    missingKeywords: analysis.keywords.filter((k) => !keywordHit(k)).map((k) => k.term),
    parseability: checkParseability(resume),
  }
}

/**
 * The overall score `atsReport` would give the resume with `texts` added to it as new fields (what a patch that only
 * adds does, such as a keyword in the skills), from `base`, the resume's own report. Only the skill and keyword
 * credits that the new texts can change are looked at again; the resume is not read again for each patch.
 */
export function createRescorer(
  resume: Record<string, unknown>,
  analysis: JobAnalysis,
  base: AtsReport,
): (texts: readonly string[]) => number {
  const index = indexResume(resume)
  const weightOf = new Map(analysis.keywords.filter((k) => k.skillId).map((k) => [k.skillId as string, k.weight]))
  const asks = [...analysis.requiredSkills, ...analysis.preferredSkills]
  const kinds = (['hard', 'soft'] as const).map((kind) => {
    const list = asks.filter((ask) => ask.kind === kind)
    const weights = Float64Array.from(list, (ask) => weightOf.get(ask.id) ?? 0.1)
    const byId = new Map<string, number[]>()
    const byFamily = new Map<number, number[]>()
    list.forEach((ask, i) => {
      byId.set(ask.id, [...(byId.get(ask.id) ?? []), i])
      const family = familyOf(ask.id)
      if (family !== undefined) byFamily.set(family, [...(byFamily.get(family) ?? []), i])
    })
    return {
      list,
      weights,
      credits: Float64Array.from(list, (ask) => CREDIT[skillRequirement(ask, index).status]),
      byId,
      byFamily,
      // Summed in the order `weightedScore` sums, so the score is the same to the last bit.
      total: weights.reduce((s, w) => s + w, 0),
    }
  })
  const plain = analysis.keywords
    .filter((k) => k.kind === 'keyword')
    .map((k) => ({ weight: k.weight, folds: tokenize(k.term).map((t) => t.fold) }))

  return (texts) => {
    const named = new Set<string>()
    const words = new Set<string>()
    for (const text of texts) {
      if (!text.trim()) continue
      for (const mention of findSkills(text)) named.add(mention.skill.id)
      for (const token of tokenize(text)) words.add(token.fold)
    }
    const components = base.components.map((component): ComponentScore => {
      let score: number | undefined
      if (component.name === 'hardSkills' || component.name === 'softSkills') {
        const kind = kinds[component.name === 'hardSkills' ? 0 : 1]
        if (!kind || kind.total === 0) return component
        // A newly named skill meets its asks and is related evidence for the rest of its family.
        const credits = kind.credits.slice()
        for (const id of named) {
          const family = familyOf(id)
          for (const i of family === undefined ? [] : (kind.byFamily.get(family) ?? [])) {
            credits[i] = Math.max(credits[i] as number, CREDIT.partial)
          }
        }
        for (const id of named) for (const i of kind.byId.get(id) ?? []) credits[i] = CREDIT.met
        let sum = 0
        for (let i = 0; i < credits.length; i += 1) sum += (kind.weights[i] as number) * (credits[i] as number)
        score = Math.round((100 * sum) / kind.total)
      } else if (component.name === 'otherKeywords') {
        const hit = (folds: readonly string[]) => folds.every((f) => index.words.has(f) || words.has(f))
        score = weightedScore(plain.map((k) => ({ weight: k.weight, credit: hit(k.folds) ? 1 : 0 })))
      } else return component
      return { ...component, score: score ?? 100, applicable: score !== undefined }
    })
    return overallOf(components)
  }
}
