/** The RoleReady API as the page uses it: same-origin fetch with the session cookie, problem+json as ApiError. */

import type { paths } from './api/schema.js'
import { ApiError, type Problem } from './problem.js'

export { ApiError, fieldName, type Problem } from './problem.js'

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'

/** The paths that answer `method`. */
export type PathOf<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never
}[keyof paths]

type Operation<P extends keyof paths, M extends Method> = Extract<paths[P][M], { responses: unknown }>
type Parameters<O> = O extends { parameters: infer X } ? X : never
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : undefined
type SuccessStatus = 200 | 201 | 202 | 204
type SuccessOf<O> = O extends { responses: infer R } ? JsonOf<R[keyof R & SuccessStatus]> : never

/** The JSON a successful `method path` answers (a union when it has several success statuses). */
export type ResponseOf<P extends keyof paths, M extends Method> = SuccessOf<Operation<P, M>>

type PathInit<O> = Parameters<O> extends { path: infer X } ? { path: X } : unknown
type QueryInit<O> =
  Parameters<O> extends { query: infer Q }
    ? { query: Q }
    : [Exclude<Parameters<O> extends { query?: infer Q } ? Q : never, undefined>] extends [never]
      ? unknown
      : { query?: Exclude<Parameters<O> extends { query?: infer Q } ? Q : never, undefined> }
/** A JSON body where the operation declares one; otherwise an optional multipart form (file uploads). */
type BodyInit_<O> = [NonNullable<O extends { requestBody?: infer B } ? B : never>] extends [never]
  ? { body?: FormData }
  : O extends { requestBody: { content: { 'application/json': infer B } } }
    ? { body: B }
    : O extends { requestBody?: { content: { 'application/json': infer B } } }
      ? { body?: B }
      : { body?: FormData }

/** Path and query parameters and body of one operation, typed from openapi.json. */
export type Init<O> = PathInit<O> &
  QueryInit<O> &
  BodyInit_<O> & { headers?: Record<string, string>; signal?: AbortSignal }
type Args<O> = object extends Init<O> ? [init?: Init<O>] : [init: Init<O>]

interface RawInit {
  path?: Record<string, string | number>
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  headers?: Record<string, string>
  signal?: AbortSignal
}

function fill(path: string, init: RawInit = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(init.path?.[name] ?? '')))
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(init.query ?? {})) if (value !== undefined) query.set(name, String(value))
  const search = query.toString()
  return search ? `${filled}?${search}` : filled
}

/** The URL of a GET operation with its parameters filled in (for downloads and previews). */
export function url<P extends PathOf<'get'>>(path: P, ...[init]: Args<Operation<P, 'get'>>): string {
  return fill(path, init as RawInit | undefined)
}

/** Called when any request answers 401, so the app can return to the sign-in screen. */
let onUnauthenticated: (() => void) | undefined
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler
}

async function toError(response: Response): Promise<ApiError> {
  let problem: Problem = {}
  try {
    const text = await response.text()
    problem = text ? (JSON.parse(text) as Problem) : {}
  } catch {
    problem = { title: response.statusText }
  }
  const retry = response.headers.get('retry-after')
  const etag = response.headers.get('etag') ?? undefined
  return new ApiError(response.status, problem, retry === null ? undefined : Number(retry), etag)
}

/**
 * The creates the server answers once per Idempotency-Key: the page sends each with a fresh key and, when the
 * answer is lost (no connection, a gateway error during a deploy, or the first try still running), sends it again
 * with the same key, so a retry never makes a second resume, job, application or version.
 */
