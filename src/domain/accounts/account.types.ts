import type { ApiKeyGrant } from '../api-keys/api-key.types.js'

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

/** Who is calling, resolved from a session token or a personal API key. */
export interface AuthContext {
  readonly user: User
  /** The session of a signed-in caller; undefined when the caller used a personal API key. */
  readonly session?: Session
  /** The key a program authenticated with, and what it may do; undefined for a session. */
  readonly apiKey?: ApiKeyGrant
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}
