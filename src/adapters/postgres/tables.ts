import type { ColumnType } from 'kysely'

/** Row types as the database stores them (snake_case); repositories map them to domain types. */
type Timestamp = ColumnType<Date, Date | string, Date | string>

export interface UsersTable {
  id: string
  email: string
  display_name: string
  password_hash: string
  tier: string
  role: string
  created_at: Timestamp
  updated_at: Timestamp
}

export interface UserSettingsTable {
  user_id: string
  settings: ColumnType<Record<string, unknown>, string, string>
  updated_at: Timestamp
}

export interface SessionsTable {
  token_hash: string
  user_id: string
  created_at: Timestamp
  expires_at: Timestamp
  last_seen_at: Timestamp
}

export interface ResumesTable {
  id: string
  owner_id: string
  title: string
  template_id: string
  /** The resume's design options (jsonb; `{}` leaves every choice to the template). */
  design: ColumnType<Record<string, unknown>, string | undefined, string>
  tags: string[]
  head_version: number
  tailored_from_resume_id: string | null
  tailored_from_version: number | null
  tailored_from_job_id: string | null
  created_at: Timestamp
  updated_at: Timestamp
  deleted_at: ColumnType<Date | null, Date | string | null, Date | string | null>
}

/** `json` columns: written as JSON text, read back parsed. */
type JsonColumn = ColumnType<Record<string, unknown>, string, string>

export interface ResumeVersionsTable {
  resume_id: string
  number: number
  content: JsonColumn
  message: string
  restored_from: number | null
  /** UTF-8 bytes of `content`'s JSON text, as counted in the owner's storage. */
  size_bytes: number
  created_at: Timestamp
}

export interface ResumeDraftsTable {
  resume_id: string
  content: JsonColumn
  etag: string
  base_version: number
  /** UTF-8 bytes of `content`'s JSON text, as counted in the owner's storage. */
  size_bytes: number
  updated_at: Timestamp
}

export interface JobsTable {
  id: string
  owner_id: string
  title: string | null
  company: string | null
  url: string | null
  description: string
  /** UTF-8 bytes of the job's texts, as counted in the owner's storage. */
  size_bytes: number
  created_at: Timestamp
}

export interface ApplicationsTable {
  id: string
  owner_id: string
  job_id: string | null
  url: string | null
  company: string
  title: string
  /** lower(company), computed by the repository: the company sort key. */
  company_key: string
  /** lower(company) + newline + lower(title), computed by the repository: what `q` searches. */
  search_key: string
  resume_id: string | null
  resume_version: number | null
  status: string
  /** [{ from?, to, at, note? }] oldest first. */
  history: ColumnType<unknown[], string, string>
  applied_at: ColumnType<Date | null, Date | null, Date | null>
  deadline: ColumnType<Date | null, Date | null, Date | null>
  next_step_at: ColumnType<Date | null, Date | null, Date | null>
  next_step_note: string | null
  /** [{ name, role?, email?, phone?, notes? }] */
  contacts: ColumnType<unknown[], string, string>
  notes: string | null
  /** { min?, max?, currency, period } */
  salary: ColumnType<Record<string, unknown> | null, string | null, string | null>
  location: string | null
  remote: string | null
  revision: number
  created_at: Timestamp
  updated_at: Timestamp
}

/** One row per user who stored something: the sum of their versions', drafts' and jobs' `size_bytes`. */
export interface UserUsageTable {
  user_id: string
  storage_bytes: ColumnType<number, number, number>
}

export interface RateLimitOverridesTable {
  user_id: string
  policy: string
  points: number
  updated_at: Timestamp
  updated_by: string | null
}

export interface ApiKeysTable {
  id: string
  user_id: string
  name: string
  scopes: string[]
  hint: string
  secret_hash: string
  created_at: Timestamp
  expires_at: ColumnType<Date | null, Date | string | null, Date | string | null>
  last_used_at: ColumnType<Date | null, Date | string | null, Date | string | null>
}

export interface IdempotencyKeysTable {
  user_id: string
  key: string
  fingerprint: string
  status_code: number | null
  response_headers: ColumnType<Record<string, string> | null, string | null, string | null>
  response_body: string | null
  created_at: Timestamp
}

export interface Tables {
  users: UsersTable
  user_settings: UserSettingsTable
  sessions: SessionsTable
  resumes: ResumesTable
  resume_versions: ResumeVersionsTable
  resume_drafts: ResumeDraftsTable
  rate_limit_overrides: RateLimitOverridesTable
  jobs: JobsTable
  user_usage: UserUsageTable
  api_keys: ApiKeysTable
  applications: ApplicationsTable
  idempotency_keys: IdempotencyKeysTable
}
