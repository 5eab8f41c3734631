import { invalidCursor, isCursorInstant } from '../resumes/cursor.js'
import {
  APPLICATION_SORTS,
  APPLICATION_STATUSES,
  APPLICATION_TEXT_MAX_LENGTH,
  type Application,
  type ApplicationCursor,
  type ApplicationSort,
  sortKeyOf,
} from './application.types.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The cursor after `application` in a list sorted by `sort`: base64url JSON `{ s, k, i }`. */
export function encodeApplicationCursor(application: Application, sort: ApplicationSort): string {
  const key = sortKeyOf(application, sort)
  const k = key instanceof Date ? key.toISOString() : key
  return Buffer.from(JSON.stringify({ s: sort, k, i: application.id }), 'utf8').toString('base64url')
}

/** Whether `key` is what a cursor of `sort` carries (the list queries bind it straight into SQL). */
function isKeyOf(sort: ApplicationSort, key: unknown): boolean {
  switch (sort) {
    case 'updated':
      return isCursorInstant(key)
    case 'deadline':
      return key === null || isCursorInstant(key)
    case 'company':
      return typeof key === 'string' && key.length <= APPLICATION_TEXT_MAX_LENGTH
    case 'status':
      return Number.isInteger(key) && (key as number) >= 0 && (key as number) < APPLICATION_STATUSES.length
  }
}

/**
 * The position a cursor names; throws VALIDATION_FAILED (`/querystring/cursor`) unless it is one this service issued
 * for the same sort.
 */
export function decodeApplicationCursor(cursor: string, sort: ApplicationSort): ApplicationCursor {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalidCursor()
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidCursor()
  const { s, k, i, ...rest } = value as Record<string, unknown>
  if (Object.keys(rest).length > 0 || s !== sort || !APPLICATION_SORTS.includes(sort)) throw invalidCursor()
  if (typeof i !== 'string' || !UUID.test(i) || !isKeyOf(sort, k)) throw invalidCursor()
  const key =
    (sort === 'updated' || sort === 'deadline') && typeof k === 'string' ? new Date(k) : (k as string | number | null)
  return { sort, key, id: i }
}
