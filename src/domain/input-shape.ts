/**
 * Shape limits of untrusted JSON-like input (request bodies, drafts, imported files): how deep, how long, how wide,
 * and nothing a store or a later `JSON.stringify` cannot take. One linear pass with an explicit stack, never
 * recursion, so input nested 100,000 deep is reported instead of overflowing the call stack; nothing below a
 * container that is too deep or too wide is visited.
 */
import { DomainError, type FieldError } from './errors.js'

export interface InputLimits {
  /** Deepest nesting of objects and arrays; the outermost container is level 1. */
  readonly maxDepth: number
  /** Longest string (value or property name), in UTF-16 code units. */
  readonly maxStringLength: number
  /** Most items in one array, and most properties in one object. */
  readonly maxArrayLength: number
}

/** Problems reported before the check stops looking. */
export const MAX_SHAPE_PROBLEMS = 10

interface Visit {
  readonly value: unknown
  /** The property name or array index under `parent`; unused for the root. */
  readonly key: string
  readonly parent: Visit | undefined
  /** Containers from the root down to this value, itself included when it is one. */
  readonly depth: number
}

const NUL = '\u0000'
const escapeKey = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1')

/** The JSON Pointer of a visited value; built only for values with a problem, so the walk stays linear. */
function pointerOf(visit: Visit, prefix: string, key?: string): string {
  const keys: string[] = key === undefined ? [] : [escapeKey(key)]
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) keys.push(escapeKey(at.key))
  return keys.length === 0 ? prefix : `${prefix}/${keys.reverse().join('/')}`
}

/** Arrays and plain objects, including null-prototype ones such as a parsed query string; not Buffers or Dates. */
function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true
  return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Object]'
}

/**
 * Every way `value` breaks `limits`, as JSON Pointers under `pointer` (e.g. `/body`), in document order, stopping
 * at the first `maxProblems`: nesting past `maxDepth`; a string or property name longer than `maxStringLength`; an
 * array with more items or an object with more properties than `maxArrayLength`; a number that is not finite; a NUL
 * character in a string or property name; a `__proto__` property, or a `constructor` object with a `prototype`
 * (what Fastify's JSON parser refuses in request bodies). Buffers, Dates, Maps and the like are not entered.
 */
export function inputShapeProblems(
  value: unknown,
  limits: InputLimits,
  pointer = '',
  maxProblems = MAX_SHAPE_PROBLEMS,
): FieldError[] {
  const problems: FieldError[] = []
  const stack: Visit[] = [{ value, key: '', parent: undefined, depth: 0 }]
  const report = (visit: Visit, message: string, key?: string) =>
    problems.push({ pointer: pointerOf(visit, pointer, key), message })

  while (stack.length > 0 && problems.length < maxProblems) {
    const visit = stack.pop() as Visit
    const current = visit.value
    if (typeof current === 'string') {
      if (current.length > limits.maxStringLength) {
        report(visit, `must be at most ${limits.maxStringLength} characters long`)
      }
      if (current.includes(NUL)) report(visit, 'must not contain NUL characters')
      continue
    }
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) report(visit, 'must be a finite number')
      continue
    }
    if (!isContainer(current)) continue

    const depth = visit.depth + 1
    if (depth > limits.maxDepth) {
      report(visit, `must not nest objects and arrays more than ${limits.maxDepth} levels deep`)
      continue
    }
    const children: Visit[] = []
    if (Array.isArray(current)) {
      if (current.length > limits.maxArrayLength) {
        report(visit, `must have at most ${limits.maxArrayLength} items`)
        continue
      }
      for (let i = 0; i < current.length; i += 1) {
        children.push({ value: current[i], key: String(i), parent: visit, depth })
      }
    } else {
      const keys = Object.keys(current)
      if (keys.length > limits.maxArrayLength) {
        report(visit, `must have at most ${limits.maxArrayLength} properties`)
        continue
      }
      for (const key of keys) {
        if (key.length > limits.maxStringLength) {
          // The pointer names the object: the name itself may be too long to send back.
          report(visit, `must not have a property name longer than ${limits.maxStringLength} characters`)
          continue
        }
        if (key.includes(NUL)) report(visit, 'must not contain NUL characters', key)
        const child = current[key]
        if (key === '__proto__') {
          report(visit, 'is not an allowed property name', key)
          continue
        }
        if (key === 'constructor' && isContainer(child) && !Array.isArray(child) && Object.hasOwn(child, 'prototype')) {
          report({ value: child, key, parent: visit, depth }, 'is not an allowed property name', 'prototype')
          continue
        }
        children.push({ value: child, key, parent: visit, depth })
      }
    }
    // Reversed, so the stack hands them out in document order.
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as Visit)
  }
  return problems.slice(0, maxProblems)
}

/** The 400 VALIDATION_FAILED for shape problems of `subject` (e.g. "The request", "The file"). */
export function inputShapeFailure(errors: readonly FieldError[], subject = 'The request'): DomainError {
  return new DomainError(
    'VALIDATION_FAILED',
    `${subject} is nested too deeply, too large, or holds characters or names that cannot be stored; see \`errors\`.`,
    { errors },
  )
}

/** Throws 400 VALIDATION_FAILED listing the problems `inputShapeProblems` finds, if any. */
export function assertInputShape(value: unknown, limits: InputLimits, pointer: string, subject = 'The request'): void {
  const errors = inputShapeProblems(value, limits, pointer)
  if (errors.length > 0) throw inputShapeFailure(errors, subject)
}
