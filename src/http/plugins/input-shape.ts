import type { FastifyInstance } from 'fastify'
import { DomainError, type FieldError } from '../../domain/errors.js'

const MAX_DEPTH = 64

/** JSON Pointers of every string (or key) holding a NUL character, which Postgres text and jsonb cannot store. */
function findNul(value: unknown, pointer: string, found: FieldError[], depth = 0): void {
  if (found.length >= 10 || depth > MAX_DEPTH) return
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push({ pointer, message: 'must not contain NUL characters' })
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) findNul(item, `${pointer}/${i}`, found, depth + 1)
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const child = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`
      if (key.includes('\u0000')) found.push({ pointer: child, message: 'must not contain NUL characters' })
      findNul(item, child, found, depth + 1)
    }
  }
}

/** Rejects NUL characters anywhere in the body, query or path with 400 VALIDATION_FAILED before any handler runs. */
export function registerNulGuard(server: FastifyInstance): void {
  server.addHook('preValidation', async (request) => {
    const found: FieldError[] = []
    findNul(request.params, '/params', found)
    findNul(request.query, '/querystring', found)
    findNul(request.body, '/body', found)
    if (found.length > 0) {
      throw new DomainError('VALIDATION_FAILED', 'The request contains NUL characters, which cannot be stored.', {
        errors: found,
      })
    }
  })
}
