/**
 * Full-text search over a resume's title and working content (the draft, else the head version): the words of a
 * query, each of which must begin a word of the title or of any text in the content. PostgreSQL answers it with
 * `tsvector`/`tsquery` (prefix matching on the `simple` configuration); the memory store with `matchesSearch`.
 */

/** Most words a query is read for; further words are ignored. */
export const SEARCH_MAX_WORDS = 8

const WORD = /[\p{L}\p{N}]+/gu

/** The distinct lower-case words of a query, letters and digits only (safe to put into a tsquery); [] for none. */
export function searchWords(query: string | undefined): string[] {
  if (!query) return []
  return [...new Set(query.toLowerCase().match(WORD) ?? [])].slice(0, SEARCH_MAX_WORDS)
}

function collectText(value: unknown, into: string[], depth = 0): void {
  if (typeof value === 'string') into.push(value)
  else if (depth < 32 && Array.isArray(value)) for (const item of value) collectText(item, into, depth + 1)
  else if (depth < 32 && value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collectText(item, into, depth + 1)
  }
}

/** True when every word begins some word of the title or of a string in the content (memory stores). */
export function matchesSearch(title: string, content: unknown, words: readonly string[]): boolean {
  if (words.length === 0) return true
  const texts = [title]
  collectText(content, texts)
  const found = new Set(texts.join(' ').toLowerCase().match(WORD) ?? [])
  return words.every((word) => [...found].some((candidate) => candidate.startsWith(word)))
}

/** The words as a tsquery: every word, each as a prefix (`ada:* & love:*`). */
export function toPrefixTsquery(words: readonly string[]): string {
  return words.map((word) => `${word}:*`).join(' & ')
}
