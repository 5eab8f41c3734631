import type { ErrorCode } from '../domain/errors.js'

/** The HTTP status of every error code; the compiler insists that each code has one. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  MALFORMED_BODY: 400,
  MALFORMED_URL: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ROUTE_NOT_FOUND: 404,
  WEB_APP_NOT_BUILT: 404,
  METHOD_NOT_ALLOWED: 405,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  USER_NOT_FOUND: 404,
  CURRENT_PASSWORD_INCORRECT: 403,
  CSRF_REJECTED: 403,
  EMAIL_TAKEN: 409,
  WEAK_PASSWORD: 400,
  RATE_LIMITED: 429,
  RESUME_NOT_FOUND: 404,
  IDEMPOTENCY_KEY_IN_USE: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  RESUME_NOT_IN_TRASH: 409,
  VERSION_NOT_FOUND: 404,
  DRAFT_NOT_FOUND: 404,
  PRECONDITION_REQUIRED: 428,
  DRAFT_VERSION_CONFLICT: 412,
  DRAFT_INVALID: 422,
  CONTENT_TOO_LARGE: 413,
  TEMPLATE_NOT_FOUND: 404,
  EXPORT_FORMAT_UNSUPPORTED: 400,
  TASK_NOT_FOUND: 404,
  IMPORT_NO_FILE: 400,
  IMPORT_TOO_LARGE: 413,
  IMPORT_UNSUPPORTED_TYPE: 415,
  IMPORT_MALFORMED: 422,
  IMPORT_ENCRYPTED: 422,
  IMPORT_NO_TEXT_LAYER: 422,
  IMPORT_NOTHING_RECOGNISED: 422,
  IMPORT_ARCHIVE_LIMIT: 422,
  IMPORT_TIMEOUT: 422,
  INPUT_TOO_COMPLEX: 422,
  QUOTA_EXCEEDED: 409,
  WORKERS_BUSY: 503,
  IMPORT_INVALID_JSON_RESUME: 422,
  JOB_NOT_FOUND: 404,
  APPLICATION_NOT_FOUND: 404,
  APPLICATION_VERSION_CONFLICT: 412,
  API_KEY_NOT_FOUND: 404,
  API_KEY_LIMIT_REACHED: 409,
  API_KEY_SCOPE_MISSING: 403,
  API_KEY_NOT_ALLOWED: 403,
  DATABASE_UNAVAILABLE: 503,
  DATABASE_TIMEOUT: 503,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
} as const satisfies Record<ErrorCode, number>

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

export function statusTitle(status: number): string {
  return TITLES[status] ?? 'Error'
}

/** The problem `type` URI of a code: a stable URN clients may switch on as well as `code`. */
export function problemType(code: ErrorCode): string {
  return `urn:roleready:problem:${code.toLowerCase().replaceAll('_', '-')}`
}
