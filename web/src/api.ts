/** The RoleReady API as the page uses it: same-origin fetch with the session cookie, problem+json as ApiError. */

import { ApiError, type Problem } from './problem.js'

export { ApiError, fieldName, type Problem } from './problem.js'

export interface RequestOptions {
  method?: string
  body?: unknown
  headers?: Record<string, string>
  signal?: AbortSignal
}

export interface ApiResponse<T> {
  data: T
  status: number
  headers: Headers
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

async function raw(path: string, options: RequestOptions = {}): Promise<Response> {
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
      method: options.method ?? 'GET',
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

/** JSON request; throws ApiError with the problem's words on failure. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const response = await raw(path, options)
  const text = response.status === 204 ? '' : await response.text()
  return { data: (text ? JSON.parse(text) : undefined) as T, status: response.status, headers: response.headers }
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await request<T>(path, options)).data
}

/** Fetches a file and hands it to the browser as a download; returns its first bytes' type for callers. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await raw(path, { headers: { accept: '*/*' } })
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
  return (await raw(path, { headers: { accept: 'text/html' } })).text()
}

export interface Task<R = unknown> {
  id: string
  kind: string
  state: 'queued' | 'running' | 'retrying' | 'succeeded' | 'failed'
  progress: number
  attempts: number
  maxAttempts: number
  result?: R
  error?: { code: string; message: string }
}

/** Polls a background task until it ends, reporting each state; throws when it failed. */
export async function waitForTask<R>(task: Task<R>, onUpdate: (task: Task<R>) => void): Promise<R> {
  let current = task
  onUpdate(current)
  while (current.state !== 'succeeded' && current.state !== 'failed') {
    await new Promise((resolve) => setTimeout(resolve, 400))
    current = await api<Task<R>>(`/api/tasks/${current.id}`)
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