const IDEMPOTENT_POSTS: ReadonlySet<string> = new Set([
  '/api/resumes',
  '/api/jobs',
  '/api/applications',
  '/api/resumes/{id}/draft/commit',
  '/api/resumes/{id}/versions/{number}/restore',
  '/api/resumes/{id}/tailor',
])
/** Waits before each retry of an idempotent create. */
export const RETRY_DELAYS_MS = [400, 1500]
const RETRIED_STATUSES = new Set([502, 503, 504])

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Sends an idempotent create, again with the same key while its answer is lost or still being made. */
async function withRetries(path: string, options: Omit<RawInit, 'path' | 'query'>): Promise<Response> {
  const headers = { ...options.headers, 'idempotency-key': crypto.randomUUID() }
  for (let attempt = 0; ; attempt++) {
    const last = attempt === RETRY_DELAYS_MS.length
    try {
      return await raw('post', path, { ...options, headers })
    } catch (error) {
      const retried =
        error instanceof ApiError &&
        (error.status === 0 ||
          RETRIED_STATUSES.has(error.status) ||
          (error.status === 409 && error.problem.code === 'IDEMPOTENCY_KEY_IN_USE'))
      if (last || !retried) throw error
    }
    await sleep(RETRY_DELAYS_MS[attempt] as number)
  }
}

async function raw(method: Method, path: string, options: Omit<RawInit, 'path' | 'query'> = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
  let body: BodyInit | undefined
  if (options.body instanceof FormData) body = options.body
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  let response: Response
  try {
    response = await fetch(path, {
      method: method.toUpperCase(),
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new ApiError(0, { title: 'RoleReady cannot be reached. Check your connection and try again.' })
  }
  if (!response.ok) {
    const error = await toError(response)
    if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthenticated?.()
    throw error
  }
  return response
}

function operation<M extends Method>(method: M) {
  return async <P extends PathOf<M>>(path: P, ...[init]: Args<Operation<P, M>>): Promise<ResponseOf<P, M>> => {
    const options = init as RawInit | undefined
    const response =
      method === 'post' && IDEMPOTENT_POSTS.has(path)
        ? await withRetries(fill(path, options), options ?? {})
        : await raw(method, fill(path, options), options)
    const text = response.status === 204 ? '' : await response.text()
    // The server validates every answer against the schema openapi.json (and so this type) comes from.
    return (text ? JSON.parse(text) : undefined) as ResponseOf<P, M>
  }
}

/**
 * JSON requests typed from openapi.json: `api.get('/api/resumes/{id}', { path: { id } })`. Throws ApiError with the
 * problem's words on failure.
 */
export const api = {
  get: operation('get'),
  post: operation('post'),
  put: operation('put'),
  patch: operation('patch'),
  delete: operation('delete'),
}

/** Fetches a file and hands it to the browser as a download; returns its first bytes' type for callers. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await raw('get', path, { headers: { accept: '*/*' } })
  const blob = await response.blob()
  const disposition = response.headers.get('content-disposition') ?? ''
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition) ?? /filename="([^"]+)"/.exec(disposition)
  const name = match?.[1] ? decodeURIComponent(match[1]) : fallbackName
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** Text of a response (the HTML export for the preview). */
export async function text(path: string): Promise<string> {
  return (await raw('get', path, { headers: { accept: 'text/html' } })).text()
}

/** A background task whose result the caller knows the shape of (openapi.json says `unknown`). */
export type Task<R = unknown> = Omit<ResponseOf<'/api/tasks/{id}', 'get'>, 'result'> & { result?: R }

/** Polls a background task until it ends, reporting each state; throws when it failed. */
export async function waitForTask<R>(task: Task, onUpdate: (task: Task) => void): Promise<R> {
  let current = task
  onUpdate(current)
  while (current.state !== 'succeeded' && current.state !== 'failed') {
    await new Promise((resolve) => setTimeout(resolve, 400))
    current = await api.get('/api/tasks/{id}', { path: { id: current.id } })
    onUpdate(current)
  }
  if (current.state === 'failed') {
    throw new ApiError(422, { detail: current.error?.message ?? 'The background work failed.' })
  }
  return current.result as R
}

/** A message for anything thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
