/** Tokens and sentences for deterministic matching. Offsets are UTF-16 indexes into the original string. */
export interface Token {
  /** The text as written. */
  readonly surface: string
  /** Lower-cased and stemmed, so plurals and verb forms meet ("pipelines" = "pipeline", "managed" = "manage"). */
  readonly fold: string
  readonly start: number
  readonly end: number
}

// Words keep inner dots, plus and sharp signs ("Node.js", "C++", "C#"); a leading dot names ".NET"; "/" and "&" are
// tokens of their own so "CI/CD" and "R&D" can be matched as phrases.
const TOKEN = /[A-Za-z0-9][A-Za-z0-9+#]*(?:[.'’][A-Za-z0-9+#]+)*|\.[A-Za-z][A-Za-z0-9]*|[/&]/g

/** Lower-cases and strips common English inflections from purely alphabetic words. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'")
  if (w.endsWith("'s")) w = w.slice(0, -2)
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (/(x|ch|sh)es$/.test(w)) w = w.slice(0, -2)
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1)
  else if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3))
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2))
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1)
  return w
}

function undouble(w: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w
}

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(TOKEN)) {
    const surface = m[0]
    const start = offset + (m.index ?? 0)
    tokens.push({ surface, fold: stem(surface), start, end: start + surface.length })
  }
  return tokens
}

export interface Sentence {
  readonly text: string
  readonly start: number
}

/** Splits text into sentences and list items (bullets, line breaks, ". " boundaries), trimmed, with offsets. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = []
  const boundary = /\r?\n|[.!?;](?=\s+[A-Z0-9("'])|[.!?](?=\s*$)|\s[•·▪◦]\s|^\s*[-*•·▪◦]\s/g
  let last = 0
  const push = (end: number) => {
    const raw = text.slice(last, end)
    const lead = raw.length - raw.trimStart().length
    const body = raw.trim().replace(/^[-*•·▪◦]\s+/, '')
    if (body.length > 0) out.push({ text: body, start: last + lead + (raw.trim().length - body.length) })
  }
  for (const m of text.matchAll(boundary)) {
    const end = m.index ?? 0
    push(end)
    last = end + m[0].length
  }
  push(text.length)
  return out
}

/** Whitespace collapsed, for display and comparisons. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

const SPACE = /\s/

/** True for one character that `\s` matches. */
export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE.test(ch)
}

// Trimming by hand, not with `/[…]+$/`: a search for a trailing run retries from every character of a long run that
// is not at the end, which is quadratic in the run's length.

/** `text` without its leading white space and characters from `chars` (the `/^[\s…]+/` trim). */
export function stripStart(text: string, chars = ''): string {
  let start = 0
  while (start < text.length && (chars.includes(text[start] as string) || isSpace(text[start]))) start += 1
  return text.slice(start)
}

/** `text` without its trailing white space and characters from `chars` (the `/[\s…]+$/` trim). */
export function stripEnd(text: string, chars = ''): string {
  let end = text.length
  while (end > 0 && (chars.includes(text[end - 1] as string) || isSpace(text[end - 1]))) end -= 1
  return text.slice(0, end)
}
