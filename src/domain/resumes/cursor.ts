import { DomainError } from '../errors.js'

/**
 * Opaque list cursors: base64url JSON, checked on the way back in. A cursor arrives from the client, so each field
 * is held to what this service writes into it (the list queries bind them straight into SQL):
 * `c` an instant (ISO 8601, UTC, milliseconds) between 1970 and 9999, `i` a UUID, `n` a version number (positive
 * int32). Anything else, an unknown field included, is 400 VALIDATION_FAILED naming the `cursor` query parameter.
 */
export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')
}

const MAX_INT32 = 2_147_483_647
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const EARLIEST = Date.UTC(1970, 0, 1)
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

/**
 * Whether `value` is an instant as `Date#toISOString` writes it for a creation time: four-digit year, a real
 * calendar date, between 1970 and 9999. Far-past and far-future dates JavaScript accepts (years -271821 to +275760)
 * are out: the databases cannot bind them.
 */
export function isCursorInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return false
  const time = Date.parse(value)
  return time >= EARLIEST && time <= LATEST && new Date(time).toISOString() === value
}

const FIELDS: Readonly<Record<string, (value: unknown) => boolean>> = {
  c: isCursorInstant,
  i: (value) => typeof value === 'string' && UUID.test(value),
  n: (value) => Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= MAX_INT32,
}

/** The cursor's fields; throws VALIDATION_FAILED (pointer `/querystring/cursor`) unless every field is well formed. */
export function decodeCursor(cursor: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalidCursor()
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidCursor()
  const fields = Object.entries(value)
  if (fields.length === 0 || !fields.every(([key, field]) => Object.hasOwn(FIELDS, key) && FIELDS[key]?.(field))) {
    throw invalidCursor()
  }
  return value as Record<string, unknown>
}

export function invalidCursor(): DomainError {
  return new DomainError('VALIDATION_FAILED', 'The cursor is not one this service issued.', {
    errors: [{ pointer: '/querystring/cursor', message: 'is not a valid cursor' }],
  })
}
