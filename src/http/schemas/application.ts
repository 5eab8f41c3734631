import { type Static, Type } from '@sinclair/typebox'
import {
  APPLICATION_CONTACTS_MAX,
  APPLICATION_LIST_MAX_LIMIT,
  APPLICATION_NOTE_MAX_LENGTH,
  APPLICATION_NOTES_MAX_LENGTH,
  APPLICATION_SALARY_MAX,
  APPLICATION_SORTS,
  APPLICATION_STATUSES,
  APPLICATION_TEXT_MAX_LENGTH,
  APPLICATION_URL_MAX_LENGTH,
  type Application,
  REMOTE_POLICIES,
  SALARY_PERIODS,
} from '../../domain/applications/application.types.js'
import { type Equals, Literals, Nullable, type Wire } from './wire.js'

const Id = Type.String({ format: 'uuid' })
const DateTime = Type.String({ format: 'date-time', maxLength: 40 })
const Status = Literals(APPLICATION_STATUSES, {
  description: 'saved, applied, interviewing, offer, accepted, rejected or withdrawn (the board order)',
})
const Remote = Literals(REMOTE_POLICIES)
const Text = (maxLength: number, description?: string) =>
  Type.String({ maxLength, ...(description !== undefined && { description }) })
const Line = (description?: string) =>
  Type.String({
    minLength: 1,
    maxLength: APPLICATION_TEXT_MAX_LENGTH,
    pattern: '\\S',
    ...(description && { description }),
  })
const Url = Type.String({ format: 'uri', maxLength: APPLICATION_URL_MAX_LENGTH, pattern: '^https?://' })
const ResumeVersion = Type.Integer({
  minimum: 1,
  maximum: 2_147_483_647,
  description: 'Pins a committed version of the resume (404 VERSION_NOT_FOUND when it has none such)',
})

const ContactInput = Type.Object(
  {
    name: Line(),
    role: Type.Optional(Text(APPLICATION_TEXT_MAX_LENGTH)),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
    phone: Type.Optional(Type.String({ maxLength: 50, pattern: '^[0-9+()./\\- x]*$' })),
    notes: Type.Optional(Text(APPLICATION_NOTE_MAX_LENGTH)),
  },
  { additionalProperties: false },
)
const Amount = Type.Number({ minimum: 0, maximum: APPLICATION_SALARY_MAX })
const SalaryInput = Type.Object(
  {
    min: Type.Optional(Amount),
    max: Type.Optional(Amount),
    currency: Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO 4217 code, e.g. EUR' }),
    period: Literals(SALARY_PERIODS),
  },
  { additionalProperties: false, description: 'min must not exceed max (400 naming /body/salary/max)' },
)
const NextStepInput = Type.Object(
  { at: DateTime, note: Type.Optional(Text(APPLICATION_NOTE_MAX_LENGTH)) },
  { additionalProperties: false },
)
const Contacts = Type.Array(ContactInput, { maxItems: APPLICATION_CONTACTS_MAX })
const StatusNote = Type.Optional(Text(APPLICATION_NOTE_MAX_LENGTH, 'Recorded in the history with this status change'))

export const CreateApplicationBody = Type.Object(
  {
    jobId: Type.Optional({
      ...Id,
      description: 'One of your saved jobs (404 JOB_NOT_FOUND otherwise); company, title and url default to its own',
    }),
    url: Type.Optional(Url),
    company: Type.Optional(Line('Required without a jobId')),
    title: Type.Optional(Line('Required without a jobId')),
    resumeId: Type.Optional({ ...Id, description: 'The resume sent: one of yours (404 RESUME_NOT_FOUND otherwise)' }),
    resumeVersion: Type.Optional(ResumeVersion),
    status: Type.Optional({ ...Status, description: 'Default: saved' }),
    statusNote: StatusNote,
    appliedAt: Type.Optional({ ...DateTime, description: 'Default: now when the status is applied' }),
    deadline: Type.Optional(DateTime),
    nextStep: Type.Optional(NextStepInput),
    contacts: Type.Optional(Contacts),
    notes: Type.Optional(Text(APPLICATION_NOTES_MAX_LENGTH)),
    salary: Type.Optional(SalaryInput),
    location: Type.Optional(Text(APPLICATION_TEXT_MAX_LENGTH)),
    remote: Type.Optional(Remote),
  },
  { additionalProperties: false },
)

