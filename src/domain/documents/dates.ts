/** JSON Resume dates (ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD) shown as people write them, and read back. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const LONG_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

export const PRESENT = 'Present'

/** `2020` → `2020`, `2020-03` → `Mar 2020`, `2020-03-07` → `Mar 7, 2020`; anything else is shown as given. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso.trim())
  if (!m) return iso
  const [, year, month, day] = m
  if (!month) return year as string
  const name = MONTHS[Number(month) - 1]
  if (!name) return iso
  return day ? `${name} ${Number(day)}, ${year}` : `${name} ${year}`
}

/** `Mar 2020 – Present`; only one side when only one is known. */
export function formatDateRange(start: string | undefined, end: string | undefined): string {
  if (start && end) return `${formatDate(start)} – ${formatDate(end)}`
  if (start) return `${formatDate(start)} – ${PRESENT}`
  return end ? formatDate(end) : ''
}

const MONTH_WORD = `(?:${LONG_MONTHS.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?`).join('|')}|sept)\\.?`
// Month words with a day or a comma (`Mar 7, 2020`, `Feb, 2022`), ISO, `03/2020`, `2020/03`, `03.2020`, a year.
const DATE_TOKEN = `(?:${MONTH_WORD}\\s+\\d{1,2},\\s*\\d{4}|${MONTH_WORD},?\\s+\\d{4}|\\d{4}-\\d{2}(?:-\\d{2})?|\\d{4}/\\d{1,2}(?!\\d)|\\d{1,2}[/.]\\d{4}|\\d{4})`
const END_TOKEN = `(?:${DATE_TOKEN}|present|current|now|today|ongoing)`
/** A date or a date range anywhere in a line. */
export const DATE_RANGE_PATTERN = new RegExp(
  `(?:(since|from) )?(${DATE_TOKEN})(?:\\s*(?:–|—|-|to|until)\\s*(${END_TOKEN}))?`,
  'i',
)

/** Reads one date as written (`Mar 2020`, `March 7, 2020`, `03/2020`, `2020-03`, `2020`) into ISO 8601. */
export function parseDate(text: string): string | undefined {
  const t = text.trim().toLowerCase().replace(/\.$/, '')
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(t)
  if (m) return t
  m = /^(\d{1,2})[/.](\d{4})$/.exec(t)
  if (m) return monthOf(m[2] as string, m[1] as string)
  m = /^(\d{4})\/(\d{1,2})$/.exec(t)
  if (m) return monthOf(m[1] as string, m[2] as string)
  m = /^([a-z]+)\.?,?\s+(?:(\d{1,2}),\s*)?(\d{4})$/.exec(t)
  if (m) {
    const word = m[1] as string
    const index = LONG_MONTHS.findIndex((name) => name.startsWith(word.slice(0, 3)))
    if (index < 0) return undefined
    const month = String(index + 1).padStart(2, '0')
    return m[2] ? `${m[3]}-${month}-${String(m[2]).padStart(2, '0')}` : `${m[3]}-${month}`
  }
  return undefined
}

function monthOf(year: string, month: string): string | undefined {
  const n = Number(month)
  return n >= 1 && n <= 12 ? `${year}-${String(n).padStart(2, '0')}` : undefined
}

export interface FoundDateRange {
  startDate?: string
  endDate?: string
  /** True when the range ends with Present/Current. */
  current: boolean
  /** The matched text, to remove from the line. */
  text: string
}

/** The first date or date range in a line; a lone date counts as the end (a graduation, an award). */
export function findDateRange(line: string, loneDateIs: 'start' | 'end' = 'end'): FoundDateRange | undefined {
  const m = DATE_RANGE_PATTERN.exec(line)
  if (!m) return undefined
  const first = parseDate(m[2] as string)
  if (!first) return undefined
  if (m[1] !== undefined && m[3] === undefined) {
    // "since 2019", "from 03/2019": a start that has not ended.
    return { startDate: first, current: true, text: m[0] }
  }
  if (m[3] === undefined) {
    return loneDateIs === 'start'
      ? { startDate: first, current: false, text: m[0] }
      : { endDate: first, current: false, text: m[0] }
  }
  const endDate = parseDate(m[3])
  return endDate
    ? { startDate: first, endDate, current: false, text: m[0] }
    : { startDate: first, current: true, text: m[0] }
}
