import type { UserRepository } from '../accounts/account.ports.js'
import type { User } from '../accounts/account.types.js'
import { DomainError, type FieldError } from '../errors.js'
import type { Clock, IdGenerator } from '../ports.js'
import type { ApiKeyRepository, ApiKeySecrets } from './api-key.ports.js'
import {
  API_KEY_HINT_LENGTH,
  API_KEY_MAX_LIFETIME_DAYS,
  API_KEY_NAME_MAX_LENGTH,
  API_KEY_SCOPES,
  API_KEY_SECRET_PATTERN,
  API_KEYS_PER_USER,
  type ApiKey,
  type ApiKeyScope,
  type CreatedApiKey,
} from './api-key.types.js'

/** Key use is written back at most this often, so authenticated reads do not each turn into a write. */
export const API_KEY_TOUCH_INTERVAL_MS = 60_000
const DAY_MS = 86_400_000

export interface ApiKeyServiceDeps {
  readonly keys: ApiKeyRepository
  readonly users: Pick<UserRepository, 'findById'>
  readonly secrets: ApiKeySecrets
  readonly clock: Clock
  readonly ids: IdGenerator
}

export interface NewApiKeyInput {
  readonly name: string
  readonly scopes: readonly string[]
  readonly expiresAt?: Date | undefined
}

const unauthenticated = () =>
  new DomainError('UNAUTHENTICATED', 'The API key is unknown, expired or revoked (or its account is gone).')

const notFound = () => new DomainError('API_KEY_NOT_FOUND', 'No such API key for this user.')

export function createApiKeyService({ keys, users, secrets, clock, ids }: ApiKeyServiceDeps) {
  function checkInput(input: NewApiKeyInput, now: Date): { name: string; scopes: ApiKeyScope[] } {
    const errors: FieldError[] = []
    const name = input.name.trim()
    if (name.length === 0 || name.length > API_KEY_NAME_MAX_LENGTH) {
      errors.push({ pointer: '/body/name', message: `must be 1-${API_KEY_NAME_MAX_LENGTH} characters` })
    }
    // Kept in the canonical order, each once, whatever order the client sent.
    const scopes = API_KEY_SCOPES.filter((scope) => input.scopes.includes(scope))
    if (scopes.length === 0 || input.scopes.some((scope) => !scopes.includes(scope as ApiKeyScope))) {
      errors.push({ pointer: '/body/scopes', message: `must name at least one of ${API_KEY_SCOPES.join(', ')}` })
    }
    if (input.expiresAt !== undefined) {
      const at = input.expiresAt.getTime()
      if (Number.isNaN(at) || at <= now.getTime()) {
        errors.push({ pointer: '/body/expiresAt', message: 'must be in the future' })
      } else if (at > now.getTime() + API_KEY_MAX_LIFETIME_DAYS * DAY_MS) {
        errors.push({ pointer: '/body/expiresAt', message: `must be at most ${API_KEY_MAX_LIFETIME_DAYS} days ahead` })
      }
    }
    if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', 'The API key is not valid.', { errors })
    return { name, scopes }
  }

  return {
    /**
     * Creates a key for the user and returns it with its secret, which is never available again. Throws
     * VALIDATION_FAILED for a bad name, scopes or expiry and API_KEY_LIMIT_REACHED past API_KEYS_PER_USER.
     */
    async create(userId: string, input: NewApiKeyInput): Promise<CreatedApiKey> {
      const now = clock.now()
      const { name, scopes } = checkInput(input, now)
      if ((await keys.countForUser(userId)) >= API_KEYS_PER_USER) {
        throw new DomainError('API_KEY_LIMIT_REACHED', `An account may hold at most ${API_KEYS_PER_USER} API keys.`, {
          extra: { limit: API_KEYS_PER_USER },
        })
      }
      const secret = secrets.generate()
      const key = await keys.create({
        id: ids.uuid(),
        userId,
        name,
        scopes,
        hint: secret.slice(0, API_KEY_HINT_LENGTH),
        createdAt: now,
        expiresAt: input.expiresAt,
        lastUsedAt: undefined,
        secretHash: secrets.hash(secret),
      })
      return { key, secret }
    },

    /** The user's keys, newest first; never their secrets. */
    list(userId: string): Promise<ApiKey[]> {
      return keys.listForUser(userId)
    },

    /** Revokes one key at once; throws API_KEY_NOT_FOUND (another user's key included). */
    async revoke(userId: string, id: string): Promise<void> {
      if (!(await keys.delete(userId, id))) throw notFound()
    },

    /** Revokes every key of the user (password change, account deletion); returns how many there were. */
    revokeAllForUser(userId: string): Promise<number> {
      return keys.deleteAllForUser(userId)
    },

    /**
     * Resolves a secret to its key and user; throws UNAUTHENTICATED for a malformed, unknown, revoked or expired
     * key or one whose user is gone. Use is recorded at most once per API_KEY_TOUCH_INTERVAL_MS.
     */
    async authenticate(secret: string): Promise<{ key: ApiKey; user: User }> {
      if (!API_KEY_SECRET_PATTERN.test(secret)) throw unauthenticated()
      const key = await keys.findBySecretHash(secrets.hash(secret))
      const now = clock.now()
      if (!key || (key.expiresAt && key.expiresAt.getTime() <= now.getTime())) throw unauthenticated()
      const user = await users.findById(key.userId)
      if (!user) throw unauthenticated()
      if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= API_KEY_TOUCH_INTERVAL_MS) {
        await keys.touch(key.id, now)
        return { key: { ...key, lastUsedAt: now }, user }
      }
      return { key, user }
    },
  }
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>
