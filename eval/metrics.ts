/**
 * Scores RoleReady's deterministic engine against the hand labels of the evaluation set: skill extraction
 * (precision, recall, required-vs-preferred classification) and requirement status (met / partial / missing).
 */
import type { Importance, JobAnalysis } from '../src/domain/intelligence/analysis/analysis.types.js'
import { analyzeJob } from '../src/domain/intelligence/analysis/job-analysis.js'
import { lookupSkill } from '../src/domain/intelligence/analysis/taxonomy.js'
import { tokenize } from '../src/domain/intelligence/analysis/text.js'
import type { RequirementStatus } from '../src/domain/intelligence/ats/ats.types.js'
import { atsReport } from '../src/domain/intelligence/ats/ats-report.js'
import { tailorResume } from '../src/domain/intelligence/tailoring/tailor.js'
import type { EvalPair, EvalPosting, EvalSet } from './eval-set.js'

/** The month experience years are counted up to: fixed, so the figures never drift with the calendar. */
export const EVAL_AS_OF = '2026-11'

/**
 * The concept a label or an extracted skill stands for: its taxonomy id when the taxonomy knows the name or one of its
 * aliases ("JS" and "JavaScript" are both `javascript`), otherwise its folded words (a concept the engine cannot emit).
 */
export function conceptOf(label: string): string {
  return (
    lookupSkill(label)?.id ??
    `text:${tokenize(label)
      .map((t) => t.fold)
      .join(' ')}`
  )
}

interface GoldSkill {
  readonly labels: string[]
  importance: Importance
}

/** Labels grouped by concept; a concept labelled both required and preferred counts as required, as in the engine. */
export function goldSkills(posting: EvalPosting): Map<string, GoldSkill> {
  const gold = new Map<string, GoldSkill>()
  for (const importance of ['required', 'preferred'] as const) {
    for (const label of posting.labels[importance]) {
      const concept = conceptOf(label)
      const found = gold.get(concept)
      if (found) found.labels.push(label)
      else gold.set(concept, { labels: [label], importance })
    }
  }
  return gold
}

export interface PostingScore {
  readonly id: string
  readonly field: string
  readonly gold: number
  readonly predicted: number
  readonly truePositives: number
  readonly precision: number
  readonly recall: number
  /** Of the skills both found and labelled, how many got the labelled importance. */
  readonly importanceCorrect: number
  /** Labels the engine did not find. */
  readonly missed: readonly string[]
  /** Skills the engine found that no label asks for, as the engine names them. */
  readonly extra: readonly string[]
  /** Found skills whose importance differs: "name (labelled → engine)". */
  readonly misclassified: readonly string[]
}

export interface ExtractionScore {
  readonly postings: readonly PostingScore[]
  /** Micro-averaged over all postings. */
  readonly precision: number
  readonly recall: number
  readonly f1: number
  readonly macroPrecision: number
  readonly macroRecall: number
  /** Required-vs-preferred accuracy over the skills found and labelled. */
  readonly importanceAccuracy: number
  readonly recallByImportance: Readonly<Record<Importance, number>>
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d)
const mean = (values: readonly number[]) =>
  ratio(
    values.reduce((s, v) => s + v, 0),
    values.length,
  )

export function analyzePosting(posting: EvalPosting): JobAnalysis {
  return analyzeJob({ title: posting.title, company: posting.company, description: posting.description })
}

export function scorePosting(posting: EvalPosting, analysis = analyzePosting(posting)): PostingScore {
  const gold = goldSkills(posting)
  const predicted = new Map<string, { name: string; importance: Importance }>()
  for (const ask of [...analysis.requiredSkills, ...analysis.preferredSkills]) {
    predicted.set(ask.id, { name: ask.name, importance: ask.importance })
  }
  let truePositives = 0
  let importanceCorrect = 0
  const missed: string[] = []
  const misclassified: string[] = []
  for (const [concept, skill] of gold) {
    const found = predicted.get(concept)
    if (!found) {
      missed.push(skill.labels.join(' / '))
      continue
    }
    truePositives += 1
    if (found.importance === skill.importance) importanceCorrect += 1
    else misclassified.push(`${skill.labels[0]} (${skill.importance} → ${found.importance})`)
  }
  const extra = [...predicted].filter(([concept]) => !gold.has(concept)).map(([, p]) => p.name)
  return {
    id: posting.id,
    field: posting.field,
    gold: gold.size,
    predicted: predicted.size,
    truePositives,
    precision: ratio(truePositives, predicted.size),
    recall: ratio(truePositives, gold.size),
    importanceCorrect,
    missed,
    extra,
    misclassified,
  }
}

