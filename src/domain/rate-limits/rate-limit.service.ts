import type { UserRepository } from '../accounts/account.ports.js'
import { DomainError } from '../errors.js'
import type { Clock } from '../ports.js'
import { appliedPolicies, callerKey, callerLimits } from './rate-limit.policies.js'
import type {
  RateLimitCounterStore,
  RateLimitMonitor,
  RateLimitOverrideRepository,
  WindowCount,
} from './rate-limit.ports.js'
import {
  type AppliedPolicy,
  CALLER_POLICIES,
  POLICY_NAMES,
  type PolicyName,
  type PolicyState,
  type RateLimitCaller,
  type RateLimitDecision,
  type RateLimitOverrides,
  type RateLimitSettings,
  type UserRateLimits,
} from './rate-limit.types.js'

export interface RateLimitServiceDeps {
  readonly counters: RateLimitCounterStore
  readonly overrides: RateLimitOverrideRepository
  readonly users: Pick<UserRepository, 'findById'>
  readonly monitor: RateLimitMonitor
  readonly settings: RateLimitSettings
  readonly clock: Clock
}

/** Largest custom limit an admin may set, per window. */
export const MAX_CUSTOM_LIMIT = 1_000_000_000

export function createRateLimitService(deps: RateLimitServiceDeps) {
  const { counters, settings } = deps

  const toState = (policy: AppliedPolicy, count: WindowCount | undefined): PolicyState => {
    const used = count?.used ?? 0
    return {
      name: policy.name,
      limit: policy.limit,
      windowSeconds: settings.windowSeconds,
      used,
      remaining: Math.max(policy.limit - used, 0),
      resetSeconds: count ? Math.max(0, Math.ceil(count.msBeforeReset / 1000)) : 0,
      source: policy.source,
    }
  }

  async function policiesFor(caller: RateLimitCaller, names: readonly PolicyName[]) {
    const perCaller = names.some((name) => name !== 'global')
    const stored = caller.kind === 'user' && perCaller ? await deps.overrides.find(caller.userId) : undefined
    return appliedPolicies(settings, caller, stored?.limits, names)
  }

  async function userLimits(userId: string): Promise<UserRateLimits> {
    const user = await deps.users.findById(userId)
    if (!user) throw new DomainError('USER_NOT_FOUND', 'The user does not exist.')
    const stored = await deps.overrides.find(userId)
    const limits = callerLimits(settings, user.tier, stored?.limits)
    return {
      userId,
      tier: user.tier,
      overrides: stored?.limits ?? {},
      limits: Object.fromEntries(CALLER_POLICIES.map((name) => [name, limits[name].limit])) as UserRateLimits['limits'],
      windowSeconds: settings.windowSeconds,
      updatedAt: stored?.updatedAt,
    }
  }

  return {
    /**
     * Counts one request of the caller against each named policy (all of them, even when one refuses) and says
     * whether it may proceed. Refusals are reported to the monitor.
     */
    async consume(caller: RateLimitCaller, names: readonly PolicyName[]): Promise<RateLimitDecision> {
      const policies = await policiesFor(caller, names)
      const counts = await Promise.all(policies.map((p) => counters.consume(p.name, p.key, p.limit)))
      const states = policies.map((policy, i) => toState(policy, counts[i]))
      const violated = states.filter((state) => state.used > state.limit)
      for (const state of violated) deps.monitor.rejected(state.name)
      return {
        allowed: violated.length === 0,
        policies: states,
        violated,
        retryAfterSeconds: violated.length === 0 ? 0 : Math.max(1, ...violated.map((state) => state.resetSeconds)),
      }
    },

    /** Every policy that can apply to the caller, with its current window, without counting anything. */
    async status(caller: RateLimitCaller): Promise<PolicyState[]> {
      const policies = await policiesFor(caller, POLICY_NAMES)
      const counts = await Promise.all(policies.map((p) => counters.peek(p.name, p.key, p.limit)))
      return policies.map((policy, i) => toState(policy, counts[i]))
    },

    /**
     * Forgets a deleted user: the counters of the user and of each of their API keys in every per-caller policy,
     * and their custom limits with any cached copy.
     */
    async forgetUser(userId: string, apiKeyIds: readonly string[]): Promise<void> {
      const keys = [
        callerKey({ kind: 'user', userId, tier: 'free' }),
        ...apiKeyIds.map((apiKeyId) => callerKey({ kind: 'user', userId, tier: 'free', apiKeyId })),
      ]
      await Promise.all(CALLER_POLICIES.flatMap((policy) => keys.map((key) => counters.forget(policy, key))))
      await deps.overrides.deleteAll(userId)
    },

    /** A user's tier, custom limits and effective limits; throws USER_NOT_FOUND. */
    getUserLimits: userLimits,

    /** Replaces a user's custom limits (an empty object clears them); throws USER_NOT_FOUND or VALIDATION_FAILED. */
    async setUserLimits(
      userId: string,
      overrides: RateLimitOverrides,
      by: string | undefined,
    ): Promise<UserRateLimits> {
      const user = await deps.users.findById(userId)
      if (!user) throw new DomainError('USER_NOT_FOUND', 'The user does not exist.')
      const errors = Object.entries(overrides)
        .filter(([name, limit]) => {
          const known = (CALLER_POLICIES as readonly string[]).includes(name)
          return !known || !Number.isInteger(limit) || (limit as number) < 0 || (limit as number) > MAX_CUSTOM_LIMIT
        })
        .map(([name]) => ({
          pointer: `/body/${name}`,
          message: `must be one of ${CALLER_POLICIES.join(', ')} with an integer from 0 to ${MAX_CUSTOM_LIMIT}`,
        }))
      if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', 'The custom limits are not valid.', { errors })
      await deps.overrides.replace(userId, overrides, deps.clock.now(), by)
      return userLimits(userId)
    },
  }
}

export type RateLimitService = ReturnType<typeof createRateLimitService>
