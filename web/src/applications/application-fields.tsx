/** What the applications screens share: the statuses in board order, dates as inputs hold them, field problems. */

import type { ComponentChildren } from 'preact'
import type { components } from '../api/schema.js'
import { ApiError } from '../api.js'
import { readableProblem } from '../editor/field-problems.js'

export type Application = components['schemas']['Application']
export type ApplicationStatus = Application['status']
export type StatusChange = Application['history'][number]
export type Contact = Application['contacts'][number]
export type SalaryPeriod = NonNullable<Application['salary']>['period']
export type Remote = NonNullable<Application['remote']>

/** The statuses in the board's order, each with the name a person reads. */
export const STATUSES: readonly (readonly [ApplicationStatus, string])[] = [
  ['saved', 'Saved'],
  ['applied', 'Applied'],
  ['interviewing', 'Interviewing'],
  ['offer', 'Offer'],
  ['accepted', 'Accepted'],
  ['rejected', 'Rejected'],
  ['withdrawn', 'Withdrawn'],
]

export function statusName(status: ApplicationStatus): string {
  return STATUSES.find(([s]) => s === status)?.[1] ?? status
}

/** The If-Match value for an application, as its schema defines the ETag: "r<revision>". */
export function ifMatch(application: Pick<Application, 'revision'>): Record<string, string> {
  return { 'if-match': `"r${application.revision}"` }
}

/** A PATCH the service refused because the application changed since it was read. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 412 || error.code === 'APPLICATION_VERSION_CONFLICT')
}

/** "2025-07-01T21:59:59.000Z" → "2025-07-01" in the person's time zone, for a date input. */
export function toDateInput(iso: string | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** A date input's day as the end of that day in the person's time zone (a deadline lasts the whole day). */
export function fromDateInput(value: string): string | undefined {
  return value ? new Date(`${value}T23:59:59`).toISOString() : undefined
}

/** An instant as a datetime-local input holds it. */
export function toDateTimeInput(iso: string | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${toDateInput(iso)}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function fromDateTimeInput(value: string): string | undefined {
  return value ? new Date(value).toISOString() : undefined
}

export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' })
}

/**
 * The problems of a refused request by field, keyed by the pointer without `/body` ("/body/salary/max" →
 * "salary/max"); problems the form shows nowhere stay in the error's own message.
 */
export function problemsByField(error: unknown): Map<string, string> {
  const byField = new Map<string, string>()
  if (!(error instanceof ApiError) || error.status !== 400) return byField
  for (const { pointer, message } of error.problem.errors ?? []) {
    const field = pointer.replace(/^\/body\/?/, '')
    const words = message.replace('without a jobId', 'unless you pick a saved job')
    if (field && !byField.has(field)) byField.set(field, readableProblem(pointer, words))
  }
  return byField
}

interface FieldProps {
  /** The input's id, also naming its problem's id. */
  id: string
  label: string
  /** What the service said about this field, in words, if anything. */
  problem?: string | undefined
  hint?: string
  children: (describedBy: string | undefined, invalid: 'true' | undefined) => ComponentChildren
}

/** A label, its control, and the service's problem with it said beside it and tied to it by aria-describedby. */
export function Field({ id, label, problem, hint, children }: FieldProps) {
  const problemId = problem ? `${id}-problem` : undefined
  const hintId = hint ? `${id}-hint` : undefined
  const describedBy = [problemId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children(describedBy, problem ? 'true' : undefined)}
      {problem && (
        <span id={problemId} class="field-problem">
          {label.replace(/ \(.*\)$/, '')} {problem}.
        </span>
      )}
      {hint && (
        <span id={hintId} class="hint">
          {hint}
        </span>
      )}
    </div>
  )
}
