import type { Operation } from 'fast-json-patch'
import { skillById } from '../analysis/taxonomy.js'
import { resolvePointer } from '../ats/resume-fields.js'
import { applyPatch } from '../suggestions/suggestions.js'
import { addedSkills, factsChanged, knownTerms, unknownNames, unknownNumbers } from '../tailoring/truthfulness.js'
import type { AiSection, ProposedEdit, RejectedEdit, RejectionCode } from './ai.types.js'

type Doc = Record<string, unknown>

/** What a path may hold: one text, a re-ordering of texts, a list of skill keywords, or the skill groups. */
type Shape = 'text' | 'reorder' | 'keywords' | 'groups'

interface PathRule {
  readonly pattern: RegExp
  readonly section: AiSection
  readonly shape: Shape
  /** `add` is allowed (a new keyword, a summary or skills section where there is none). */
  readonly add: boolean
}

/**
 * The paths an edit may touch: the ones tailoring changes (summary, the order of highlights, skill keywords and
 * groups) and single bullets, which an LLM may rewrite. Employers, titles, dates, degrees and contact details are
 * out of reach, and no bullet or role can be added or removed.
 */
export const EDITABLE_PATHS: readonly PathRule[] = [
  { pattern: /^\/basics\/summary$/, section: 'summary', shape: 'text', add: true },
  { pattern: /^\/work\/\d+\/highlights\/\d+$/, section: 'highlights', shape: 'text', add: false },
  { pattern: /^\/work\/\d+\/highlights$/, section: 'highlights', shape: 'reorder', add: false },
  { pattern: /^\/skills\/\d+\/keywords\/(\d+|-)$/, section: 'skills', shape: 'text', add: true },
  { pattern: /^\/skills\/\d+\/keywords$/, section: 'skills', shape: 'keywords', add: false },
  { pattern: /^\/skills$/, section: 'skills', shape: 'groups', add: true },
]

const MAX_TEXT = 2000

export interface CheckContext {
  /** The working draft the edits were proposed for. */
  readonly base: Doc
  readonly sections: readonly AiSection[]
  /** Words and numbers a summary may use besides the resume's own (the posting's title). */
  readonly summaryMay: string
}

export interface CheckedEdits {
  readonly accepted: readonly { readonly reason: string; readonly patch: readonly Operation[] }[]
  readonly rejected: readonly RejectedEdit[]
  /** The draft with every accepted edit applied. */
  readonly content: Doc
}

class Rejection extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message)
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/'))
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : []

function checkShape(shape: Shape, value: unknown, current: unknown): void {
  const text = (v: unknown) => typeof v === 'string' && v.trim() !== '' && v.length <= MAX_TEXT
  const ok =
    shape === 'text'
      ? text(value)
      : shape === 'groups'
        ? Array.isArray(value) && value.every((g) => g && typeof g === 'object' && !Array.isArray(g))
        : Array.isArray(value) && value.every(text)
  if (!ok)
    throw new Rejection('INVALID_VALUE', `The value does not fit ${shape === 'text' ? 'a text field' : 'this list'}.`)
  if (
    shape === 'reorder' &&
    !(Array.isArray(value) && Array.isArray(current) && same([...value].sort(), [...current].sort()))
  ) {
    throw new Rejection(
      'INVALID_VALUE',
      'A list of highlights may only be re-ordered here; rewrite bullets one by one.',
    )
  }
}

