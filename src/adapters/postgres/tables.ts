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

export interface Tables {
  users: UsersTable
  user_settings: UserSettingsTable
  sessions: SessionsTable
}