export function scoreExtraction(postings: readonly EvalPosting[]): ExtractionScore {
  const scores = postings.map((p) => scorePosting(p))
  const sum = (pick: (s: PostingScore) => number) => scores.reduce((s, x) => s + pick(x), 0)
  const precision = ratio(
    sum((s) => s.truePositives),
    sum((s) => s.predicted),
  )
  const recall = ratio(
    sum((s) => s.truePositives),
    sum((s) => s.gold),
  )
  const byImportance = { required: { found: 0, all: 0 }, preferred: { found: 0, all: 0 } }
  for (const posting of postings) {
    const analysis = analyzePosting(posting)
    const found = new Set([...analysis.requiredSkills, ...analysis.preferredSkills].map((a) => a.id))
    for (const [concept, skill] of goldSkills(posting)) {
      byImportance[skill.importance].all += 1
      if (found.has(concept)) byImportance[skill.importance].found += 1
    }
  }
  return {
    postings: scores,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    macroPrecision: mean(scores.map((s) => s.precision)),
    macroRecall: mean(scores.map((s) => s.recall)),
    importanceAccuracy: ratio(
      sum((s) => s.importanceCorrect),
      sum((s) => s.truePositives),
    ),
    recallByImportance: {
      required: ratio(byImportance.required.found, byImportance.required.all),
      preferred: ratio(byImportance.preferred.found, byImportance.preferred.all),
    },
  }
}

/** The engine's verdict for a labelled requirement, or `not assessed` when the report has no such requirement. */
export type EngineVerdict = RequirementStatus | 'not assessed'
export const VERDICTS: readonly EngineVerdict[] = ['met', 'partial', 'missing', 'not assessed']

export interface StatusOutcome {
  readonly pairId: string
  readonly requirement: string
  readonly kind: 'skill' | 'experience' | 'education' | 'title'
  readonly labelled: RequirementStatus
  readonly engine: EngineVerdict
}

export interface StatusScore {
  readonly outcomes: readonly StatusOutcome[]
  /** confusion[labelled][engine] = count. */
  readonly confusion: Readonly<Record<RequirementStatus, Readonly<Record<EngineVerdict, number>>>>
  /** Correct over the labelled requirements the report assessed. */
  readonly accuracy: number
  /** Correct over every labelled requirement (not assessed counts as wrong). */
  readonly strictAccuracy: number
  /** Share of labelled requirements the report assessed. */
  readonly coverage: number
  readonly perPair: readonly { id: string; assessed: number; labelled: number; correct: number; overall: number }[]
}

export function pairOutcomes(pair: EvalPair, posting: EvalPosting): { outcomes: StatusOutcome[]; overall: number } {
  const report = atsReport(pair.resume, analyzePosting(posting), { asOf: EVAL_AS_OF })
  const engine = new Map(report.requirements.map((r) => [r.id, r.status]))
  const outcomes: StatusOutcome[] = []
  const seen = new Set<string>()
  // Labels of one concept ("Epic" and "Electronic health records") meet one requirement: the first label decides.
  for (const label of [...posting.labels.required, ...posting.labels.preferred]) {
    const concept = conceptOf(label)
    if (seen.has(concept)) continue
    seen.add(concept)
    const labelled = pair.labels.skills[label] as RequirementStatus
    outcomes.push({
      pairId: pair.id,
      requirement: label,
      kind: 'skill',
      labelled,
      engine: engine.get(`skill:${concept}`) ?? 'not assessed',
    })
  }
  const others = [
    ['experience', 'experience:years'],
    ['education', 'education:degree'],
    ['title', 'title'],
  ] as const
  for (const [kind, id] of others) {
    const labelled = pair.labels[kind]
    if (labelled)
      outcomes.push({ pairId: pair.id, requirement: kind, kind, labelled, engine: engine.get(id) ?? 'not assessed' })
  }
  return { outcomes, overall: report.overall }
}

export function scoreStatuses(set: EvalSet): StatusScore {
  const postings = new Map(set.postings.map((p) => [p.id, p]))
  const outcomes: StatusOutcome[] = []
  const perPair: StatusScore['perPair'][number][] = []
  for (const pair of set.pairs) {
    const posting = postings.get(pair.postingId)
    if (!posting) continue
    const result = pairOutcomes(pair, posting)
    outcomes.push(...result.outcomes)
    const assessed = result.outcomes.filter((o) => o.engine !== 'not assessed')
    perPair.push({
      id: pair.id,
      assessed: assessed.length,
      labelled: result.outcomes.length,
      correct: assessed.filter((o) => o.engine === o.labelled).length,
      overall: result.overall,
    })
  }
  const row = () => ({ met: 0, partial: 0, missing: 0, 'not assessed': 0 })
  const confusion = { met: row(), partial: row(), missing: row() }
  for (const o of outcomes) confusion[o.labelled][o.engine] += 1
  const assessed = outcomes.filter((o) => o.engine !== 'not assessed')
  const correct = assessed.filter((o) => o.engine === o.labelled).length
  return {
    outcomes,
    confusion,
    accuracy: ratio(correct, assessed.length),
    strictAccuracy: ratio(correct, outcomes.length),
    coverage: ratio(assessed.length, outcomes.length),
    perPair,
  }
}

