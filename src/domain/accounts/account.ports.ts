import type { NewUser, Session, User, UserSettings } from './account.types.js'

export interface UserRepository {
  /** Stores a new user; throws EMAIL_TAKEN when the email (case-insensitive) is in use. */
  create(user: NewUser): Promise<User>
  /** The user and password hash for a normalized email, or undefined when absent. */
  findCredentialsByEmail(normalizedEmail: string): Promise<{ user: User; passwordHash: string } | undefined>
  /** Replaces the password hash; throws USER_NOT_FOUND. */
  updatePasswordHash(id: string, passwordHash: string, at: Date): Promise<void>
  /** The password hash of a user, or undefined when absent. */
  findPasswordHash(id: string): Promise<string | undefined>
  /** The user, or undefined when absent. */
  findById(id: string): Promise<User | undefined>
  /** Applies the changes and returns the updated user; throws USER_NOT_FOUND or EMAIL_TAKEN. */
  update(id: string, changes: { email?: string; displayName?: string; updatedAt: Date }): Promise<User>
  /** Stored settings merged over nothing; undefined when the user never saved any. */
  findSettings(userId: string): Promise<Partial<UserSettings> | undefined>
  /** Replaces the user's settings. */
  saveSettings(userId: string, settings: UserSettings, at: Date): Promise<void>
  /**
   * Deletes the user and every row of theirs in one transaction (settings, sessions kept in the database, resumes
   * with their versions and drafts, saved jobs, API keys, custom limits, usage); returns the ids of what went, for
   * the caches and counters keyed by them. Undefined when there was no such user.
   */
  delete(id: string): Promise<DeletedUser | undefined>
}

/** A deleted user as the holders of their data outside the database rows need to know them. */
export interface DeletedUser {
  readonly id: string
  readonly email: string
  readonly resumeIds: readonly string[]
  readonly jobIds: readonly string[]
  readonly apiKeyIds: readonly string[]
}

/**
 * Something that keeps data of users outside the database's rows (counters, caches, queued tasks): told to forget
 * a user once the account is deleted. Its keys carry a TTL, so data a failed call leaves behind still expires.
 */
export interface UserDataHolder {
  /** Names the holder in logs when forgetting fails. */
  readonly name: string
  /** Drops everything kept for the user, here and on every instance. */
  forgetUser(user: DeletedUser): Promise<void>
}

export interface SessionStore {
  /** Stores a session until its expiry. */
  create(session: Session): Promise<void>
  /** The live session for a token hash; undefined when unknown, revoked or expired. */
  find(tokenHash: string): Promise<Session | undefined>
  /**
   * The live session with its user in one round trip, for a store that can read both at once (the database store
   * joins them); undefined as for `find`, or when the user is gone. Stores without it are read with `find`, then the
   * user repository.
   */
  findWithUser?(tokenHash: string): Promise<SessionWithUser | undefined>
  /** Records use of a session at `at` (for idle expiry); unknown sessions are ignored. */
  touch(tokenHash: string, at: Date): Promise<void>
  /** Revokes one session; revoking an unknown session is not an error. */
  revoke(tokenHash: string): Promise<void>
  /** Revokes every session of a user. */
  revokeAllForUser(userId: string): Promise<void>
}

/** A live session with its user, as authentication reads them. */
export interface SessionWithUser {
  readonly session: Session
  readonly user: User
}

/**
 * A short-lived, bounded copy of sessions with their users on one instance, so a signed-in request need not read
 * them. Drops take effect here before they resolve and reach every other instance over the cache bus; an entry whose
 * load began before a drop of its token or user is never served.
 */
export interface SessionCache {
  /** The cached pair for a token hash, else `load`'s answer, kept unless undefined (unknown tokens are not kept). */
  read(tokenHash: string, load: () => Promise<SessionWithUser | undefined>): Promise<SessionWithUser | undefined>
  /** Sets the cached session's last use on this instance (after it was written to the store); absent entries stay absent. */
  recordUse(tokenHash: string, at: Date): Promise<void>
  /** Forgets one entry on this instance only (the store answered differently from the copy). */
  forget(tokenHash: string): void
  /** Drops one token's entry here and on every instance. */
  dropSession(tokenHash: string): Promise<void>
  /** Drops every entry of a user here and on every instance (revocations, profile, role or tier changes). */
  dropUser(userId: string): Promise<void>
}

export interface PasswordHasher {
  /** A self-describing hash (algorithm, parameters, salt, digest). */
  hash(password: string): Promise<string>
  /** True when the password matches; takes the same time whether or not it does. */
  verify(password: string, hash: string): Promise<boolean>
  /** A valid hash of no real password, verified against when an email is unknown so timing does not tell. */
  readonly dummyHash: Promise<string>
}

/** One counted password check, settled once the password has been checked. */
export interface LoginAttempt {
  /** The password was wrong: the attempt stays counted, and the caller is slowed down as failures pile up. */
  failed(): Promise<void>
  /** The password was right: the account and the address get this attempt's point back. */
  succeeded(): Promise<void>
}

/** Brute-force protection for sign-in and sign-up (shared across instances when backed by Redis). */
export interface LoginGuard {
  /**
   * Counts a password check against the account and the client address before it happens, in one atomic step on
   * each counter, so concurrent attempts can never check more passwords than the allowance. Throws RATE_LIMITED
   * (with `retryAfterSeconds` and `policies`) once either allowance is spent. An attempt never settled stays counted.
   */
  startLoginAttempt(normalizedEmail: string, ip: string): Promise<LoginAttempt>
  /** Counts one registration from the address; throws RATE_LIMITED past the allowance. */
  consumeRegistration(ip: string): Promise<void>
  /** Forgets the counter of an account's password checks (the account was deleted); the address's counter stays. */
  forgetAccount(normalizedEmail: string): Promise<void>
}

export interface PasswordDictionary {
  /** True when the password is among the commonly used passwords attackers try first. */
  isCommon(password: string): boolean
}

export interface SessionTokens {
  /** A new random opaque token (≥ 256 bits, URL-safe). */
  generate(): string
  /** The value stored server-side for a token. */
  hash(token: string): string
}
