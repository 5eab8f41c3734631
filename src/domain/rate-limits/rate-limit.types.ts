import type { UserTier } from '../accounts/account.types.js'

/**
 * Every rate-limit policy. `global` counts all traffic of the deployment; `user` counts every request of one caller
 * (a user, or a client address when anonymous); `analysis`, `upload` and `export` count the requests of one caller
 * to the routes that declare that policy; `ai` counts the requests that call the configured LLM (a request the
 * built-in engine answers is an `analysis` request only).
 */
export const POLICY_NAMES = ['global', 'user', 'analysis', 'ai', 'upload', 'export'] as const
export type PolicyName = (typeof POLICY_NAMES)[number]

/** Policies a route opts into on top of `global` and `user`. */
export const ROUTE_POLICIES = ['analysis', 'ai', 'upload', 'export'] as const
export type RoutePolicy = (typeof ROUTE_POLICIES)[number]

/** Per-caller policies: scaled by the caller's tier and open to per-user overrides. */
export const CALLER_POLICIES = ['user', 'analysis', 'ai', 'upload', 'export'] as const
export type CallerPolicy = (typeof CALLER_POLICIES)[number]

export interface RateLimitSettings {
  /** Length of every policy's fixed window, in seconds. */
  readonly windowSeconds: number
  /** Requests per window of each policy for the free tier (and for anonymous callers). */
  readonly limits: Readonly<Record<PolicyName, number>>
  /** Factor each tier applies to the per-caller policies. */
  readonly tierMultipliers: Readonly<Record<UserTier, number>>
}

/**
 * Who a request counts against: a signed-in user, or an anonymous client address. A request made with a personal
 * API key names the key: it counts against an allowance of the key's own, sized by its user's tier and limits.
 */
export type RateLimitCaller =
  | { readonly kind: 'user'; readonly userId: string; readonly tier: UserTier; readonly apiKeyId?: string }
  | { readonly kind: 'anonymous'; readonly ip: string }

/** Custom per-user limits (requests per window) an admin set; a policy absent here follows the tier. */
export type RateLimitOverrides = Partial<Record<CallerPolicy, number>>

export interface StoredOverrides {
  readonly limits: RateLimitOverrides
  readonly updatedAt: Date
  /** The admin who last changed them, when known. */
  readonly updatedBy: string | undefined
}

/** Where a policy's limit comes from. */
export type LimitSource = 'default' | 'tier' | 'override'

/** One policy as it applies to one caller. */
export interface AppliedPolicy {
  readonly name: PolicyName
  /** The counter this caller shares with others in this policy (`all` for global). */
  readonly key: string
  readonly limit: number
  readonly source: LimitSource
}

/** A policy's window as seen by one caller. */
export interface PolicyState {
  readonly name: PolicyName
  readonly limit: number
  readonly windowSeconds: number
  /**
   * Requests counted in the current window: refused ones included, except those a Redis-backed instance refused
   * from its in-memory block (they never reach Redis).
   */
  readonly used: number
  readonly remaining: number
  /** Seconds until the current window ends and the full quota is back; 0 when no window is open. */
  readonly resetSeconds: number
  readonly source: LimitSource
}

/** The outcome of counting one request against every policy that applies to it. */
export interface RateLimitDecision {
  readonly allowed: boolean
  /** Every policy that applied, in POLICY_NAMES order. */
  readonly policies: readonly PolicyState[]
  /** The policies that refused the request (empty when allowed). */
  readonly violated: readonly PolicyState[]
  /** When refused: whole seconds until every violated window has ended. */
  readonly retryAfterSeconds: number
}

/** Effective limits of a user as an admin sees them. */
export interface UserRateLimits {
  readonly userId: string
  readonly tier: UserTier
  readonly overrides: RateLimitOverrides
  /** The limit each per-caller policy applies to this user now. */
  readonly limits: Readonly<Record<CallerPolicy, number>>
  readonly windowSeconds: number
  readonly updatedAt: Date | undefined
}
