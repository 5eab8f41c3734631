import { ApiError } from '../problem.js'

/** A problem the service found with one field of the draft. */
export interface FieldProblem {
  readonly pointer: string
  readonly message: string
}

const DATE_KEYS = new Set(['startDate', 'endDate', 'date', 'releaseDate'])

/** The pointer into the resume content that a draft or request problem names ("/body/content/work/0" → "/work/0"). */
export function contentPointer(pointer: string): string {
  return pointer.replace(/^\/body(?=\/|$)/, '').replace(/^\/content(?=\/|$)/, '')
}

/** A validator's message about a field, in words a person can act on (never a regular expression). */
export function readableProblem(pointer: string, message: string): string {
  const key = pointer.split('/').at(-1) ?? ''
  if (DATE_KEYS.has(key) && /pattern|format/.test(message)) {
    return 'is not a date: write it like “May 2017”, “05/2017” or “2017”'
  }
  const format = /must match format "([^"]+)"/.exec(message)?.[1]
  if (format === 'email') return 'is not an email address'
  if (format === 'uri' || format === 'url') return 'is not a web address (start it with https://)'
  if (/must match pattern/.test(message)) return 'is not in a form that fits this field'
  if (message === 'must be string') return 'must be text'
  if (message === 'must be array') return 'must be a list'
  const missing = /must have required property '([^']+)'/.exec(message)?.[1]
  if (missing) return `needs ${missing}`
  return message
}

/**
 * The problems to show at the editor's fields, by content pointer: the draft's own (saved, but not yet valid JSON
 * Resume) and those of a save the service refused with 400 and `errors`. The first problem of a field wins.
 */
export function fieldProblems(draftProblems: readonly FieldProblem[], saveError: unknown): Map<string, string> {
  const refused = saveError instanceof ApiError && saveError.status === 400 ? (saveError.problem.errors ?? []) : []
  const byField = new Map<string, string>()
  for (const { pointer, message } of [...refused, ...draftProblems]) {
    const field = contentPointer(pointer)
    if (!byField.has(field)) byField.set(field, readableProblem(field, message))
  }
  return byField
}
