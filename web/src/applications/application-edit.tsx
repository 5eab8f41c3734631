import { useState } from 'preact/hooks'
import type { ResumeSummary } from '../types.js'
import {
  type Application,
  Field,
  fromDateInput,
  fromDateTimeInput,
  type Remote,
  type SalaryPeriod,
  toDateInput,
  toDateTimeInput,
} from './application-fields.js'

/** What the edit form holds: every field as its input shows it. */
export interface EditForm {
  company: string
  title: string
  url: string
  resumeId: string
  appliedAt: string
  deadline: string
  nextAt: string
  nextNote: string
  location: string
  remote: Remote | ''
  salaryMin: string
  salaryMax: string
  currency: string
  period: SalaryPeriod
  notes: string
  contacts: { name: string; role: string; email: string; phone: string; notes?: string | undefined }[]
}

export function formOf(a: Application): EditForm {
  return {
    company: a.company,
    title: a.title,
    url: a.url ?? '',
    resumeId: a.resumeId ?? '',
    appliedAt: toDateInput(a.appliedAt),
    deadline: toDateInput(a.deadline),
    nextAt: toDateTimeInput(a.nextStep?.at),
    nextNote: a.nextStep?.note ?? '',
    location: a.location ?? '',
    remote: a.remote ?? '',
    salaryMin: a.salary?.min === undefined ? '' : String(a.salary.min),
    salaryMax: a.salary?.max === undefined ? '' : String(a.salary.max),
    currency: a.salary?.currency ?? '',
    period: a.salary?.period ?? 'year',
    notes: a.notes ?? '',
    contacts: a.contacts.map((c) => ({
      name: c.name,
      role: c.role ?? '',
      email: c.email ?? '',
      phone: c.phone ?? '',
      notes: c.notes,
    })),
  }
}

const orNull = (value: string) => (value.trim() ? value.trim() : null)
const amount = (value: string) => (value.trim() === '' ? undefined : Number(value))

/** The PATCH body for the form: every field, an emptied one as null (cleared). */
export function bodyOf(form: EditForm, application: Application) {
  const salaryGiven = form.salaryMin.trim() || form.salaryMax.trim() || form.currency.trim()
  return {
    company: form.company.trim(),
    title: form.title.trim(),
    url: orNull(form.url),
    // Keeps a pinned version while the same resume stays chosen.
    ...(form.resumeId !== (application.resumeId ?? '') && { resumeId: form.resumeId || null }),
    appliedAt: fromDateInput(form.appliedAt) ?? null,
    deadline: fromDateInput(form.deadline) ?? null,
    nextStep: form.nextAt
      ? { at: fromDateTimeInput(form.nextAt) as string, ...(form.nextNote.trim() && { note: form.nextNote.trim() }) }
      : null,
    location: orNull(form.location),
    remote: form.remote || null,
    salary: salaryGiven
      ? {
          ...(amount(form.salaryMin) !== undefined && { min: amount(form.salaryMin) }),
          ...(amount(form.salaryMax) !== undefined && { max: amount(form.salaryMax) }),
          currency: form.currency.trim(),
          period: form.period,
        }
      : null,
    notes: form.notes.trim() ? form.notes : null,
    contacts: form.contacts.map((c) => ({
      name: c.name,
      ...(c.role.trim() && { role: c.role.trim() }),
      ...(c.email.trim() && { email: c.email.trim() }),
      ...(c.phone.trim() && { phone: c.phone.trim() }),
      ...(c.notes?.trim() && { notes: c.notes }),
    })),
  }
}

interface Props {
  form: EditForm
  onForm: (form: EditForm) => void
  resumes: readonly ResumeSummary[]
  problems: Map<string, string>
}

