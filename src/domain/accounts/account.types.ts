export const USER_TIERS = ['free', 'pro', 'premium'] as const
export type UserTier = (typeof USER_TIERS)[number]

export const USER_ROLES = ['user', 'admin'] as const
export type UserRole = (typeof USER_ROLES)[number]

export interface User {
  readonly id: string
  /** Stored as given (trimmed); compared case-insensitively. */
  readonly email: string
  readonly displayName: string
  readonly tier: UserTier
  readonly role: UserRole
  readonly createdAt: Date
  readonly updatedAt: Date
}

export interface NewUser extends User {
  readonly passwordHash: string
}

export interface UserSettings {
  readonly locale: string
  readonly timezone: string
  readonly defaultTemplateId: string
  readonly pageSize: 'letter' | 'a4'
  readonly theme: 'light' | 'dark' | 'system'
  readonly emailNotifications: boolean
}

export const DEFAULT_SETTINGS: UserSettings = Object.freeze({
  locale: 'en-US',
  timezone: 'UTC',
  defaultTemplateId: 'classic',
  pageSize: 'letter',
  theme: 'system',
  emailNotifications: true,
})

export interface Session {
  /** Hash of the bearer token; the token itself is never stored. */
  readonly tokenHash: string
  readonly userId: string
  readonly createdAt: Date
  /** Absolute expiry: the session ends then however active it is. */
  readonly expiresAt: Date
  /** Last authenticated use, for idle expiry (updated at most once a minute). */
  readonly lastSeenAt: Date
}

/** Who is calling, resolved from a session token. */
export interface AuthContext {
  readonly user: User
  readonly session: Session
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}
