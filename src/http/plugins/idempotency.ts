/**
 * Idempotency-Key for requests that create something (the IETF httpapi idempotency-key header): a client that sent
 * a create and lost the answer (a timeout, a deploy, a dropped connection) sends it again with the same key and gets
 * the first answer again, marked `Idempotent-Replayed: true`, instead of a second resume, job or version.
 * Keys belong to the signed-in user and are kept for a day. The same key with another request is 422
 * IDEMPOTENCY_KEY_REUSED; while its first request is still being answered, 409 IDEMPOTENCY_KEY_IN_USE. An answer
 * the server failed to give (5xx) is not stored, so the retry runs the request again.
 */
import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DomainError } from '../../domain/errors.js'
import { authOf } from './auth.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route honours Idempotency-Key (POST routes that create something). */
    idempotent?: boolean
  }
  interface FastifyRequest {
    /** The key this request claimed, to store its answer under. */
    idempotencyClaim: { userId: string; key: string } | null
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key'
/** How long an answer is kept. */
const KEEP_MS = 24 * 60 * 60 * 1000
/** A claim whose request has not answered after this long is taken to be abandoned (its process stopped). */
const ABANDONED_MS = 60_000
/** Printable ASCII without spaces, as the header's grammar (a structured-field string) allows in practice. */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/
/** Backoff of a claim settled in the background (see settleLater). */
const SETTLE_FIRST_DELAY_MS = 250
const SETTLE_MAX_DELAY_MS = 2_000
/** Headers a replay repeats. */
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'] as const

function keyOf(request: FastifyRequest): string | undefined {
  const value = request.headers[IDEMPOTENCY_HEADER]
  if (value === undefined) return undefined
  // Structured-field string: the key may come quoted.
  const raw = Array.isArray(value) ? '' : value.replace(/^"(.*)"$/, '$1')
  if (!KEY_PATTERN.test(raw)) {
    throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 255 printable characters.', {
      errors: [{ pointer: '/headers/idempotency-key', message: 'must be 1 to 255 printable ASCII characters' }],
    })
  }
  return raw
}

function fingerprintOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex')
}

async function claim(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (!request.routeOptions.config?.idempotent) return undefined
  const key = keyOf(request)
  if (key === undefined) return undefined
  const userId = authOf(request).user.id
  const now = Date.now()
  const found = await request.server.services.idempotency.begin({
    userId,
    key,
    fingerprint: fingerprintOf(request),
    at: new Date(now),
    abandonedBefore: new Date(now - ABANDONED_MS),
    expiredBefore: new Date(now - KEEP_MS),
  })
  switch (found.state) {
    case 'new':
      request.idempotencyClaim = { userId, key }
      return undefined
    case 'in-progress':
      throw new DomainError('IDEMPOTENCY_KEY_IN_USE', 'A request with this Idempotency-Key is still being answered.')
    case 'mismatch':
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used with another request; use a new key for a new request.',
      )
    case 'done': {
      const { response } = found
      reply.code(response.statusCode).header('idempotent-replayed', 'true')
      for (const [name, value] of Object.entries(response.headers)) reply.header(name, value)
      return reply.send(response.body)
    }
  }
}

/**
 * Settles a claim in the background when the database could not take it with the answer (it went away mid-request):
 * retried until it succeeds, for as long as a claim may stay unanswered, so the client's retry gets the stored answer
 * (or runs again, for a released claim) once the database is back, instead of 409 until the claim is abandoned.
 */
function settleLater(
  pending: Set<NodeJS.Timeout>,
  request: FastifyRequest,
  what: string,
  action: () => Promise<void>,
): void {
  const giveUpAt = Date.now() + ABANDONED_MS
  const attempt = (delayMs: number) => {
    const timer = setTimeout(async () => {
      pending.delete(timer)
      try {
        await action()
        request.log.info({ idempotency: what }, 'idempotency key settled after the database came back')
      } catch {
        if (Date.now() + delayMs < giveUpAt) attempt(Math.min(delayMs * 2, SETTLE_MAX_DELAY_MS))
      }
    }, delayMs)
    timer.unref()
    pending.add(timer)
  }
  request.log.warn({ idempotency: what }, 'idempotency key not settled; retrying in the background')
  attempt(SETTLE_FIRST_DELAY_MS)
}

/** Settles a claim now, else in the background; the answer goes out either way. */
async function settle(
  pending: Set<NodeJS.Timeout>,
  request: FastifyRequest,
  what: 'complete' | 'release',
  action: () => Promise<void>,
): Promise<void> {
  try {
    await action()
  } catch {
    settleLater(pending, request, what, action)
  }
}

async function store(
  pending: Set<NodeJS.Timeout>,
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  const claimed = request.idempotencyClaim
  if (!claimed) return payload
  request.idempotencyClaim = null
  const { idempotency } = request.server.services
  const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined
  if (reply.statusCode >= 500 || body === undefined) {
    await settle(pending, request, 'release', () => idempotency.release(claimed.userId, claimed.key))
    return payload
  }
  const headers: Record<string, string> = {}
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name)
    if (value !== undefined) headers[name] = String(value)
  }
  // The request's work is done: its answer is sent even when the database cannot store it at this moment.
  const response = { statusCode: reply.statusCode, headers, body }
  await settle(pending, request, 'complete', () => idempotency.complete(claimed.userId, claimed.key, response))
  return payload
}

/** Claims the key before the handler of an `idempotent` route runs, and stores its answer as it is sent. */
export function registerIdempotency(server: FastifyInstance): void {
  server.decorateRequest('idempotencyClaim', null)
  // Claims settled in the background (see settleLater), cancelled when the server closes.
  const pending = new Set<NodeJS.Timeout>()
  server.addHook('onClose', async () => {
    for (const timer of pending) clearTimeout(timer)
    pending.clear()
  })
  server.addHook('preHandler', claim)
  server.addHook('onSend', (request, reply, payload) => store(pending, request, reply, payload))
  // A request that never reached onSend (the client went away mid-handler) lets its key go for a retry.
  server.addHook('onResponse', async (request) => {
    const claimed = request.idempotencyClaim
    if (!claimed) return
    request.idempotencyClaim = null
    await settle(pending, request, 'release', () =>
      request.server.services.idempotency.release(claimed.userId, claimed.key),
    )
  })
}
