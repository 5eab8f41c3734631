import { type DomainError, isDomainError } from '../../domain/errors.js'
import { errorStatus, problemType, statusTitle } from '../error-status.js'
import type { McpContext } from './mcp-context.js'

/** An RFC 9457 problem as an MCP tool error carries it (no requestId: the HTTP response header has it). */
export interface ToolProblem {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string
  readonly code: string
  readonly [extra: string]: unknown
}

export function toProblem(error: DomainError): ToolProblem {
  const status = errorStatus[error.code]
  return {
    ...error.extra,
    type: problemType(error.code),
    title: statusTitle(status),
    status,
    detail: error.message,
    code: error.code,
    ...(error.errors && { errors: [...error.errors] }),
  }
}

/**
 * The problem for any failure: a DomainError as it is; anything else is logged once (with its stack) and reported
 * as INTERNAL_ERROR, never with its internals.
 */
export function problemOf(error: unknown, context: McpContext, tool: string): ToolProblem {
  if (isDomainError(error)) return toProblem(error)
  context.reportError(error, tool)
  return {
    type: problemType('INTERNAL_ERROR'),
    title: statusTitle(500),
    status: 500,
    detail: 'An unexpected error occurred.',
    code: 'INTERNAL_ERROR',
  }
}
