import type { ApiKey, NewApiKey } from './api-key.types.js'

export interface ApiKeyRepository {
  /** Stores a new key and returns it as stored (without its hash). */
  create(key: NewApiKey): Promise<ApiKey>
  /** The user's keys, newest first (ties by id descending). */
  listForUser(userId: string): Promise<ApiKey[]>
  /** How many keys the user holds. */
  countForUser(userId: string): Promise<number>
  /** The key whose secret hashes to `secretHash`, or undefined when none does (revoked keys are gone). */
  findBySecretHash(secretHash: string): Promise<ApiKey | undefined>
  /** Records use of a key at `at`; an unknown key is ignored. */
  touch(id: string, at: Date): Promise<void>
  /** Deletes the user's key; false when the user holds no key with this id (another user's key included). */
  delete(userId: string, id: string): Promise<boolean>
  /** Deletes every key of the user; returns how many there were. */
  deleteAllForUser(userId: string): Promise<number>
}

export interface ApiKeySecrets {
  /** A new secret: API_KEY_PREFIX followed by 256 random bits in base64url. */
  generate(): string
  /** The value stored for a secret (SHA-256, hex); the same secret always gives the same value. */
  hash(secret: string): string
}
