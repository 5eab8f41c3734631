import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'

export interface RequestContext {
  readonly requestId: string
  readonly correlationId: string | undefined
  userId: string | undefined
}

const storage = new AsyncLocalStorage<RequestContext>()

/** Runs `fn` with `context` visible to everything it calls, synchronously or asynchronously. */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn)
}

/** The context of the request the current code runs for, or undefined outside any request. */
export function getRequestContext(): RequestContext | undefined {
  return storage.getStore()
}

/** The current request's id, or undefined outside any request. */
export function getCurrentRequestId(): string | undefined {
  return storage.getStore()?.requestId
}

const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/

/** An incoming id header is accepted only when it is a sane token; otherwise a UUID is generated. */
export function acceptOrGenerateRequestId(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID()
}

/** A correlation id is passed on only when it is a sane token; otherwise it is dropped. */
export function acceptCorrelationId(incoming: string | string[] | undefined): string | undefined {
  return typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : undefined
}
