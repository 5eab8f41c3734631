/** Immutable edits of a JSON Resume document by path, and JSON Pointer (RFC 6901) helpers. */

export type Path = readonly (string | number)[]
type Json = Record<string, unknown> | unknown[]

export function pointerOf(path: Path): string {
  return path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')
}

export function pathOf(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
}

export function getIn(value: unknown, path: Path): unknown {
  let current = value
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[String(part)]
  }
  return current
}

/** A copy with `value` at `path` (undefined removes the key; empty objects and arrays are left in place). */
export function setIn<T>(root: T, path: Path, value: unknown): T {
  const [head, ...rest] = path
  if (head === undefined) return value as T
  const base: Json = Array.isArray(root)
    ? [...root]
    : { ...((root ?? (typeof head === 'number' ? [] : {})) as Record<string, unknown>) }
  const next =
    rest.length === 0 ? value : setIn(getIn(root, [head]) ?? (typeof rest[0] === 'number' ? [] : {}), rest, value)
  if (Array.isArray(base)) base[Number(head)] = next
  else if (next === undefined) delete base[String(head)]
  else base[String(head)] = next
  return base as T
}

export function arrayAt(root: unknown, path: Path): unknown[] {
  const value = getIn(root, path)
  return Array.isArray(value) ? value : []
}

/** Moves item `from` of the array at `path` to `to`. */
export function moveIn<T>(root: T, path: Path, from: number, to: number): T {
  const items = [...arrayAt(root, path)]
  if (to < 0 || to >= items.length) return root
  const [item] = items.splice(from, 1)
  items.splice(to, 0, item)
  return setIn(root, path, items)
}

export function removeIn<T>(root: T, path: Path, index: number): T {
  const items = arrayAt(root, path).filter((_, i) => i !== index)
  return setIn(root, path, items.length > 0 ? items : undefined)
}

export function appendIn<T>(root: T, path: Path, item: unknown): T {
  return setIn(root, path, [...arrayAt(root, path), item])
}

/** The element id of the input editing a pointer (the ATS report links evidence to it). */
export function fieldId(pointer: string): string {
  return `field${pointer.replaceAll('/', '.')}`
}