/** Checks one edit against the base draft and the accepted edits so far; returns its patch and the new content. */
function checkOne(edit: ProposedEdit, current: Doc, context: CheckContext): { patch: Operation[]; content: Doc } {
  const { base } = context
  const rule = EDITABLE_PATHS.find((r) => r.pattern.test(edit.path))
  if (!rule || (edit.op !== 'replace' && edit.op !== 'add') || (edit.op === 'add' && !rule.add)) {
    throw new Rejection('PATH_NOT_ALLOWED', `${edit.op} ${edit.path} is not an edit RoleReady makes.`)
  }
  if (!context.sections.includes(rule.section)) {
    throw new Rejection('SECTION_NOT_REQUESTED', `The ${rule.section} section was not asked for.`)
  }
  const target = resolvePointer(base, edit.path)
  const appends = edit.op === 'add' && /\/(\d+|-)$/.test(edit.path)
  if (edit.op === 'replace' && target === undefined)
    throw new Rejection('TARGET_MISSING', 'Nothing is there to replace.')
  if (
    edit.op === 'replace' &&
    (edit.original === undefined || edit.original === null || !same(edit.original, target))
  ) {
    throw new Rejection('ORIGINAL_MISMATCH', 'The text it replaces is not what the draft holds.')
  }
  if (edit.op === 'add' && !appends && target !== undefined) {
    throw new Rejection('ORIGINAL_MISMATCH', 'The draft already has this field; it can only be replaced.')
  }
  // Each target (an add's list) must still be as the proposer saw it: two edits of one thing conflict.
  const watched = appends ? parentOf(edit.path) : edit.path
  if (!same(resolvePointer(current, watched), resolvePointer(base, watched))) {
    throw new Rejection('DUPLICATE', 'Another edit already changes this part.')
  }
  checkShape(rule.shape, edit.value, target)
  if (edit.op === 'replace' && same(edit.value, target)) throw new Rejection('NO_CHANGE', 'The value is unchanged.')
  if (appends) {
    const list = resolvePointer(base, parentOf(edit.path))
    if (Array.isArray(list) && list.some((k) => String(k).toLowerCase() === String(edit.value).toLowerCase())) {
      throw new Rejection('DUPLICATE', 'The list already holds this value.')
    }
  }

  const operation = { op: edit.op, path: edit.path, value: edit.value } as Operation
  let content: Doc
  try {
    content = applyPatch(current, [operation])
  } catch {
    throw new Rejection('TARGET_MISSING', 'The path does not exist in the draft.')
  }
  if (factsChanged(base, content)) {
    throw new Rejection('NEW_FACT', 'It changes an employer, title, date or degree.')
  }
  const skills = addedSkills(base, content)
  if (skills.length > 0) {
    const names = skills.map((id) => skillById(id)?.name ?? id)
    throw new Rejection('NEW_SKILL', `It names a skill the resume does not show: ${names.join(', ')}.`)
  }
  // The draft's numbers and words are read once for the edit, not once for each of its texts.
  const known = knownTerms(base, rule.section === 'summary' ? context.summaryMay : '')
  for (const text of strings(edit.value)) {
    const numbers = unknownNumbers(text, known)
    if (numbers.length > 0)
      throw new Rejection('NEW_NUMBER', `It states a number the resume does not: ${numbers.join(', ')}.`)
    const names = unknownNames(text, known)
    if (names.length > 0)
      throw new Rejection('NEW_NAME', `It names something the resume does not: ${names.join(', ')}.`)
  }
  const patch: Operation[] =
    edit.op === 'replace' ? [{ op: 'test', path: edit.path, value: target }, operation] : [operation]
  return { patch, content }
}

/**
 * Checks proposed edits in order, as tailoring is checked: allowed paths and sections, the replaced text still in
 * the draft, and no new employer, title, date, degree, skill, number or name. Failing edits are dropped and listed.
 */
export function checkEdits(proposals: readonly ProposedEdit[], context: CheckContext): CheckedEdits {
  let content = context.base
  const accepted: { reason: string; patch: Operation[] }[] = []
  const rejected: RejectedEdit[] = []
  for (const edit of proposals) {
    try {
      const checked = checkOne(edit, content, context)
      content = checked.content
      accepted.push({ reason: edit.reason, patch: checked.patch })
    } catch (error) {
      if (!(error instanceof Rejection)) throw error
      rejected.push({
        op: String(edit.op),
        path: String(edit.path),
        value: edit.value,
        reason: edit.reason,
        rejection: { code: error.code, message: error.message },
      })
    }
  }
  return { accepted, rejected, content }
}

/** Every accepted edit as one patch: the tests (against the draft as it was) first, then the changes in order. */
export function combinedPatch(edits: readonly { readonly patch: readonly Operation[] }[]): Operation[] {
  const all = edits.flatMap((e) => e.patch)
  return [...all.filter((op) => op.op === 'test'), ...all.filter((op) => op.op !== 'test')]
}
