import type { FastifyInstance } from 'fastify'
import {
  type InputLimits,
  inputShapeFailure,
  inputShapeProblems,
  MAX_SHAPE_PROBLEMS,
} from '../../domain/input-shape.js'

/**
 * Checks the path parameters, query and body of every request against the input shape limits (nesting depth, string
 * length, width, finite numbers, NUL characters, prototype property names) before schema validation: neither Ajv nor
 * a handler ever walks a value nested thousands deep, and text Postgres cannot store is a 400, not a database error.
 * Fastify's JSON parser (V8's JSON.parse, then secure-json-parse's loop) is iterative, so a body nested 100,000 deep
 * reaches this hook intact.
 */
export function registerInputShapeGuard(server: FastifyInstance, limits: InputLimits): void {
  server.addHook('preValidation', async (request) => {
    const errors = [
      ...inputShapeProblems(request.params, limits, '/params'),
      ...inputShapeProblems(request.query, limits, '/querystring'),
      ...inputShapeProblems(request.body, limits, '/body'),
    ].slice(0, MAX_SHAPE_PROBLEMS)
    if (errors.length > 0) throw inputShapeFailure(errors)
  })
}
