import { stringify } from 'csv-stringify/sync'
import type { Application } from './application.types.js'

/** Characters that make a spreadsheet read a cell as a formula (and tab and CR, which some also strip first). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A cell as it is safe to open in a spreadsheet: text that starts like a formula gets a leading `'`, so Excel,
 * LibreOffice and Sheets show it as text instead of evaluating it (OWASP "CSV injection").
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return ''
  const cell = String(value)
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}

const COLUMNS = [
  'id',
  'status',
  'company',
  'title',
  'url',
  'jobId',
  'resumeId',
  'resumeVersion',
  'appliedAt',
  'deadline',
  'nextStepAt',
  'nextStepNote',
  'location',
  'remote',
  'salaryMin',
  'salaryMax',
  'salaryCurrency',
  'salaryPeriod',
  'contacts',
  'notes',
  'createdAt',
  'updatedAt',
] as const

function contactText(contact: Application['contacts'][number]): string {
  const details = [contact.role, contact.email, contact.phone].filter(Boolean).join(', ')
  return details ? `${contact.name} (${details})` : contact.name
}

function rowOf(application: Application): string[] {
  const { salary, nextStep } = application
  return [
    application.id,
    application.status,
    application.company,
    application.title,
    application.url,
    application.jobId,
    application.resumeId,
    application.resumeVersion,
    application.appliedAt?.toISOString(),
    application.deadline?.toISOString(),
    nextStep?.at.toISOString(),
    nextStep?.note,
    application.location,
    application.remote,
    salary?.min,
    salary?.max,
    salary?.currency,
    salary?.period,
    application.contacts.map(contactText).join('; '),
    application.notes,
    application.createdAt.toISOString(),
    application.updatedAt.toISOString(),
  ].map(csvCell)
}

/** RFC 4180 CSV (CRLF line ends, quotes where needed) with a header row; every cell guarded against formulas. */
export function applicationsCsv(applications: readonly Application[]): string {
  // With CRLF records csv-stringify quotes only cells holding the whole CRLF: a lone LF or CR must be quoted too.
  return stringify([[...COLUMNS], ...applications.map(rowOf)], { record_delimiter: 'windows', quoted_match: /[\r\n]/ })
}
