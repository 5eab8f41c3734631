import { DomainError } from '../errors.js'

/** Opaque list cursors: base64url JSON, checked on the way back in. */
export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
  } catch {
    // fall through to the error below
  }
  throw invalidCursor()
}

export function invalidCursor(): DomainError {
  return new DomainError('VALIDATION_FAILED', 'The cursor is not one this service issued.', {
    errors: [{ pointer: '/querystring/cursor', message: 'is not a valid cursor' }],
  })
}
