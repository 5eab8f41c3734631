import type { Static, TSchema } from '@sinclair/typebox'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { DomainError } from '../../domain/errors.js'

// The same options as the HTTP routes' validator (server.ts), plus defaults filled in as the routes get them.
const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, strict: false })
addFormats.default(ajv)

const compiled = new WeakMap<TSchema, ValidateFunction>()

/**
 * Checks tool arguments against the tool's schema (the HTTP route's schema where there is one) and returns them
 * with defaults filled in; throws VALIDATION_FAILED with a field error per problem (`/arguments/...`).
 */
export function validateArguments<S extends TSchema>(schema: S, args: unknown): Static<S> {
  let validate = compiled.get(schema)
  if (!validate) {
    validate = ajv.compile(schema)
    compiled.set(schema, validate)
  }
  const value = structuredClone(args ?? {})
  if (validate(value)) return value as Static<S>
  const errors = (validate.errors ?? []).map((issue) => {
    const params = issue.params as Record<string, unknown>
    const missing = typeof params.missingProperty === 'string' ? `/${params.missingProperty}` : ''
    const extra = typeof params.additionalProperty === 'string' ? `/${params.additionalProperty}` : ''
    return {
      pointer: `/arguments${issue.instancePath}${missing}${extra}`,
      message: extra ? 'is not an allowed property' : (issue.message ?? 'is invalid'),
    }
  })
  throw new DomainError('VALIDATION_FAILED', 'The tool arguments are not valid; see `errors`.', { errors })
}
