/**
 * Loads and checks the RoleReady evaluation set (eval/postings/*.json, eval/pairs/*.json; format in eval/README.md).
 * Every problem found is reported at once, so a malformed file is fixed in one pass.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Importance } from '../src/domain/intelligence/analysis/analysis.types.js'
import type { RequirementStatus } from '../src/domain/intelligence/ats/ats.types.js'
import { jsonResumeProblems } from '../src/domain/resumes/json-resume.js'

export const EVAL_DIR = import.meta.dirname
export const STATUSES: readonly RequirementStatus[] = ['met', 'partial', 'missing']
export const MIN_WORDS = 150
export const MAX_WORDS = 600

export interface EvalPosting {
  readonly id: string
  readonly field: string
  readonly title: string
  readonly company: string | undefined
  readonly description: string
  readonly labels: Readonly<Record<Importance, readonly string[]>>
  /**
   * `held-out` for postings written after the taxonomy and the analysis were last tuned against the others, and not
   * looked at while tuning: their figures show how the engine does on text it was not adjusted to. Absent means `dev`.
   */
  readonly split?: 'dev' | 'held-out'
  /**
   * Sentences of the description that address a model or an automated screener as instructions, exactly as they
   * stand there: text to be treated as data, never as a requirement, keyword or qualification.
   */
  readonly injected?: readonly string[]
}

export type Split = 'dev' | 'held-out'

export function splitOf(item: { readonly split?: Split | undefined }): Split {
  return item.split ?? 'dev'
}

export interface PairLabels {
  /** One status per skill label of the posting (required and preferred), keyed by the label as written there. */
  readonly skills: Readonly<Record<string, RequirementStatus>>
  /** Present when the posting asks for a number of years. */
  readonly experience?: RequirementStatus
  /** Present when the posting asks for a degree or diploma. */
  readonly education?: RequirementStatus
  readonly title?: RequirementStatus
}

export interface EvalPair {
  readonly id: string
  readonly postingId: string
  readonly quality: string
  readonly note: string
  readonly resume: Record<string, unknown>
  readonly labels: PairLabels
}

/** One candidate of a ranking group. */
export interface RankingCandidate {
  readonly id: string
  /** The one candidate a recruiter would shortlist first for the group's posting. */
  readonly intended: boolean
  readonly note: string
  readonly resume: Record<string, unknown>
}

/** A posting and five resumes, exactly one of them the intended candidate. */
export interface EvalRanking {
  readonly id: string
  readonly postingId: string
  readonly split?: Split
  readonly note: string
  readonly candidates: readonly RankingCandidate[]
}

export interface EvalSet {
  readonly postings: readonly EvalPosting[]
  readonly pairs: readonly EvalPair[]
  readonly rankings: readonly EvalRanking[]
}

export class EvalSetError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The evaluation set is malformed:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'EvalSetError'
  }
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

function readJsonFiles(dir: string, problems: string[]): { file: string; value: unknown }[] {
  let names: string[]
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.json'))
  } catch {
    problems.push(`${path.relative(EVAL_DIR, dir) || dir}: directory missing`)
    return []
  }
  return names.sort().flatMap((name) => {
    const file = path.join(path.basename(dir), name)
    try {
      return [{ file, value: JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as unknown }]
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message})`)
      return []
    }
  })
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0
const isStatus = (v: unknown): v is RequirementStatus => STATUSES.includes(v as RequirementStatus)

function checkPosting(file: string, value: unknown, problems: string[]): EvalPosting | undefined {
  const before = problems.length
  const bad = (message: string) => problems.push(`${file}: ${message}`)
  if (!isRecord(value)) {
    bad('not an object')
    return undefined
  }
  for (const key of ['id', 'field', 'title', 'description'] as const)
    if (!isText(value[key])) bad(`${key} must be text`)
  if (value.company !== undefined && !isText(value.company)) bad('company must be text when present')
  if (value.split !== undefined && value.split !== 'dev' && value.split !== 'held-out')
    bad('split must be dev or held-out')
  if (isText(value.id) && `${value.id}.json` !== path.basename(file)) bad('id must match the file name')
  if (value.injected !== undefined) {
    if (!Array.isArray(value.injected) || !value.injected.every(isText)) bad('injected must be a list of sentences')
    else if (isText(value.description)) {
      const description = value.description
      for (const sentence of value.injected)
        if (!description.includes(sentence)) bad(`injected "${sentence}" is not in the description`)
    }
  }
  if (isText(value.description)) {
    const words = wordCount(value.description)
    if (words < MIN_WORDS || words > MAX_WORDS) bad(`description has ${words} words (${MIN_WORDS}–${MAX_WORDS})`)
  }
  const labels = value.labels
  if (!isRecord(labels)) bad('labels must be an object with required and preferred lists')
  else {
    const seen = new Set<string>()
    for (const importance of ['required', 'preferred'] as const) {
      const list = labels[importance]
      if (!Array.isArray(list) || !list.every(isText)) {
        bad(`labels.${importance} must be a list of skill names`)
        continue
      }
      for (const label of list) {
        const folded = label.trim().toLowerCase()
        if (seen.has(folded)) bad(`label "${label}" appears twice`)
        seen.add(folded)
      }
    }
    if (Array.isArray(labels.required) && labels.required.length === 0) bad('labels.required is empty')
  }
  return problems.length === before ? (value as unknown as EvalPosting) : undefined
}

function checkPair(
  file: string,
  value: unknown,
  postings: ReadonlyMap<string, EvalPosting>,
  problems: string[],
): EvalPair | undefined {
  const before = problems.length
  const bad = (message: string) => problems.push(`${file}: ${message}`)
  if (!isRecord(value)) {
    bad('not an object')
    return undefined
  }
  for (const key of ['id', 'postingId', 'quality', 'note'] as const) if (!isText(value[key])) bad(`${key} must be text`)
  if (isText(value.id) && `${value.id}.json` !== path.basename(file)) bad('id must match the file name')
  const posting = isText(value.postingId) ? postings.get(value.postingId) : undefined
  if (isText(value.postingId) && !posting) bad(`postingId "${value.postingId}" is not a posting of the set`)
  if (!isRecord(value.resume)) bad('resume must be a JSON Resume document')
  else for (const p of jsonResumeProblems(value.resume, '/resume')) bad(`${p.pointer} ${p.message}`)
  const labels = value.labels
  if (!isRecord(labels) || !isRecord(labels.skills)) bad('labels.skills must be an object')
  else {
    for (const [label, status] of Object.entries(labels.skills)) if (!isStatus(status)) bad(`status of "${label}"`)
    for (const key of ['experience', 'education', 'title'] as const) {
      if (labels[key] !== undefined && !isStatus(labels[key])) bad(`labels.${key} must be met, partial or missing`)
    }
    if (posting) {
      const asked = [...posting.labels.required, ...posting.labels.preferred]
      for (const label of asked) if (!(label in labels.skills)) bad(`no status for the posting's skill "${label}"`)
      for (const label of Object.keys(labels.skills))
        if (!asked.includes(label)) bad(`"${label}" is not a skill label of the posting`)
    }
  }
  return problems.length === before ? (value as unknown as EvalPair) : undefined
}

