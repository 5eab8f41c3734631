/**
 * Every error code a RoleReady client can see. Clients switch on `code`, never on text.
 * HTTP statuses for these live in src/http/error-status.ts; docs/errors.md is checked against this list.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 'The request does not match the schema; `errors` lists each bad field.',
  MALFORMED_BODY: 'The request body is not valid JSON or not of a supported content type.',
  MALFORMED_URL: 'The request URL could not be decoded (bad percent-encoding or characters).',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the service accepts.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body has a content type the route does not accept.',
  ROUTE_NOT_FOUND: 'No route matches this method and path.',
  WEB_APP_NOT_BUILT: 'The web app at / has not been built on this server; the API works without it.',
  METHOD_NOT_ALLOWED: 'The path exists but does not accept this method.',
  UNAUTHENTICATED: 'No valid session: the token is missing, unknown, expired or revoked.',
  INVALID_CREDENTIALS: 'The email and password do not match an account.',
  FORBIDDEN: 'The caller is signed in but may not do this.',
  USER_NOT_FOUND: 'The user does not exist.',
  CURRENT_PASSWORD_INCORRECT: 'A password change gave a current password that does not match.',
  CSRF_REJECTED: 'A cookie-authenticated write came from an origin that is not allowed.',
  EMAIL_TAKEN: 'Another account already uses this email address (compared case-insensitively).',
  WEAK_PASSWORD: 'The password does not meet the password policy.',
  RATE_LIMITED: 'Too many requests; retry after the time given in Retry-After.',
  RESUME_NOT_FOUND: "No such resume for this user (another user's resume is reported the same way).",
  IDEMPOTENCY_KEY_IN_USE: 'A request with this Idempotency-Key is still being answered; retry once it has been.',
  IDEMPOTENCY_KEY_REUSED: 'This Idempotency-Key was used with another request (method, path or body); use a new key.',
  RESUME_NOT_IN_TRASH: 'Only a resume in the trash can be deleted for good; move it to the trash first.',
  VERSION_NOT_FOUND: 'The resume has no version with this number.',
  DRAFT_NOT_FOUND: 'The resume has no saved draft.',
  PRECONDITION_REQUIRED: 'The request must carry If-Match with the ETag last read.',
  DRAFT_VERSION_CONFLICT: 'The draft changed since the If-Match ETag; `etag` holds the current one.',
  DRAFT_INVALID: 'The draft is not a valid JSON Resume and cannot be committed; `errors` lists each bad path.',
  CONTENT_TOO_LARGE: 'The resume content is larger than the per-resume limit (`limit`, in bytes).',
  TEMPLATE_NOT_FOUND: 'No template has this id; GET /api/templates lists them.',
  EXPORT_FORMAT_UNSUPPORTED: 'The template cannot render this format (installed JSON Resume themes render HTML only).',
  TASK_NOT_FOUND: "No such background task for this user (another user's task is reported the same way).",
  IMPORT_NO_FILE: 'The import request carries no file part (send multipart/form-data with one file).',
  IMPORT_TOO_LARGE: 'The uploaded file is larger than the import limit (`limit`, in bytes).',
  IMPORT_UNSUPPORTED_TYPE: 'The file is not a PDF, DOCX or JSON Resume document (judged by its content, not its name).',
  IMPORT_MALFORMED: 'The file claims a supported type but is damaged, truncated or not valid.',
  IMPORT_ENCRYPTED: 'The PDF is protected by a password and cannot be read.',
  IMPORT_NO_TEXT_LAYER: 'The PDF holds no text layer (a scan or an image); nothing could be read.',
  IMPORT_NOTHING_RECOGNISED: 'The file holds text, but no resume field (name, contact, sections) was found in it.',
  IMPORT_ARCHIVE_LIMIT: 'The DOCX archive has too many entries or expands too far (a possible zip bomb).',
  IMPORT_TIMEOUT: 'Reading the file took longer than the time allowed per parse.',
  IMPORT_INVALID_JSON_RESUME: 'The JSON file is not a valid JSON Resume document; `errors` lists each bad path.',
  INPUT_TOO_COMPLEX:
    'The input took more than its time or memory budget to process (e.g. a pathological file or text); nothing was stored.',
  QUOTA_EXCEEDED:
    'The account is at one of its quotas (`quota` names which: storageBytes, resumes, versionsPerResume, jobs, applications); see GET /api/me/usage.',
  WORKERS_BUSY: 'Every worker is busy and the queue of heavy work is full; retry after the time given in Retry-After.',
  JOB_NOT_FOUND: "No such saved job posting for this user (another user's job is reported the same way).",
  APPLICATION_NOT_FOUND: "No such application for this user (another user's application is reported the same way).",
  APPLICATION_VERSION_CONFLICT:
    'The application changed since the If-Match ETag; `etag` holds the current one (read it again and retry).',
  API_KEY_NOT_FOUND: "No such API key for this user (another user's key is reported the same way).",
  API_KEY_LIMIT_REACHED: 'The account already holds the most API keys it may (`limit`); revoke one first.',
  API_KEY_SCOPE_MISSING: 'The API key lacks a scope this route or tool needs; `requiredScopes` lists the missing ones.',
  API_KEY_NOT_ALLOWED:
    'This route needs a signed-in session: API keys cannot manage the account, its password, its keys or admin settings.',
  DATABASE_UNAVAILABLE: 'The database could not be reached in time; retry later.',
  DATABASE_TIMEOUT: 'The database took too long to answer and the statement was cancelled; retry later.',
  SERVICE_UNAVAILABLE: 'The service is starting or shutting down; retry later.',
  INTERNAL_ERROR: 'An unexpected error; the requestId identifies it in the logs.',
} as const

export type ErrorCode = keyof typeof ERROR_CODES

export interface FieldError {
  /** JSON Pointer to the bad field, e.g. `/body/email`. */
  readonly pointer: string
  readonly message: string
}

/** An expected failure with a stable code; the HTTP layer turns it into problem+json. */
export class DomainError extends Error {
  readonly code: ErrorCode
  readonly errors: readonly FieldError[] | undefined
  readonly extra: Readonly<Record<string, unknown>> | undefined

  constructor(
    code: ErrorCode,
    message: string,
    options: { errors?: readonly FieldError[]; extra?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause })
    this.name = 'DomainError'
    this.code = code
    this.errors = options.errors
    this.extra = options.extra
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError
}
