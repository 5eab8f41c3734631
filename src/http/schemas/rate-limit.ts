import { type Static, Type } from '@sinclair/typebox'
import { USER_TIERS } from '../../domain/accounts/account.types.js'
import { MAX_CUSTOM_LIMIT } from '../../domain/rate-limits/rate-limit.service.js'
import { POLICY_NAMES, type PolicyState, type UserRateLimits } from '../../domain/rate-limits/rate-limit.types.js'

const Tier = Type.Union(USER_TIERS.map((t) => Type.Literal(t)))
const Count = Type.Integer({ minimum: 0 })

export const PolicyStatus_ = Type.Object(
  {
    name: Type.Union(POLICY_NAMES.map((n) => Type.Literal(n))),
    limit: Type.Integer({ minimum: 0, description: 'Requests allowed per window' }),
    windowSeconds: Type.Integer({ minimum: 1 }),
    used: Type.Integer({ minimum: 0, description: 'Requests counted in the current window, refused ones included' }),
    remaining: Count,
    reset: Type.Integer({ minimum: 0, description: 'Seconds until the current window ends (0: no window open)' }),
    source: Type.Union([Type.Literal('default'), Type.Literal('tier'), Type.Literal('override')]),
  },
  { additionalProperties: false },
)

export const RateLimitStatus_ = Type.Object(
  {
    caller: Type.Union([Type.Literal('user'), Type.Literal('anonymous')]),
    tier: Tier,
    policies: Type.Array(PolicyStatus_),
  },
  { additionalProperties: false },
)

export function toPolicyStatus(state: PolicyState): Static<typeof PolicyStatus_> {
  return {
    name: state.name,
    limit: state.limit,
    windowSeconds: state.windowSeconds,
    used: state.used,
    remaining: state.remaining,
    reset: state.resetSeconds,
    source: state.source,
  }
}

const CustomLimit = Type.Integer({ minimum: 0, maximum: MAX_CUSTOM_LIMIT })
const CallerLimits = {
  user: CustomLimit,
  analysis: CustomLimit,
  ai: CustomLimit,
  upload: CustomLimit,
  export: CustomLimit,
}

export const CustomLimitsBody = Type.Object(
  {
    user: Type.Optional(CallerLimits.user),
    analysis: Type.Optional(CallerLimits.analysis),
    ai: Type.Optional(CallerLimits.ai),
    upload: Type.Optional(CallerLimits.upload),
    export: Type.Optional(CallerLimits.export),
  },
  {
    additionalProperties: false,
    description: 'Custom requests-per-window limits; a policy left out follows the tier. `{}` clears them all.',
  },
)

export const UserRateLimits_ = Type.Object(
  {
    userId: Type.String({ format: 'uuid' }),
    tier: Tier,
    overrides: CustomLimitsBody,
    limits: Type.Object(CallerLimits, { additionalProperties: false, description: 'The limits that apply now' }),
    windowSeconds: Type.Integer({ minimum: 1 }),
    updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false },
)

export function toUserRateLimitsResponse(limits: UserRateLimits): Static<typeof UserRateLimits_> {
  return {
    userId: limits.userId,
    tier: limits.tier,
    overrides: { ...limits.overrides },
    limits: { ...limits.limits },
    windowSeconds: limits.windowSeconds,
    updatedAt: limits.updatedAt?.toISOString() ?? null,
  }
}