const CANDIDATES_PER_RANKING = 5

function checkRanking(
  file: string,
  value: unknown,
  postings: ReadonlyMap<string, EvalPosting>,
  problems: string[],
): EvalRanking | undefined {
  const before = problems.length
  const bad = (message: string) => problems.push(`${file}: ${message}`)
  if (!isRecord(value)) {
    bad('not an object')
    return undefined
  }
  for (const key of ['id', 'postingId', 'note'] as const) if (!isText(value[key])) bad(`${key} must be text`)
  if (isText(value.id) && `${value.id}.json` !== path.basename(file)) bad('id must match the file name')
  if (value.split !== undefined && value.split !== 'dev' && value.split !== 'held-out')
    bad('split must be dev or held-out')
  const posting = isText(value.postingId) ? postings.get(value.postingId) : undefined
  if (isText(value.postingId) && !posting) bad(`postingId "${value.postingId}" is not a posting of the set`)
  if (posting && splitOf(posting) !== splitOf(value as { split?: Split }))
    bad(`split differs from its posting's (${splitOf(posting)})`)
  const candidates = value.candidates
  if (!Array.isArray(candidates) || candidates.length !== CANDIDATES_PER_RANKING) {
    bad(`candidates must list ${CANDIDATES_PER_RANKING} resumes`)
  } else {
    const ids = new Set<string>()
    for (const [i, candidate] of (candidates as unknown[]).entries()) {
      if (!isRecord(candidate)) {
        bad(`candidates/${i} must be an object`)
        continue
      }
      if (!isText(candidate.id)) bad(`candidates/${i}/id must be text`)
      else if (ids.has(candidate.id)) bad(`candidate id "${candidate.id}" appears twice`)
      else ids.add(candidate.id)
      if (typeof candidate.intended !== 'boolean') bad(`candidates/${i}/intended must be true or false`)
      if (!isRecord(candidate.resume)) bad(`candidates/${i}/resume must be a JSON Resume document`)
      else
        for (const p of jsonResumeProblems(candidate.resume, `/candidates/${i}/resume`))
          bad(`${p.pointer} ${p.message}`)
    }
    const intended = candidates.filter((c: unknown) => isRecord(c) && c.intended === true).length
    if (intended !== 1) bad(`exactly one candidate must be intended (found ${intended})`)
  }
  return problems.length === before ? (value as unknown as EvalRanking) : undefined
}

/** The evaluation set under `dir`; throws EvalSetError listing every problem when a file is malformed. */
export function loadEvalSet(dir = EVAL_DIR): EvalSet {
  const problems: string[] = []
  const postings = readJsonFiles(path.join(dir, 'postings'), problems).flatMap(({ file, value }) => {
    const posting = checkPosting(file, value, problems)
    return posting ? [posting] : []
  })
  const byId = new Map(postings.map((p) => [p.id, p]))
  const pairs = readJsonFiles(path.join(dir, 'pairs'), problems).flatMap(({ file, value }) => {
    const pair = checkPair(file, value, byId, problems)
    return pair ? [pair] : []
  })
  const rankingsDir = path.join(dir, 'rankings')
  const rankings = (existsSync(rankingsDir) ? readJsonFiles(rankingsDir, problems) : []).flatMap(({ file, value }) => {
    const ranking = checkRanking(file, value, byId, problems)
    return ranking ? [ranking] : []
  })
  if (problems.length > 0) throw new EvalSetError(problems)
  return { postings, pairs, rankings }
}