export const UpdateApplicationBody = Type.Object(
  {
    jobId: Type.Optional(Nullable(Id)),
    url: Type.Optional(Nullable(Url)),
    company: Type.Optional(Line()),
    title: Type.Optional(Line()),
    resumeId: Type.Optional(Nullable({ ...Id, description: 'null unlinks the resume and its pinned version' })),
    resumeVersion: Type.Optional(Nullable(ResumeVersion)),
    status: Type.Optional({ ...Status, description: 'A new status appends { from, to, at, note } to the history' }),
    statusNote: StatusNote,
    appliedAt: Type.Optional(Nullable(DateTime)),
    deadline: Type.Optional(Nullable(DateTime)),
    nextStep: Type.Optional(Nullable(NextStepInput)),
    contacts: Type.Optional({ ...Contacts, description: 'Replaces the whole list' }),
    notes: Type.Optional(Nullable(Text(APPLICATION_NOTES_MAX_LENGTH))),
    salary: Type.Optional(Nullable(SalaryInput)),
    location: Type.Optional(Nullable(Text(APPLICATION_TEXT_MAX_LENGTH))),
    remote: Type.Optional(Nullable(Remote)),
  },
  { additionalProperties: false, minProperties: 1, description: 'The fields to change; null clears an optional one' },
)

const ListFilters = {
  status: Type.Optional(
    Type.Array(Status, { maxItems: APPLICATION_STATUSES.length, description: 'Any of these (repeat the parameter)' }),
  ),
  q: Type.Optional(Type.String({ maxLength: APPLICATION_TEXT_MAX_LENGTH, description: 'Text in company or title' })),
  deadlineBefore: Type.Optional({ ...DateTime, description: 'Only applications with a deadline before this instant' }),
  sort: Type.Optional(
    Literals(APPLICATION_SORTS, {
      description: 'updated (newest change first, default), deadline (soonest first, none last), company, status',
    }),
  ),
}

export const ListApplicationsQuery = Type.Object(
  {
    ...ListFilters,
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: APPLICATION_LIST_MAX_LIMIT })),
  },
  { additionalProperties: false },
)

export const ExportApplicationsQuery = Type.Object(ListFilters, { additionalProperties: false })

export const ApplicationIdParams = Type.Object({ id: Id }, { additionalProperties: false })

const StatusChange_ = Type.Object(
  {
    from: Type.Optional(Status),
    to: Status,
    at: Type.String({ format: 'date-time' }),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
)

export const Application_ = Type.Object(
  {
    id: Id,
    jobId: Type.Optional(Id),
    url: Type.Optional(Type.String()),
    company: Type.String(),
    title: Type.String(),
    resumeId: Type.Optional(Id),
    resumeVersion: Type.Optional(Type.Integer()),
    status: Status,
    history: Type.Array(StatusChange_, { description: 'Status changes, oldest first (the latest 100 are kept)' }),
    appliedAt: Type.Optional(Type.String({ format: 'date-time' })),
    deadline: Type.Optional(Type.String({ format: 'date-time' })),
    nextStep: Type.Optional(
      Type.Object(
        { at: Type.String({ format: 'date-time' }), note: Type.Optional(Type.String()) },
        { additionalProperties: false },
      ),
    ),
    contacts: Type.Array(
      Type.Object(
        {
          name: Type.String(),
          role: Type.Optional(Type.String()),
          email: Type.Optional(Type.String()),
          phone: Type.Optional(Type.String()),
          notes: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    notes: Type.Optional(Type.String()),
    salary: Type.Optional(
      Type.Object(
        {
          min: Type.Optional(Type.Number()),
          max: Type.Optional(Type.Number()),
          currency: Type.String(),
          period: Literals(SALARY_PERIODS),
        },
        { additionalProperties: false },
      ),
    ),
    location: Type.Optional(Type.String()),
    remote: Type.Optional(Remote),
    revision: Type.Integer({ description: 'The ETag is "r<revision>": send it as If-Match to PATCH' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Application', additionalProperties: false },
)

export const ApplicationList = Type.Object(
  { items: Type.Array(Type.Ref('Application')), nextCursor: Type.Optional(Type.String()) },
  { additionalProperties: false },
)

export type ApplicationResponse = Static<typeof Application_>

// Every field of an application but its owner is sent.
true satisfies Equals<Wire<Omit<Application, 'ownerId'>>, ApplicationResponse>

/** Drops undefined fields (JSON has none) from a mapped object. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T
}

export function toApplicationResponse(a: Application): ApplicationResponse {
  return defined({
    id: a.id,
    jobId: a.jobId,
    url: a.url,
    company: a.company,
    title: a.title,
    resumeId: a.resumeId,
    resumeVersion: a.resumeVersion,
    status: a.status,
    history: a.history.map((change) =>
      defined({ from: change.from, to: change.to, at: change.at.toISOString(), note: change.note }),
    ),
    appliedAt: a.appliedAt?.toISOString(),
    deadline: a.deadline?.toISOString(),
    nextStep: a.nextStep && defined({ at: a.nextStep.at.toISOString(), note: a.nextStep.note }),
    contacts: a.contacts.map((contact) => defined({ ...contact })),
    notes: a.notes,
    salary: a.salary && defined({ ...a.salary }),
    location: a.location,
    remote: a.remote,
    revision: a.revision,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  })
}
