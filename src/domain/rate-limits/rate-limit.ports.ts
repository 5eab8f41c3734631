import type { PolicyName, RateLimitOverrides, StoredOverrides } from './rate-limit.types.js'

/** A policy window's count for one key. */
export interface WindowCount {
  /** Requests counted in the current window, the one just counted included. */
  readonly used: number
  /** Milliseconds until the window ends (never less than the true remaining time). */
  readonly msBeforeReset: number
}

/**
 * Fixed-window request counters, one window per policy and key, shared by every instance when the store is.
 * `limit` is the caller's current limit: a store may use it to refuse a key it knows is over without asking its
 * backend (an over-limit count may then be reported as `limit + 1`).
 */
export interface RateLimitCounterStore {
  /** Counts one request for `key` in `policy` (opening a window when none is open); never throws for a backend outage. */
  consume(policy: PolicyName, key: string, limit: number): Promise<WindowCount>
  /** The open window's count without counting anything; undefined when no window is open. */
  peek(policy: PolicyName, key: string, limit: number): Promise<WindowCount | undefined>
  /** Removes the key's window in `policy` on every instance (its caller is gone); an unknown key is not an error. */
  forget(policy: PolicyName, key: string): Promise<void>
}

/** Durable per-user custom limits. */
export interface RateLimitOverrideRepository {
  /** The user's custom limits, or undefined when none were ever set. */
  find(userId: string): Promise<StoredOverrides | undefined>
  /** Replaces every custom limit of the user (an empty set clears them); visible to every instance once it returns. */
  replace(userId: string, limits: RateLimitOverrides, at: Date, by: string | undefined): Promise<StoredOverrides>
  /** Removes every custom limit of the user and any cached copy of them (the user is gone). */
  deleteAll(userId: string): Promise<void>
}

/** Where refusals are reported (metrics). */
export interface RateLimitMonitor {
  /** One request was refused by `policy` (called once per violated policy). */
  rejected(policy: PolicyName): void
}
