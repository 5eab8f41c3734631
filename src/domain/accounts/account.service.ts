import type { ApiKeyRepository } from '../api-keys/api-key.ports.js'
import { DomainError } from '../errors.js'
import type { EventBus } from '../events.js'
import type { Clock, IdGenerator } from '../ports.js'
import type {
  LoginAttempt,
  LoginGuard,
  PasswordDictionary,
  PasswordHasher,
  SessionStore,
  SessionTokens,
  UserDataHolder,
  UserRepository,
} from './account.ports.js'
import {
  type AuthContext,
  DEFAULT_SETTINGS,
  normalizeEmail,
  type Session,
  type User,
  type UserSettings,
} from './account.types.js'

export const PASSWORD_MIN_LENGTH = 8
/** Bounds the cost of hashing an attacker-chosen password. */
export const PASSWORD_MAX_LENGTH = 256
/** Session use is written back at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000

export interface AccountServiceDeps {
  users: UserRepository
  sessions: SessionStore
  hasher: PasswordHasher
  tokens: SessionTokens
  passwords: PasswordDictionary
  guard: LoginGuard
  clock: Clock
  ids: IdGenerator
  events: EventBus
  /** Absolute session lifetime. */
  sessionTtlSeconds: number
  /** A session unused for this long ends. */
  sessionIdleSeconds: number
  /** Personal API keys, revoked with the sessions when the password changes. */
  apiKeys?: Pick<ApiKeyRepository, 'deleteAllForUser'>
  /** What keeps users' data outside the database rows; each forgets a deleted user. */
  holders?: readonly UserDataHolder[]
  /** A holder failed to forget a deleted user (its data expires on its own); reported, never thrown. */
  onForgetFailed?: (error: unknown, holder: string) => void
}

/** What an account deletion removed, counted (for the audit log, which names no person). */
export interface AccountDeletion {
  readonly resumes: number
  readonly jobs: number
  readonly apiKeys: number
}

/** Where a sign-in or sign-up comes from. */
export interface ClientInfo {
  /** The client's address (brute-force limits are kept per address). */
  ip: string
  /** The session token the client already holds, revoked when a new one is issued. */
  previousToken?: string | undefined
}

export interface SignedIn {
  user: User
  token: string
  expiresAt: Date
}

const unauthenticated = () => new DomainError('UNAUTHENTICATED', 'The session is missing, expired or revoked.')

/**
 * The live session for a token hash with its user: in one call where the store can (the database store joins them),
 * else the session and then its user. Undefined when the session is unknown, revoked or expired, or its user is gone.
 */
export async function findSessionWithUser(
  sessions: SessionStore,
  users: Pick<UserRepository, 'findById'>,
  tokenHash: string,
): Promise<{ session: Session; user: User } | undefined> {
  if (sessions.findWithUser) return sessions.findWithUser(tokenHash)
  const session = await sessions.find(tokenHash)
  const user = session && (await users.findById(session.userId))
  return session && user ? { session, user } : undefined
}

