import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

/**
 * JSON Schema of `application/health+json` as the IETF draft (draft-inadarei-api-health-check-06) describes it:
 * status pass/warn/fail; optional version, releaseId, notes, output, serviceId, description, links; checks keyed
 * "component:measurement" holding arrays of check objects.
 */
export const healthJsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['status'],
  properties: {
    status: { enum: ['pass', 'fail', 'warn'] },
    version: { type: 'string' },
    releaseId: { type: 'string' },
    notes: { type: 'array', items: { type: 'string' } },
    output: { type: 'string' },
    serviceId: { type: 'string' },
    description: { type: 'string' },
    links: { type: 'object', additionalProperties: { type: 'string' } },
    checks: {
      type: 'object',
      propertyNames: { pattern: '^[^:]+(:[^:]+)?$' },
      additionalProperties: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            componentId: { type: 'string' },
            componentType: { type: 'string' },
            observedValue: {},
            observedUnit: { type: 'string' },
            status: { enum: ['pass', 'fail', 'warn'] },
            affectedEndpoints: { type: 'array', items: { type: 'string' } },
            time: { type: 'string', format: 'date-time' },
            output: { type: 'string' },
            links: { type: 'object' },
          },
        },
      },
    },
  },
} as const

export function validateHealthJson(body: unknown): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  addFormats.default(ajv)
  const validate = ajv.compile(healthJsonSchema)
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}
