import type { UserTier } from '../accounts/account.types.js'
import {
  type AppliedPolicy,
  CALLER_POLICIES,
  type CallerPolicy,
  type LimitSource,
  POLICY_NAMES,
  type PolicyName,
  type RateLimitCaller,
  type RateLimitOverrides,
  type RateLimitSettings,
} from './rate-limit.types.js'

/** The counter key of a caller in the per-caller policies (a personal API key counts apart from its user). */
export function callerKey(caller: RateLimitCaller): string {
  if (caller.kind === 'anonymous') return `ip:${caller.ip}`
  return caller.apiKeyId === undefined ? `u:${caller.userId}` : `k:${caller.apiKeyId}`
}

/** The limit and its source of each per-caller policy for a tier, with the user's overrides applied. */
export function callerLimits(
  settings: RateLimitSettings,
  tier: UserTier,
  overrides: RateLimitOverrides = {},
): Record<CallerPolicy, { limit: number; source: LimitSource }> {
  const multiplier = settings.tierMultipliers[tier]
  const entries = CALLER_POLICIES.map((name) => {
    const override = overrides[name]
    if (override !== undefined) return [name, { limit: override, source: 'override' as const }] as const
    return [
      name,
      {
        limit: settings.limits[name] * multiplier,
        source: multiplier === 1 ? ('default' as const) : ('tier' as const),
      },
    ] as const
  })
  return Object.fromEntries(entries) as Record<CallerPolicy, { limit: number; source: LimitSource }>
}

/** The named policies as they apply to the caller (limit, source and counter key), in POLICY_NAMES order. */
export function appliedPolicies(
  settings: RateLimitSettings,
  caller: RateLimitCaller,
  overrides: RateLimitOverrides | undefined,
  names: readonly PolicyName[],
): AppliedPolicy[] {
  const limits = callerLimits(settings, caller.kind === 'user' ? caller.tier : 'free', overrides)
  const key = callerKey(caller)
  return POLICY_NAMES.filter((name) => names.includes(name)).map((name) =>
    name === 'global'
      ? { name, key: 'all', limit: settings.limits.global, source: 'default' as const }
      : { name, key, ...limits[name] },
  )
}
