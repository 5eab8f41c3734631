/**
 * Personal API keys: a program (a script, an AI assistant through MCP) acts for its user with a key limited to
 * scopes. The secret is shown once; only its hash is stored.
 */

/** What a key may do; a route or MCP tool names the scopes it needs. */
export const API_KEY_SCOPES = ['resumes:read', 'resumes:write', 'jobs', 'documents'] as const
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number]

/** Every secret starts with this, so logs and secret scanners can recognise a leaked key. */
export const API_KEY_PREFIX = 'rr_live_'
/** The random part: 32 bytes in base64url. */
export const API_KEY_SECRET_PATTERN = /^rr_live_[A-Za-z0-9_-]{43}$/
/** Characters of the secret kept in clear (the prefix and four more) so a person can tell keys apart. */
export const API_KEY_HINT_LENGTH = API_KEY_PREFIX.length + 4

export const API_KEY_NAME_MAX_LENGTH = 100
/** Keys a user may hold at once. */
export const API_KEYS_PER_USER = 25
/** The furthest ahead an expiry may be set. */
export const API_KEY_MAX_LIFETIME_DAYS = 366 * 2

export interface ApiKey {
  readonly id: string
  readonly userId: string
  readonly name: string
  readonly scopes: readonly ApiKeyScope[]
  /** The first characters of the secret (`rr_live_AbCd`), enough to recognise it, never enough to use it. */
  readonly hint: string
  readonly createdAt: Date
  /** The key stops working then; undefined when it never expires. */
  readonly expiresAt: Date | undefined
  /** Last authenticated use, written at most once a minute; undefined when never used. */
  readonly lastUsedAt: Date | undefined
}

export interface NewApiKey extends ApiKey {
  /** SHA-256 of the secret, hex. */
  readonly secretHash: string
}

/** A key as created: the only time its secret exists outside the client. */
export interface CreatedApiKey {
  readonly key: ApiKey
  readonly secret: string
}

/** What a request authenticated with a key may do. */
export interface ApiKeyGrant {
  readonly id: string
  readonly scopes: readonly ApiKeyScope[]
}

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value)
}

/** The scopes of `required` the grant lacks (empty when it has them all). */
export function missingScopes(grant: ApiKeyGrant, required: readonly ApiKeyScope[]): ApiKeyScope[] {
  return required.filter((scope) => !grant.scopes.includes(scope))
}

/** True when the bearer value is shaped like a personal API key (whether or not it is a valid one). */
export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX)
}