/** Every field of an application but its status, each with what the service said about it. */
export function ApplicationFields({ form, onForm, resumes, problems }: Props) {
  const set = <K extends keyof EditForm>(key: K, value: EditForm[K]) => onForm({ ...form, [key]: value })
  const text = (
    key: keyof EditForm,
    id: string,
    label: string,
    type = 'text',
    hint?: string,
    pointer: string = key,
  ) => (
    <Field id={id} label={label} problem={problems.get(pointer)} hint={hint}>
      {(describedBy, invalid) => (
        <input
          id={id}
          type={type as 'text'}
          value={form[key] as string}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onInput={(e) => set(key, e.currentTarget.value as never)}
        />
      )}
    </Field>
  )
  const [contactFocus, setContactFocus] = useState<number | null>(null)
  const setContact = (index: number, key: 'name' | 'role' | 'email' | 'phone', value: string) =>
    set(
      'contacts',
      form.contacts.map((c, i) => (i === index ? { ...c, [key]: value } : c)),
    )

  return (
    <>
      <div class="grid">
        {text('company', 'edit-company', 'Company')}
        {text('title', 'edit-title', 'Job title')}
        {text('url', 'edit-url', 'Posting address', 'url')}
        <Field id="edit-resume" label="Resume sent" problem={problems.get('resumeId') ?? problems.get('resumeVersion')}>
          {(describedBy, invalid) => (
            <select
              id="edit-resume"
              value={form.resumeId}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => set('resumeId', e.currentTarget.value)}
            >
              <option value="">None</option>
              {resumes.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('appliedAt', 'edit-applied', 'Applied on', 'date')}
        {text('deadline', 'edit-deadline', 'Deadline', 'date')}
        {text('location', 'edit-location', 'Location')}
        <Field id="edit-remote" label="Where the work is" problem={problems.get('remote')}>
          {(describedBy, invalid) => (
            <select
              id="edit-remote"
              value={form.remote}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => set('remote', e.currentTarget.value as Remote | '')}
            >
              <option value="">Not said</option>
              <option value="onsite">On site</option>
              <option value="hybrid">Hybrid</option>
              <option value="remote">Remote</option>
            </select>
          )}
        </Field>
      </div>
      <fieldset>
        <legend>Next step</legend>
        <div class="grid">
          <Field id="edit-next-at" label="When" problem={problems.get('nextStep/at') ?? problems.get('nextStep')}>
            {(describedBy, invalid) => (
              <input
                id="edit-next-at"
                type="datetime-local"
                value={form.nextAt}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onInput={(e) => set('nextAt', e.currentTarget.value)}
              />
            )}
          </Field>
          {text('nextNote', 'edit-next-note', 'What', 'text', 'Kept only with a date and time.', 'nextStep/note')}
        </div>
      </fieldset>
      <fieldset>
        <legend>Salary</legend>
        <div class="grid salary-grid">
          {text('salaryMin', 'edit-salary-min', 'From', 'number', undefined, 'salary/min')}
          <Field id="edit-salary-max" label="To" problem={problems.get('salary/max')}>
            {(describedBy, invalid) => (
              <input
                id="edit-salary-max"
                type="number"
                value={form.salaryMax}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onInput={(e) => set('salaryMax', e.currentTarget.value)}
              />
            )}
          </Field>
          <Field
            id="edit-currency"
            label="Currency"
            problem={problems.get('salary/currency') ?? problems.get('salary')}
            hint="Three letters, like EUR"
          >
            {(describedBy, invalid) => (
              <input
                id="edit-currency"
                value={form.currency}
                maxLength={3}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onInput={(e) => set('currency', e.currentTarget.value.toUpperCase())}
              />
            )}
          </Field>
          <Field id="edit-period" label="Per" problem={problems.get('salary/period')}>
            {(describedBy, invalid) => (
              <select
                id="edit-period"
                value={form.period}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => set('period', e.currentTarget.value as SalaryPeriod)}
              >
                <option value="hour">hour</option>
                <option value="day">day</option>
                <option value="week">week</option>
                <option value="month">month</option>
                <option value="year">year</option>
              </select>
            )}
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>Contacts</legend>
        {form.contacts.length === 0 && <p class="empty">No contacts yet.</p>}
        {form.contacts.map((contact, index) => {
          const fields = [
            ['name', 'Name'],
            ['role', 'Role'],
            ['email', 'Email'],
            ['phone', 'Phone'],
          ] as const
          return (
            <div key={index} class="contact-row">
              <div class="grid">
                {fields.map(([key, label]) => {
                  const id = `edit-contact-${index}-${key}`
                  return (
                    <Field
                      key={key}
                      id={id}
                      label={`${label} (contact ${index + 1})`}
                      problem={problems.get(`contacts/${index}/${key}`)}
                    >
                      {(describedBy, invalid) => (
                        <input
                          id={id}
                          type={(key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text') as 'text'}
                          value={contact[key]}
                          ref={(el) => {
                            if (el && key === 'name' && contactFocus === index) {
                              el.focus()
                              setContactFocus(null)
                            }
                          }}
                          aria-describedby={describedBy}
                          aria-invalid={invalid}
                          onInput={(e) => setContact(index, key, e.currentTarget.value)}
                        />
                      )}
                    </Field>
                  )
                })}
              </div>
              <button
                type="button"
                class="danger small"
                onClick={() =>
                  set(
                    'contacts',
                    form.contacts.filter((_, i) => i !== index),
                  )
                }
              >
                Remove contact {index + 1}
              </button>
            </div>
          )
        })}
        <button
          type="button"
          class="secondary small"
          disabled={form.contacts.length >= 20}
          onClick={() => {
            set('contacts', [...form.contacts, { name: '', role: '', email: '', phone: '' }])
            setContactFocus(form.contacts.length)
          }}
        >
          Add contact
        </button>
      </fieldset>
      <Field id="edit-notes" label="Notes" problem={problems.get('notes')}>
        {(describedBy, invalid) => (
          <textarea
            id="edit-notes"
            rows={5}
            value={form.notes}
            maxLength={10000}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => set('notes', e.currentTarget.value)}
          />
        )}
      </Field>
    </>
  )
}
