import { pathOf } from './editor/json.js'

/** A value as a person reads it: text as is, lists as bullets, objects as "field: value" lines. */
export function readableValue(value: unknown, indent = ''): string {
  if (value === undefined || value === null) return ''
  if (typeof value !== 'object') return String(value)
  if (Array.isArray(value)) {
    return value.map((item) => `${indent}• ${readableValue(item, `${indent}  `).trimStart()}`).join('\n')
  }
  return Object.entries(value as Record<string, unknown>)
    .map(([key, item]) =>
      typeof item === 'object' && item !== null
        ? `${indent}${key}:\n${readableValue(item, `${indent}  `)}`
        : `${indent}${key}: ${String(item)}`,
    )
    .join('\n')
}

/** "/work/0/highlights/1" → "work 1 › highlights 2". */
export function readablePath(pointer: string): string {
  const parts: string[] = []
  for (const part of pathOf(pointer)) {
    // A position belongs to the list before it, counted from 1.
    if (/^\d+$/.test(part) && parts.length > 0) parts[parts.length - 1] += ` ${Number(part) + 1}`
    else parts.push(part)
  }
  return parts.join(' › ')
}
