import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'

/** Cache lifetimes of what the service sends (CDN-friendly; API data defaults to no-store). */
export const CACHE_CONTROL = {
  templates: 'public, max-age=3600',
  images: 'public, max-age=86400',
  hashedStatic: 'public, max-age=31536000, immutable',
  api: 'no-store',
} as const

/** A strong ETag of a response body. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

/** True when If-None-Match names this ETag (or `*`): answer 304 without a body. */
export function notModified(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match']
  if (!header) return false
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag)
}

/** Sets Cache-Control and ETag; returns true (and sends 304) when the client's copy is current. */
export function sendCached(request: FastifyRequest, reply: FastifyReply, body: string, cacheControl: string): boolean {
  const etag = etagOf(body)
  reply.header('cache-control', cacheControl).header('etag', etag)
  if (!notModified(request, etag)) return false
  reply.code(304).send()
  return true
}
