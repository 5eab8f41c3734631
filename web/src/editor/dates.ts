/**
 * Dates as people write them ("May 2017", "05/2017", "Sept 2019", "2017-5", "present") read into JSON Resume
 * dates ("2017-05", "2017", "2017-05-04"; empty for an end date that is now). Pure, so it is tested without a page.
 */

export type DateReading =
  /** `value` is the JSON Resume date, undefined for an empty field or "present". */
  { readonly ok: true; readonly value: string | undefined } | { readonly ok: false; readonly message: string }

const MONTHS = [
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
const PRESENT = new Set(['present', 'current', 'currently', 'now', 'today', 'ongoing'])

/** Said at a field holding a date that cannot be read. */
export const UNREADABLE_DATE = 'Write the date like “May 2017”, “05/2017” or “2017”.'

const pad = (n: number) => String(n).padStart(2, '0')

/** 1–12 for a month's name or abbreviation ("Sept", "september", "Sep."), else undefined. */
function monthOfName(word: string): number | undefined {
  const name = word.toLowerCase().replace(/\.$/, '')
  if (name.length < 3) return undefined
  // "Sept" and "june" begin their month's name; "mayday" does not.
  const index = MONTHS.findIndex((month) => month.startsWith(name))
  return index < 0 ? undefined : index + 1
}

function dateOf(year: number, month?: number, day?: number): DateReading {
  if (year < 1000 || year > 2999) return { ok: false, message: 'Give a four-digit year, like 2017.' }
  if (month === undefined) return { ok: true, value: String(year) }
  if (month < 1 || month > 12) return { ok: false, message: 'The month must be from 1 to 12.' }
  if (day === undefined) return { ok: true, value: `${year}-${pad(month)}` }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day < 1 || day > daysInMonth) return { ok: false, message: `That month has days 1 to ${daysInMonth}.` }
  return { ok: true, value: `${year}-${pad(month)}-${pad(day)}` }
}

/** Reads a date as typed. "present" and its kin are accepted only where `endDate` says an open end is meant. */
export function readDate(text: string, { endDate = false }: { endDate?: boolean } = {}): DateReading {
  const typed = text.trim().replace(/\s+/g, ' ')
  if (typed === '') return { ok: true, value: undefined }
  if (PRESENT.has(typed.toLowerCase())) {
    return endDate
      ? { ok: true, value: undefined }
      : { ok: false, message: '“Present” only fits an end date; give the date this began.' }
  }
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(typed)
  if (m)
    return dateOf(
      Number(m[1]),
      m[2] === undefined ? undefined : Number(m[2]),
      m[3] === undefined ? undefined : Number(m[3]),
    )
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(typed)
  if (m) return dateOf(Number(m[2]), Number(m[1]))
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/.test(typed)) {
    return { ok: false, message: 'Day and month could be either way round: write it as 2017-05-04, or “May 2017”.' }
  }
  const words = typed.replace(/,/g, ' ').trim().split(/\s+/)
  // "May 2017", "2017 May", "4 May 2017", "May 4 2017", "May 4th, 2017"
  const [a = '', b = '', c] = words.map((w) => w.replace(/(st|nd|rd|th)$/i, ''))
  if (words.length === 2) {
    if (/^\d{4}$/.test(b) && monthOfName(a)) return dateOf(Number(b), monthOfName(a))
    if (/^\d{4}$/.test(a) && monthOfName(b)) return dateOf(Number(a), monthOfName(b))
  }
  if (words.length === 3 && c !== undefined && /^\d{4}$/.test(c)) {
    if (/^\d{1,2}$/.test(a) && monthOfName(b)) return dateOf(Number(c), monthOfName(b), Number(a))
    if (/^\d{1,2}$/.test(b) && monthOfName(a)) return dateOf(Number(c), monthOfName(a), Number(b))
  }
  return { ok: false, message: UNREADABLE_DATE }
}
