/** A JSON Resume document seen as a list of text fields, each with its JSON Pointer. */
export interface ResumeField {
  readonly pointer: string
  readonly text: string
  /** The section the field lives in (`work`, `skills`, `basics`, …). */
  readonly section: string
}

type Json = unknown

function escapeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1')
}

const SKIP_KEYS = new Set([
  'url',
  'image',
  'email',
  'phone',
  'startDate',
  'endDate',
  'date',
  'releaseDate',
  'countryCode',
  'postalCode',
  'meta',
  'username',
  'network',
  'score',
])

/** Every string in the document that a reader could take a skill from, in document order. */
export function resumeFields(resume: Record<string, Json>): ResumeField[] {
  const fields: ResumeField[] = []
  const walk = (value: Json, pointer: string, section: string, key: string | undefined) => {
    if (typeof value === 'string') {
      if (value.trim() && !(key && SKIP_KEYS.has(key))) fields.push({ pointer, text: value, section })
      return
    }
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, `${pointer}/${i}`, section, key)
      return
    }
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, Json>)) {
        if (k === '$schema' || k === 'meta') continue
        walk(v, `${pointer}/${escapeSegment(k)}`, section || k, k)
      }
    }
  }
  walk(resume, '', '', undefined)
  return fields
}

/** The value at a JSON Pointer (RFC 6901), or undefined. */
export function resolvePointer(document: Json, pointer: string): Json {
  if (pointer === '') return document
  let current: Json = document
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    if (Array.isArray(current)) current = current[Number(segment)]
    else if (current && typeof current === 'object') current = (current as Record<string, Json>)[segment]
    else return undefined
  }
  return current
}

export function asObject(value: Json): Record<string, Json> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Json>) : {}
}

export function asArray(value: Json): Json[] {
  return Array.isArray(value) ? value : []
}

export function asString(value: Json): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined
}