export interface RankingOutcome {
  readonly id: string
  /** Every candidate's overall score, highest first. */
  readonly scores: readonly { id: string; intended: boolean; overall: number }[]
  /** The intended candidate scored strictly above every other one. */
  readonly intendedFirst: boolean
  /** The intended candidate's score minus the best other candidate's (negative when another ranks above). */
  readonly margin: number
}

export interface RankingScore {
  readonly groups: readonly RankingOutcome[]
  /** Share of groups whose intended candidate ranks first. */
  readonly intendedFirst: number
  readonly meanMargin: number
}

/** Scores each group's five resumes against its posting and checks that the intended candidate ranks first. */
export function scoreRankings(set: EvalSet): RankingScore {
  const postings = new Map(set.postings.map((p) => [p.id, p]))
  const groups: RankingOutcome[] = []
  for (const ranking of set.rankings) {
    const posting = postings.get(ranking.postingId)
    if (!posting) continue
    const analysis = analyzePosting(posting)
    const scores = ranking.candidates
      .map((c) => ({
        id: c.id,
        intended: c.intended,
        overall: atsReport(c.resume, analysis, { asOf: EVAL_AS_OF }).overall,
      }))
      .sort((a, b) => b.overall - a.overall)
    const intended = scores.find((s) => s.intended)?.overall ?? 0
    const bestOther = Math.max(...scores.filter((s) => !s.intended).map((s) => s.overall))
    groups.push({ id: ranking.id, scores, intendedFirst: intended > bestOther, margin: intended - bestOther })
  }
  return {
    groups,
    intendedFirst: ratio(groups.filter((g) => g.intendedFirst).length, groups.length),
    meanMargin: mean(groups.map((g) => g.margin)),
  }
}

export interface InjectionOutcome {
  readonly postingId: string
  /** Analysis fields holding text of an injected sentence, as `path: text`. */
  readonly leaks: readonly string[]
}

const INJECTION_OVERLAP_WORDS = 4

/**
 * For each posting with injected sentences, the places its analysis repeats them: any text field (qualification,
 * responsibility, a skill's or keyword's sentence) sharing a run of words with an injected sentence, and any skill or
 * keyword that only an injected sentence asks for.
 */
export function scoreInjection(postings: readonly EvalPosting[]): readonly InjectionOutcome[] {
  const words = (text: string) => tokenize(text).map((t) => t.fold)
  const runs = (text: string) => {
    const w = words(text)
    const out = new Set<string>()
    for (let i = 0; i + INJECTION_OVERLAP_WORDS <= w.length; i++)
      out.add(w.slice(i, i + INJECTION_OVERLAP_WORDS).join(' '))
    return out
  }
  return postings
    .filter((p) => (p.injected?.length ?? 0) > 0)
    .map((posting) => {
      const injected = new Set((posting.injected ?? []).flatMap((s) => [...runs(s)]))
      const leaks: string[] = []
      const visit = (value: unknown, at: string) => {
        if (typeof value === 'string') {
          if ([...runs(value)].some((r) => injected.has(r))) leaks.push(`${at}: ${value}`)
        } else if (Array.isArray(value)) {
          for (const [i, v] of value.entries()) visit(v, `${at}/${i}`)
        } else if (value && typeof value === 'object') {
          for (const [k, v] of Object.entries(value)) visit(v, `${at}/${k}`)
        }
      }
      // Where the analysis reports the planted text as suspicious is where it belongs.
      const { suspiciousText: _reported, ...analysis } = analyzePosting(posting)
      visit(analysis, '')
      return { postingId: posting.id, leaks }
    })
}

export interface RewriteScore {
  readonly resumes: number
  /** Mean change of the overall score when the built-in tailoring is applied. */
  readonly meanDelta: number
  readonly improved: number
  readonly worse: number
}

/** The built-in tailoring applied to every resume of the set (pairs and ranking candidates) against its posting. */
export function scoreRewrites(set: EvalSet): RewriteScore {
  const postings = new Map(set.postings.map((p) => [p.id, p]))
  const cases = [
    ...set.pairs.map((pair) => ({ postingId: pair.postingId, resume: pair.resume })),
    ...set.rankings.flatMap((r) => r.candidates.map((c) => ({ postingId: r.postingId, resume: c.resume }))),
  ]
  const deltas: number[] = []
  for (const { postingId, resume } of cases) {
    const posting = postings.get(postingId)
    if (!posting) continue
    const analysis = analyzePosting(posting)
    const before = atsReport(resume, analysis, { asOf: EVAL_AS_OF }).overall
    const after = atsReport(tailorResume(resume, analysis).content, analysis, { asOf: EVAL_AS_OF }).overall
    deltas.push(after - before)
  }
  return {
    resumes: deltas.length,
    meanDelta: mean(deltas),
    improved: deltas.filter((d) => d > 0).length,
    worse: deltas.filter((d) => d < 0).length,
  }
}
