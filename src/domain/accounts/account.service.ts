import { DomainError } from '../errors.js'
import type { EventBus } from '../events.js'
import type { Clock, IdGenerator } from '../ports.js'
import type { PasswordHasher, SessionStore, SessionTokens, UserRepository } from './account.ports.js'
import { type AuthContext, DEFAULT_SETTINGS, normalizeEmail, type User, type UserSettings } from './account.types.js'

export const PASSWORD_MIN_LENGTH = 8
/** Bounds the cost of hashing an attacker-chosen password. */
export const PASSWORD_MAX_LENGTH = 256

export interface AccountServiceDeps {
  users: UserRepository
  sessions: SessionStore
  hasher: PasswordHasher
  tokens: SessionTokens
  clock: Clock
  ids: IdGenerator
  events: EventBus
  sessionTtlSeconds: number
}

export interface SignedIn {
  user: User
  token: string
  expiresAt: Date
}

export function createAccountService(deps: AccountServiceDeps) {
  const { users, sessions, hasher, tokens, clock, ids, events } = deps

  async function openSession(user: User): Promise<SignedIn> {
    const token = tokens.generate()
    const createdAt = clock.now()
    const expiresAt = new Date(createdAt.getTime() + deps.sessionTtlSeconds * 1000)
    await sessions.create({ tokenHash: tokens.hash(token), userId: user.id, createdAt, expiresAt })
    return { user, token, expiresAt }
  }

  return {
    async register(input: { email: string; password: string; displayName?: string }): Promise<SignedIn> {
      checkPassword(input.password)
      const email = input.email.trim()
      const now = clock.now()
      const user = await users.create({
        id: ids.uuid(),
        email,
        displayName: input.displayName?.trim() || email.split('@')[0] || email,
        tier: 'free',
        role: 'user',
        createdAt: now,
        updatedAt: now,
        passwordHash: await hasher.hash(input.password),
      })
      return openSession(user)
    },

    async login(input: { email: string; password: string }): Promise<SignedIn> {
      const found = await users.findCredentialsByEmail(normalizeEmail(input.email))
      // Verify against a dummy hash when the email is unknown so both paths cost the same.
      const valid = await hasher.verify(input.password, found?.passwordHash ?? (await hasher.dummyHash))
      if (!found || !valid) throw new DomainError('INVALID_CREDENTIALS', 'The email or password is incorrect.')
      return openSession(found.user)
    },

    async logout(token: string): Promise<void> {
      await sessions.revoke(tokens.hash(token))
    },

    /** Resolves a bearer token to its user; throws UNAUTHENTICATED for unknown, expired or revoked tokens. */
    async authenticate(token: string): Promise<AuthContext> {
      const session = await sessions.find(tokens.hash(token))
      if (!session || session.expiresAt.getTime() <= clock.now().getTime()) {
        throw new DomainError('UNAUTHENTICATED', 'The session is missing, expired or revoked.')
      }
      const user = await users.findById(session.userId)
      if (!user) throw new DomainError('UNAUTHENTICATED', 'The session is missing, expired or revoked.')
      return { user, session }
    },

    async updateProfile(userId: string, changes: { email?: string; displayName?: string }): Promise<User> {
      const user = await users.update(userId, {
        ...(changes.email !== undefined && { email: changes.email.trim() }),
        ...(changes.displayName !== undefined && { displayName: changes.displayName.trim() }),
        updatedAt: clock.now(),
      })
      events.emit({ name: 'USER_UPDATED', userId })
      return user
    },

    async getSettings(userId: string): Promise<UserSettings> {
      return { ...DEFAULT_SETTINGS, ...(await users.findSettings(userId)) }
    },

    async saveSettings(userId: string, settings: UserSettings): Promise<UserSettings> {
      await users.saveSettings(userId, settings, clock.now())
      events.emit({ name: 'USER_UPDATED', userId })
      return settings
    },
  }
}

export type AccountService = ReturnType<typeof createAccountService>

function checkPassword(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new DomainError(
      'WEAK_PASSWORD',
      `Passwords must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long.`,
      {
        errors: [
          { pointer: '/body/password', message: `must be ${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters` },
        ],
      },
    )
  }
}
