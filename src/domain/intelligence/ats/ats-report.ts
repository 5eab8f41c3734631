import type { JobAnalysis, Keyword } from '../analysis/analysis.types.js'
import { findSkills } from '../analysis/taxonomy.js'
import { tokenize } from '../analysis/text.js'
import {
  ATS_ALGORITHM_VERSION,
  type AtsReport,
  type Band,
  COMPONENT_WEIGHTS,
  type ComponentName,
  type ComponentScore,
  type Requirement,
  type RequirementStatus,
} from './ats.types.js'
import {
  educationRequirement,
  experienceYears,
  indexResume,
  MAX_EVIDENCE,
  skillRequirement,
  titleRequirement,
} from './ats-requirements.js'
import { monthIndex } from './dates.js'
import { checkParseability } from './parseability.js'
import { familyOf } from './related-skills.js'

const CREDIT: Record<RequirementStatus, number> = { met: 1, partial: 0.5, missing: 0 }

export interface AtsOptions {
  /** The month (YYYY-MM) ongoing roles are counted up to; part of the input, so reports stay reproducible. */
  readonly asOf: string
}

// A skill only listed (in the skills section) is met, but earns less than one shown in work, projects or volunteering:
// a keyword list is easy to write, and a rewrite that shows the skill in use gains what a recruiter would give it.
const LISTED_ONLY_CREDIT = 0.75

function skillCredit(req: Requirement): number {
  if (req.status === 'met' && req.evidence.length > 0 && req.evidence.every((e) => e.pointer.startsWith('/skills/')))
    return LISTED_ONLY_CREDIT
  return CREDIT[req.status]
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
  const asOfMonth = monthOf(options.asOf)
  const index = indexResume(resume, asOfMonth)
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
      .map(({ ask, req }) => ({ weight: weightOf.get(ask.id) ?? 0.1, credit: skillCredit(req) }))
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
  const education = educationRequirement(analysis, resume, yearsMet, asOfMonth)
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
 * The overall score `atsReport` would give the resume with `texts` added to its skills section as new fields (what a
 * patch that adds a keyword to the skills does), from `base`, the resume's own report. Only the skill and keyword
 * credits that the new texts can change are looked at again; the resume is not read again for each patch.
 */
export function createRescorer(
  resume: Record<string, unknown>,
  analysis: JobAnalysis,
  base: AtsReport,
  options: AtsOptions,
): (texts: readonly string[]) => number {
  const index = indexResume(resume, monthOf(options.asOf))
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
      credits: Float64Array.from(list, (ask) => skillCredit(skillRequirement(ask, index))),
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
        // A skill newly listed in the skills section meets its asks (as a listed skill) and is related evidence for
        // the rest of its family.
        const credits = kind.credits.slice()
        for (const id of named) {
          const family = familyOf(id)
          for (const i of family === undefined ? [] : (kind.byFamily.get(family) ?? [])) {
            credits[i] = Math.max(credits[i] as number, CREDIT.partial)
          }
        }
        for (const id of named)
          for (const i of kind.byId.get(id) ?? []) credits[i] = Math.max(credits[i] as number, LISTED_ONLY_CREDIT)
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
