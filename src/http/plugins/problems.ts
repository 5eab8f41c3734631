import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DomainError, type ErrorCode, type FieldError } from '../../domain/errors.js'
import { errorStatus, problemType, statusTitle } from '../error-status.js'
import type { ProblemBody } from '../schemas/problem.js'

type ValidationIssue = NonNullable<FastifyError['validation']>[number]

/** Sends an RFC 9457 problem for a code. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  detail: string,
  extra: { errors?: readonly FieldError[]; [key: string]: unknown } = {},
): FastifyReply {
  const status = errorStatus[code]
  const { errors, ...rest } = extra
  const body: ProblemBody = {
    ...rest,
    type: problemType(code),
    title: statusTitle(status),
    status,
    detail,
    code,
    requestId: request.id,
    ...(errors && { errors: [...errors] }),
  }
  return reply.code(status).type('application/problem+json').send(body)
}

function toFieldErrors(context: string | undefined, issues: readonly ValidationIssue[]): FieldError[] {
  return issues.map((issue) => {
    const params = issue.params as Record<string, unknown>
    const missing = typeof params.missingProperty === 'string' ? `/${params.missingProperty}` : ''
    const extraProp = typeof params.additionalProperty === 'string' ? `/${params.additionalProperty}` : ''
    return {
      pointer: `/${context ?? 'body'}${issue.instancePath}${missing}${extraProp}`,
      message: extraProp ? 'is not an allowed property' : (issue.message ?? 'is invalid'),
    }
  })
}

/** SQLSTATEs for text Postgres cannot store (a NUL character): the input's fault, never a 5xx. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05'])

/** SQLSTATEs and driver messages that mean "the database could not serve this in time". */
function databaseFailure(error: unknown): ErrorCode | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { code, message } = error as { code?: unknown; message?: unknown }
  if (code === '57014') return 'DATABASE_TIMEOUT'
  if (typeof message === 'string' && /timeout exceeded when trying to connect|Connection terminated/i.test(message)) {
    return 'DATABASE_UNAVAILABLE'
  }
  if (code === 'ECONNREFUSED' || code === '57P01' || code === '57P03' || code === '53300') return 'DATABASE_UNAVAILABLE'
  return undefined
}

/** Turns every failure into problem+json; a 5xx never shows internals and is logged once with its stack. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError | Error, request, reply) => {
    if (error instanceof DomainError) {
      const retryAfter = error.extra?.retryAfterSeconds
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter))
      return sendProblem(request, reply, error.code, error.message, {
        ...error.extra,
        ...(error.errors && { errors: error.errors }),
      })
    }
    const fastifyError = error as FastifyError
    if (fastifyError.validation) {
      return sendProblem(request, reply, 'VALIDATION_FAILED', 'The request is not valid; see `errors`.', {
        errors: toFieldErrors(fastifyError.validationContext, fastifyError.validation),
      })
    }
    if (UNSTORABLE_TEXT.has(String((error as { code?: unknown }).code))) {
      return sendProblem(request, reply, 'VALIDATION_FAILED', 'The request contains characters that cannot be stored.')
    }
    const dbCode = databaseFailure(error)
    if (dbCode) {
      request.log.warn({ err: error }, 'database could not serve the request')
      reply.header('retry-after', '1')
      return sendProblem(request, reply, dbCode, 'The database is busy or unreachable; retry shortly.')
    }
    const status = fastifyError.statusCode
    if (status === 413) return sendProblem(request, reply, 'PAYLOAD_TOO_LARGE', 'The request body is too large.')
    if (status === 415) {
      return sendProblem(request, reply, 'UNSUPPORTED_MEDIA_TYPE', 'This content type is not accepted here.')
    }
    if (status === 405) return sendProblem(request, reply, 'METHOD_NOT_ALLOWED', 'This method is not allowed here.')
    if (status !== undefined && status >= 400 && status < 500) {
      // Fastify's own 4xx errors: unparseable JSON, empty body with a JSON content type, bad headers.
      return sendProblem(request, reply, 'MALFORMED_BODY', 'The request body could not be parsed.')
    }
    // Logged once (with stack, request id, user id and route) and reported to error tracking.
    request.server.observability.logError(error, {
      log: request.log,
      msg: 'request failed',
      route: request.routeOptions.url ?? 'unmatched',
      component: 'http',
      userId: request.auth?.user.id,
    })
    return sendProblem(request, reply, 'INTERNAL_ERROR', 'An unexpected error occurred.')
  })

  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, 'ROUTE_NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}.`),
  )
}
