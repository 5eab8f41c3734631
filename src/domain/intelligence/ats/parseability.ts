import type { ParseabilityIssue, Severity } from './ats.types.js'
import { monthIndex } from './dates.js'
import { asArray, asObject, asString } from './resume-fields.js'

const PRONOUN = /\b(I|me|my|mine|myself|we|our|ours|We|Our|My|Me)\b/
const NUMBER = /\d|%|\b(one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?)\b/i
const LONG_BULLET_CHARS = 200
const LONG_BULLET_WORDS = 35
const DATED_SECTIONS = ['work', 'volunteer', 'education', 'projects'] as const

const PENALTY: Record<Severity, number> = { error: 15, warning: 5, info: 1 }

/**
 * How well an applicant tracking system can read the resume, independent of any posting: contact details,
 * standard sections, dates, bullet length, pronouns, quantified results. Issues come in document order.
 */
export function checkParseability(resume: Record<string, unknown>): { score: number; issues: ParseabilityIssue[] } {
  const issues: ParseabilityIssue[] = []
  const add = (code: string, severity: Severity, pointer: string, message: string) =>
    issues.push({ code, severity, pointer, message })

  const basics = asObject(resume.basics)
  if (!asString(basics.name)) add('MISSING_NAME', 'error', '/basics/name', 'Add your full name at the top.')
  const email = asString(basics.email)
  if (!email) add('MISSING_EMAIL', 'error', '/basics/email', 'Add an email address so recruiters can reach you.')
  else if (!looksLikeEmail(email.trim()))
    add('INVALID_EMAIL', 'warning', '/basics/email', 'The email address does not look valid.')
  if (!asString(basics.phone)) add('MISSING_PHONE', 'warning', '/basics/phone', 'Add a phone number.')
  const location = asObject(basics.location)
  if (!asString(location.city) && !asString(location.region) && !asString(location.countryCode)) {
    add('MISSING_LOCATION', 'info', '/basics/location', 'Add a city or region; many searches filter on location.')
  }
  if (!asString(basics.summary))
    add('MISSING_SUMMARY', 'info', '/basics/summary', 'Add a short summary aimed at the role.')

  if (asArray(resume.work).length === 0) add('MISSING_WORK_SECTION', 'error', '/work', 'Add a work experience section.')
  if (asArray(resume.education).length === 0) {
    add('MISSING_EDUCATION_SECTION', 'warning', '/education', 'Add an education section.')
  }
  if (asArray(resume.skills).length === 0) add('MISSING_SKILLS_SECTION', 'warning', '/skills', 'Add a skills section.')

  for (const section of DATED_SECTIONS) {
    asArray(resume[section]).forEach((raw, i) => {
      const entry = asObject(raw)
      const base = `/${section}/${i}`
      const start = asString(entry.startDate)
      const end = asString(entry.endDate)
      if (section === 'work' && !start)
        add('MISSING_DATE', 'warning', `${base}/startDate`, 'Add the month you started.')
      const startMonth = start === undefined ? undefined : monthIndex(start)
      const endMonth = end === undefined ? undefined : monthIndex(end)
      if (start !== undefined && startMonth === undefined) {
        add('UNPARSEABLE_DATE', 'error', `${base}/startDate`, `"${start}" is not a date; write it as YYYY-MM.`)
      }
      if (end !== undefined && endMonth === undefined) {
        add('UNPARSEABLE_DATE', 'error', `${base}/endDate`, `"${end}" is not a date; write it as YYYY-MM.`)
      }
      if (startMonth !== undefined && endMonth !== undefined && endMonth < startMonth) {
        add('REVERSED_DATES', 'error', `${base}/endDate`, 'The end date is before the start date.')
      }
    })
  }

  let bullets = 0
  let quantified = 0
  asArray(resume.work).forEach((raw, i) => {
    const entry = asObject(raw)
    const summary = asString(entry.summary)
    if (summary && PRONOUN.test(summary)) {
      add('FIRST_PERSON_PRONOUN', 'warning', `/work/${i}/summary`, 'Drop first-person pronouns ("I", "my", "we").')
    }
    const highlights = asArray(entry.highlights)
    if (highlights.length === 0 && !summary) {
      add('NO_HIGHLIGHTS', 'warning', `/work/${i}/highlights`, 'Describe what you achieved in this role.')
    }
    highlights.forEach((h, j) => {
      const text = asString(h)
      if (!text) return
      bullets += 1
      if (NUMBER.test(text)) quantified += 1
      const pointer = `/work/${i}/highlights/${j}`
      const words = text.trim().split(/\s+/).length
      if (text.length > LONG_BULLET_CHARS || words > LONG_BULLET_WORDS) {
        add(
          'LONG_BULLET',
          'warning',
          pointer,
          `This bullet has ${words} words; keep bullets under ${LONG_BULLET_WORDS}.`,
        )
      } else if (words < 4) {
        add('SHORT_BULLET', 'info', pointer, 'This bullet is very short; say what you did and what it achieved.')
      }
      if (PRONOUN.test(text))
        add('FIRST_PERSON_PRONOUN', 'warning', pointer, 'Drop first-person pronouns ("I", "my", "we").')
    })
  })
  const summary = asString(basics.summary)
  if (summary && PRONOUN.test(summary)) {
    add('FIRST_PERSON_PRONOUN', 'info', '/basics/summary', 'Summaries read better without "I" and "my".')
  }
  if (bullets > 0 && quantified / bullets < 0.3) {
    add(
      'FEW_QUANTIFIED_RESULTS',
      'warning',
      '/work',
      `${quantified} of ${bullets} bullets carry a number; quantify results (%, money, time, volume).`,
    )
  }

  const score = Math.max(0, 100 - issues.reduce((sum, issue) => sum + PENALTY[issue.severity], 0))
  return { score, issues }
}

/**
 * What `/^[^\s@]+@[^\s@]+\.[^\s@]+$/` accepts: one "@" with text on both sides, no white space, and a dot inside the
 * domain (not its first or last character). Checked by hand: that pattern backtracks over every dot of a long
 * domain that then fails.
 */
export function looksLikeEmail(text: string): boolean {
  const at = text.indexOf('@')
  if (at < 1 || text.includes('@', at + 1) || /\s/.test(text)) return false
  return text.slice(at + 2, -1).includes('.')
}
