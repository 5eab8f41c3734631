/**
 * How sure an import is of each field it filled, judged from the value against what the field needs (an e-mail
 * address, a phone number of a plausible length, a date range in order, a role that reads as one). The import
 * report lists these so the review step can point at what to check first; nothing here changes a value.
 */
import type { FieldCheck } from './document.types.js'
import type { JsonResume } from './json-resume.js'
import { looksLikeDegree, looksLikeJobTitle, looksLikeSchool } from './section-vocabulary.js'

/** A host name of letters, digits, dots and dashes ending in a top-level domain of letters. */
const isHost = (host: string) => /^[a-z\d.-]+$/i.test(host) && /\.[a-z]{2,}$/i.test(host)

function isEmail(value: string): boolean {
  const [local, domain, ...rest] = value.split('@')
  return rest.length === 0 && !!local && /^[\w.%+-]+$/.test(local) && !!domain && isHost(domain)
}

function isWebAddress(value: string): boolean {
  const bare = value.replace(/^https?:\/\//i, '')
  const end = bare.search(/[/?#]/)
  return isHost(end >= 0 ? bare.slice(0, end) : bare)
}
const ISO = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?$/

type Check = (path: string, confidence: FieldCheck['confidence'], reason: string) => void

function dates(check: Check, at: string, start?: string, end?: string): void {
  for (const [key, value] of [
    ['startDate', start],
    ['endDate', end],
  ] as const) {
    if (!value) continue
    if (!ISO.test(value)) check(`${at}.${key}`, 'low', 'not a date the importer could read')
    else if (start && end && ISO.test(start) && ISO.test(end) && start > end) {
      check(`${at}.${key}`, 'low', 'the start is after the end')
    } else check(`${at}.${key}`, value.length === 4 ? 'medium' : 'high', value.length === 4 ? 'year only' : 'a date')
  }
}

/** A check for every filled field of the common sections (basics, work, education, skills). */
export function fieldConfidence(resume: JsonResume): FieldCheck[] {
  const found: FieldCheck[] = []
  const check: Check = (path, confidence, reason) => found.push({ path, confidence, reason })
  const basics = resume.basics
  if (basics?.name) {
    const words = basics.name.split(' ').length
    check('basics.name', words >= 2 && words <= 5 ? 'high' : 'medium', 'the largest line at the top')
  }
  if (basics?.label) check('basics.label', 'medium', 'the line under the name')
  if (basics?.email) check('basics.email', isEmail(basics.email) ? 'high' : 'low', 'an e-mail address')
  if (basics?.phone) {
    const digits = basics.phone.replace(/\D/g, '').length
    check('basics.phone', digits >= 10 && digits <= 15 ? 'high' : 'medium', `${digits} digits`)
  }
  if (basics?.url) check('basics.url', isWebAddress(basics.url) ? 'high' : 'low', 'a web address')
  if (basics?.location?.city) {
    check('basics.location', basics.location.city.length <= 40 ? 'medium' : 'low', 'a line that reads as a place')
  }
  basics?.profiles?.forEach((profile, i) => {
    check(`basics.profiles[${i}]`, profile.url && profile.network ? 'high' : 'medium', 'a profile address')
  })
  resume.work?.forEach((job, i) => {
    const at = `work[${i}]`
    if (job.position) {
      const role = looksLikeJobTitle(job.position)
      check(
        `${at}.position`,
        role ? 'high' : 'medium',
        role ? 'reads as a role' : 'no usual job word: check it is the role',
      )
    }
    if (job.name) {
      const role = looksLikeJobTitle(job.name) && !job.position
      check(
        `${at}.name`,
        role ? 'low' : job.position ? 'high' : 'medium',
        role ? 'reads as a role, not a company' : 'the organisation',
      )
    }
    if (!job.name && job.position) check(`${at}.name`, 'low', 'no company found beside the role')
    dates(check, at, job.startDate, job.endDate)
    if (job.highlights?.length) check(`${at}.highlights`, 'high', `${job.highlights.length} items`)
  })
  resume.education?.forEach((school, i) => {
    const at = `education[${i}]`
    if (school.institution) {
      const sure = looksLikeSchool(school.institution)
      check(`${at}.institution`, sure ? 'high' : 'medium', sure ? 'names a school' : 'no usual school word')
    }
    if (school.studyType) {
      const sure = looksLikeDegree(school.studyType)
      check(`${at}.studyType`, sure ? 'high' : 'medium', sure ? 'names a degree' : 'check the degree')
    }
    if (school.area) check(`${at}.area`, 'medium', 'the subject beside the degree')
    dates(check, at, school.startDate, school.endDate)
  })
  resume.skills?.forEach((skill, i) => {
    const count = (skill.keywords?.length ?? 0) + (skill.name ? 1 : 0)
    check(`skills[${i}]`, count > 0 ? 'high' : 'low', 'a skill or group of skills')
  })
  return found
}