export function createAccountService(deps: AccountServiceDeps) {
  const { users, sessions, hasher, tokens, clock, ids, events } = deps

  function checkPassword(password: string, email: string, pointer: string): void {
    const problem =
      password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH
        ? `must be ${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters`
        : deps.passwords.isCommon(password)
          ? 'is one of the most commonly used passwords'
          : normalizeEmail(password) === normalizeEmail(email) || password.toLowerCase() === email.split('@')[0]
            ? 'must not be the email address'
            : undefined
    if (problem) {
      throw new DomainError('WEAK_PASSWORD', `The password ${problem}.`, { errors: [{ pointer, message: problem }] })
    }
  }

  /** Opens a new session; the token the client held before (if any) is revoked so tokens rotate on sign-in. */
  async function openSession(user: User, previousToken: string | undefined): Promise<SignedIn> {
    if (previousToken) await sessions.revoke(tokens.hash(previousToken))
    const token = tokens.generate()
    const createdAt = clock.now()
    const expiresAt = new Date(createdAt.getTime() + deps.sessionTtlSeconds * 1000)
    await sessions.create({
      tokenHash: tokens.hash(token),
      userId: user.id,
      createdAt,
      expiresAt,
      lastSeenAt: createdAt,
    })
    return { user, token, expiresAt }
  }

  /**
   * Checks the signed-in user's current password, counted against the same allowance as a sign-in so it cannot be
   * used to guess; throws CURRENT_PASSWORD_INCORRECT or RATE_LIMITED. The caller settles a right password's attempt
   * once the change it guards is made.
   */
  async function checkCurrentPassword(auth: AuthContext, password: string, client: ClientInfo): Promise<LoginAttempt> {
    const attempt = await deps.guard.startLoginAttempt(normalizeEmail(auth.user.email), client.ip)
    const stored = await users.findPasswordHash(auth.user.id)
    if (!stored || !(await hasher.verify(password, stored))) {
      await attempt.failed()
      throw new DomainError('CURRENT_PASSWORD_INCORRECT', 'The current password is incorrect.', {
        errors: [{ pointer: '/body/currentPassword', message: 'is incorrect' }],
      })
    }
    return attempt
  }

  return {
    async register(
      input: { email: string; password: string; displayName?: string },
      client: ClientInfo,
    ): Promise<SignedIn> {
      const email = input.email.trim()
      checkPassword(input.password, email, '/body/password')
      await deps.guard.consumeRegistration(client.ip)
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
      return openSession(user, client.previousToken)
    },

    /**
     * Signs in. The attempt is counted before the password is checked, so a burst of concurrent guesses checks at
     * most the allowance and everything past it (the right password included) gets RATE_LIMITED.
     */
    async login(input: { email: string; password: string }, client: ClientInfo): Promise<SignedIn> {
      const email = normalizeEmail(input.email)
      const attempt = await deps.guard.startLoginAttempt(email, client.ip)
      const found = await users.findCredentialsByEmail(email)
      // Verify against a dummy hash when the email is unknown so both paths cost the same.
      const valid = await hasher.verify(input.password, found?.passwordHash ?? (await hasher.dummyHash))
      if (!found || !valid) {
        await attempt.failed()
        throw new DomainError('INVALID_CREDENTIALS', 'The email or password is incorrect.')
      }
      await attempt.succeeded()
      return openSession(found.user, client.previousToken)
    },

    async logout(token: string): Promise<void> {
      await sessions.revoke(tokens.hash(token))
    },

    /** Ends every session of the user, on every device. */
    async logoutEverywhere(userId: string): Promise<void> {
      await sessions.revokeAllForUser(userId)
    },

    /**
     * Changes the password after checking the current one (counted like a sign-in); every session and personal API
     * key of the user ends and the caller gets a fresh session in place of the one it used.
     */
    async changePassword(
      auth: AuthContext,
      input: { currentPassword: string; newPassword: string },
      client: ClientInfo,
    ): Promise<SignedIn> {
      checkPassword(input.newPassword, auth.user.email, '/body/newPassword')
      const attempt = await checkCurrentPassword(auth, input.currentPassword, client)
      await users.updatePasswordHash(auth.user.id, await hasher.hash(input.newPassword), clock.now())
      await attempt.succeeded()
      await sessions.revokeAllForUser(auth.user.id)
      await deps.apiKeys?.deleteAllForUser(auth.user.id)
      events.emit({ name: 'USER_UPDATED', userId: auth.user.id })
      return openSession(auth.user, undefined)
    },

    /** Resolves a bearer token to its user; throws UNAUTHENTICATED for unknown, expired, idle or revoked tokens. */
    async authenticate(token: string): Promise<AuthContext> {
      const tokenHash = tokens.hash(token)
      const found = await findSessionWithUser(sessions, users, tokenHash)
      const now = clock.now().getTime()
      if (!found || found.session.expiresAt.getTime() <= now) throw unauthenticated()
      const { session, user } = found
      if (now - session.lastSeenAt.getTime() > deps.sessionIdleSeconds * 1000) {
        await sessions.revoke(tokenHash)
        throw unauthenticated()
      }
      if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await sessions.touch(tokenHash, new Date(now))
      return { user, session }
    },

    /**
     * Changes the display name and/or the email. A new email needs the current password (checked and counted like a
     * sign-in) and ends every other session of the user; the caller's session stays.
     */
    async updateProfile(
      auth: AuthContext,
      changes: { email?: string; displayName?: string; currentPassword?: string },
      client: ClientInfo,
    ): Promise<User> {
      const userId = auth.user.id
      const displayName = changes.displayName !== undefined && { displayName: changes.displayName.trim() }
      if (changes.email === undefined) {
        const user = await users.update(userId, { ...displayName, updatedAt: clock.now() })
        events.emit({ name: 'USER_UPDATED', userId })
        return user
      }
      if (changes.currentPassword === undefined) {
        throw new DomainError('VALIDATION_FAILED', 'Changing the email needs the current password.', {
          errors: [{ pointer: '/body/currentPassword', message: 'is required to change the email' }],
        })
      }
      const attempt = await checkCurrentPassword(auth, changes.currentPassword, client)
      // EMAIL_TAKEN leaves the attempt counted, so probing which addresses are registered is bounded by the
      // sign-in allowance even for someone who knows the password.
      const user = await users.update(userId, { ...displayName, email: changes.email.trim(), updatedAt: clock.now() })
      await attempt.succeeded()
      // Whoever else holds a session signed in under the old address: end them all but the caller's, which is put
      // back as it was (the stores can only revoke all of a user's sessions at once).
      await sessions.revokeAllForUser(userId)
      if (auth.session) await sessions.create(auth.session)
      events.emit({ name: 'USER_UPDATED', userId })
      return user
    },

    /**
     * Deletes the account after checking the current password (counted like a sign-in): every row of the user goes
     * in one transaction, then every session (on every instance), the user's cached entries, queued tasks and rate
     * counters, and the sign-in counter of the address. Throws CURRENT_PASSWORD_INCORRECT or RATE_LIMITED first.
     */
    async deleteAccount(
      auth: AuthContext,
      input: { currentPassword: string },
      client: ClientInfo,
    ): Promise<AccountDeletion> {
      const userId = auth.user.id
      const attempt = await checkCurrentPassword(auth, input.currentPassword, client)
      const deleted = await users.delete(userId)
      await attempt.succeeded()
      if (!deleted) throw new DomainError('USER_NOT_FOUND', 'The user does not exist.')
      await sessions.revokeAllForUser(userId)
      events.emit({ name: 'USER_DELETED', userId })
      await deps.guard.forgetAccount(normalizeEmail(deleted.email))
      await Promise.all(
        (deps.holders ?? []).map((holder) =>
          holder.forgetUser(deleted).catch((error: unknown) => deps.onForgetFailed?.(error, holder.name)),
        ),
      )
      return { resumes: deleted.resumeIds.length, jobs: deleted.jobIds.length, apiKeys: deleted.apiKeyIds.length }
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
