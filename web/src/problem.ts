/** API failures (RFC 9457 problem+json) as errors whose message is plain words a person can act on. */

export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  code?: string
  requestId?: string
  errors?: { pointer: string; message: string }[]
  [key: string]: unknown
}

export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem
  /** Seconds to wait before retrying (Retry-After), when the service said so. */
  readonly retryAfter: number | undefined
  readonly etag: string | undefined

  constructor(status: number, problem: Problem, retryAfter?: number, etag?: string) {
    super(plainMessage(status, problem, retryAfter))
    this.status = status
    this.problem = problem
    this.retryAfter = retryAfter
    this.etag = etag
  }

  get code(): string | undefined {
    return this.problem.code
  }
}

function plainMessage(status: number, problem: Problem, retryAfter: number | undefined): string {
  if (status === 429) {
    const wait = retryAfter === undefined ? 'in a minute' : `in ${retryAfter} second${retryAfter === 1 ? '' : 's'}`
    return `Too many requests for now. Try again ${wait}.`
  }
  const base = problem.detail || problem.title || `The request failed (HTTP ${status}).`
  const fields = (problem.errors ?? []).map((e) => `${fieldName(e.pointer)} ${e.message}`)
  return fields.length > 0 ? `${base} ${fields.join('; ')}.` : base
}

/** "/body/password" → "password", "/work/0/startDate" → "work 1 startDate". */
export function fieldName(pointer: string): string {
  return pointer
    .split('/')
    .filter((part) => part && part !== 'body' && part !== 'content')
    .map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : part))
    .join(' ')
}
