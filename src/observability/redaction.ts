/**
 * One definition of what must never leave the process: credentials (authorization, cookies, passwords, tokens, api
 * keys) and the personal data of resume content (email, phone). Logs, error reports and metrics all go through it.
 */

export const REDACTED = '[REDACTED]'

/**
 * Keys whose values are secret or personal wherever they appear, at any depth. Matched at the end of the key, so
 * `currentPassword`, `x-api-key`, `accessToken` and `set-cookie` are caught, while `tokens` (a count) is not.
 */
const SENSITIVE_KEY =
  /(?:password|passwd|passphrase|secret|token|authorization|cookie|cookies|api[-_]?key|apikey|credentials?|email|phone|mobile|telephone|dsn)$/i

const EMAIL_LOCAL_CHAR = /[A-Za-z0-9._%+-]/
const EMAIL_DOMAIN = /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/y
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi
// A personal API key written anywhere in text, with or without "Bearer" before it.
const API_KEY = /\brr_live_[A-Za-z0-9_-]+/g

/**
 * `text` with every match of `/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g` replaced, found
 * from each "@" outwards: that pattern, searched, reads a long run of address characters without an "@" again from
 * each of its characters.
 */
function maskEmails(text: string): string {
  let out = ''
  let done = 0
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at
    while (start > done && EMAIL_LOCAL_CHAR.test(text[start - 1] as string)) start -= 1
    if (start === at) continue
    EMAIL_DOMAIN.lastIndex = at + 1
    const domain = EMAIL_DOMAIN.exec(text)
    if (!domain) continue
    out += text.slice(done, start) + REDACTED
    done = at + 1 + domain[0].length
  }
  return out + text.slice(done)
}

/** True when a value stored under `key` must be redacted. */
export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key)
}

const SENSITIVE_NAMES =
  'password|passwd|passphrase|secret|token|authorization|cookie|api[-_]?key|apikey|credentials?|email|phone|mobile|telephone|dsn|code|sig|signature'
// A sensitive query parameter inside a URL: `?token=…`, `&api_key=…`.
const QUERY_PARAM = new RegExp(String.raw`([?&][\w.-]*(?:${SENSITIVE_NAMES})=)[^&#\s"']*`, 'gi')
const MAYBE_SENSITIVE_TEXT = /@|bearer|basic|rr_live_|[?&][\w.-]*=/i

/** Masks emails, credentials and sensitive query parameters written inside free text (messages, URLs). */
export function scrubText(text: string): string {
  if (!MAYBE_SENSITIVE_TEXT.test(text)) return text
  return maskEmails(text)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(API_KEY, `rr_live_${REDACTED}`)
    .replace(QUERY_PARAM, `$1${REDACTED}`)
}

/**
 * A deep copy of `value` with sensitive keys redacted and free text scrubbed. Errors become plain objects with
 * name, message and stack; cycles and very deep structures are cut.
 */
export function scrubValue<T>(value: T, depth = 0, seen = new WeakSet<object>()): T {
  if (typeof value === 'string') return scrubText(value) as T
  if (value === null || typeof value !== 'object') return value
  if (depth > 12 || seen.has(value)) return '[Truncated]' as T
  seen.add(value)
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1, seen)) as T
  const source: Record<string, unknown> =
    value instanceof Error
      ? { name: value.name, message: value.message, stack: value.stack, ...(value as object) }
      : (value as Record<string, unknown>)
  const out: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(source)) {
    out[key] =
      isSensitiveKey(key) && child !== null && child !== undefined ? REDACTED : scrubValue(child, depth + 1, seen)
  }
  return out as T
}

// A JSON string value ("…" with escapes), number, boolean, null, or an array of strings. In the array, white space
// between two strings has one place in the pattern (`\s*(?:,\s*)?`), not two `\s*` it could be split between.
const JSON_STRING = String.raw`"(?:[^"\\]|\\.)*"`
const JSON_SCALAR = String.raw`${JSON_STRING}|-?\d[\d.eE+-]*|true|false|null|\[(?:\s*${JSON_STRING}(?:\s*(?:,\s*)?${JSON_STRING})*\s*,?)?\]`
const SENSITIVE_PAIR = new RegExp(
  String.raw`"([^"\\]*(?:password|passwd|passphrase|secret|token|authorization|cookie|cookies|api[-_]?key|apikey|credentials?|email|phone|mobile|telephone|dsn))"(\s*:\s*)(?:${JSON_SCALAR})`,
  'gi',
)

/**
 * Scrubs one serialized JSON log line: the last line of defence behind pino's path redaction, it catches sensitive
 * keys at any depth (resume content inside an error, a header map) and emails or bearer tokens inside any string.
 */
export function scrubJsonLine(line: string): string {
  if (
    !/password|passwd|passphrase|secret|token|authorization|cookie|key|credential|email|phone|mobile|dsn|@|bearer|basic/i.test(
      line,
    )
  ) {
    return line
  }
  return scrubText(line.replace(SENSITIVE_PAIR, `"$1"$2"${REDACTED}"`))
}
