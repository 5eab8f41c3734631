import { createRequire } from 'node:module'
import { Ajv, type ErrorObject } from 'ajv'
import addFormats from 'ajv-formats'
import type { FieldError } from '../errors.js'
import type { ResumeContent } from './resume.types.js'

// The JSON Resume 1.2.1 schema as published in @jsonresume/schema (pinned to 1.2.1 in package.json).
const require = createRequire(import.meta.url)
const schema = require('@jsonresume/schema/schema.json') as Record<string, unknown>

// No coercion, no defaults, no removal: validation must never change the document it checks. The published
// schema uses `additionalItems` without tuple `items`, which strict mode rejects, so strict mode is off.
const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false })
addFormats.default(ajv)
const validate = ajv.compile(schema)

function toFieldError(prefix: string, error: ErrorObject): FieldError {
  const params = error.params as Record<string, unknown>
  const missing = typeof params.missingProperty === 'string' ? `/${escapePointer(params.missingProperty)}` : ''
  return { pointer: `${prefix}${error.instancePath}${missing}`, message: error.message ?? 'is invalid' }
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1')
}

/**
 * Problems of a document against the JSON Resume schema, as JSON Pointers under `prefix`
 * (e.g. `/body/content/basics/email`); empty when the document is valid.
 */
export function jsonResumeProblems(content: ResumeContent, prefix: string): FieldError[] {
  if (validate(content)) return []
  const seen = new Set<string>()
  const problems: FieldError[] = []
  for (const error of validate.errors ?? []) {
    const problem = toFieldError(prefix, error)
    const key = `${problem.pointer} ${problem.message}`
    if (!seen.has(key)) {
      seen.add(key)
      problems.push(problem)
    }
  }
  return problems
}

/** Size of a document as stored and sent: UTF-8 bytes of its JSON text. */
export function contentBytes(content: ResumeContent): number {
  return Buffer.byteLength(JSON.stringify(content), 'utf8')
}
