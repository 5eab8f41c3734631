import { findSkills } from '../analysis/taxonomy.js'
import { asArray, asObject, resumeFields } from '../ats/resume-fields.js'

type Doc = Record<string, unknown>

/**
 * What a tailored or edited resume must never change or add to: the checks tailoring is held to (its tests) and
 * that every AI edit passes before it is offered.
 */

/** Taxonomy ids of every skill the resume names anywhere (any alias, any section). */
export function skillIdsIn(resume: Doc): Set<string> {
  return new Set(resumeFields(resume).flatMap((f) => findSkills(f.text).map((m) => m.skill.id)))
}

/** Employers, titles, degrees and their dates: the facts no edit may change. */
export interface ResumeFacts {
  readonly work: readonly unknown[][]
  readonly education: readonly unknown[][]
}

export function factsOf(resume: Doc): ResumeFacts {
  return {
    work: asArray(resume.work)
      .map((raw) => {
        const w = asObject(raw)
        return [w.name, w.position, w.startDate, w.endDate]
      })
      .sort(),
    education: asArray(resume.education)
      .map((raw) => {
        const e = asObject(raw)
        return [e.institution, e.studyType, e.area, e.startDate, e.endDate]
      })
      .sort(),
  }
}

/** Skills `after` names that `before` does not (taxonomy ids). */
export function addedSkills(before: Doc, after: Doc): string[] {
  const known = skillIdsIn(before)
  return [...skillIdsIn(after)].filter((id) => !known.has(id))
}

/** True when an employer, title, degree or date differs between the two. */
export function factsChanged(before: Doc, after: Doc): boolean {
  return JSON.stringify(factsOf(before)) !== JSON.stringify(factsOf(after))
}

const NUMBER = /\d+(?:[.,]\d+)*/g

/** The numbers and words a resume (and `alsoKnown`) already holds: read once, then checked against many texts. */
export interface KnownTerms {
  readonly numbers: ReadonlySet<string>
  /** Lower-cased. */
  readonly words: ReadonlySet<string>
}

export function knownTerms(resume: Doc, alsoKnown = ''): KnownTerms {
  const source = `${JSON.stringify(resume)} ${alsoKnown}`
  return {
    numbers: new Set(source.match(NUMBER) ?? []),
    words: new Set((source.match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase())),
  }
}

/**
 * Numbers (counts, percentages, years) in `text` that appear nowhere in the resume (nor in `alsoKnown`): invented
 * results or dates.
 */
export function newNumbers(text: string, resume: Doc, alsoKnown = ''): string[] {
  return unknownNumbers(text, knownTerms(resume, alsoKnown))
}

/** `newNumbers` against terms read once with `knownTerms`. */
export function unknownNumbers(text: string, known: KnownTerms): string[] {
  return [...new Set(text.match(NUMBER) ?? [])].filter((n) => !known.numbers.has(n))
}

const SENTENCE_END = '.!?:;•—–-'

/**
 * True when the word at `start` opens a sentence, a list item or a parenthesis: the text before it is empty, ends in
 * `[.!?:;•—–-]` and white space, or in "(" and optional white space. Read backwards from the word, not by matching
 * `/(^|[.!?:;•—–-]\s+|\(\s*)$/u` against the whole text before every capitalised word.
 */
function opensSentence(text: string, start: number): boolean {
  if (start === 0) return true
  let before = start
  while (before > 0 && /\s/.test(text[before - 1] as string)) before -= 1
  const mark = text[before - 1]
  if (mark === '(') return true
  return before < start && mark !== undefined && SENTENCE_END.includes(mark)
}

/**
 * Capitalised words inside a sentence (names of companies, products, places, schools) that neither the resume nor
 * `alsoKnown` uses, skill names excepted: a rewritten bullet must not bring in a new employer or client.
 */
export function newNames(text: string, resume: Doc, alsoKnown = ''): string[] {
  return unknownNames(text, knownTerms(resume, alsoKnown))
}

/** `newNames` against terms read once with `knownTerms`. */
export function unknownNames(text: string, known: KnownTerms): string[] {
  // Skill mentions come left to right without overlapping, as the words do: one walk finds the mention around each.
  const inSkill = findSkills(text)
  let skill = 0
  const names: string[] = []
  for (const match of text.matchAll(/\p{Lu}\p{Ll}+/gu)) {
    const start = match.index
    if (opensSentence(text, start) || text[start - 1]?.match(/[\p{L}\d]/u)) continue
    while ((inSkill[skill]?.end ?? Infinity) <= start) skill += 1
    const around = inSkill[skill]
    if (around && start >= around.start && start < around.end) continue
    if (!known.words.has(match[0].toLowerCase())) names.push(match[0])
  }
  return [...new Set(names)]
}
