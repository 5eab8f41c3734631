import { describe, expect, it } from 'vitest'
import { createMemoryRateLimitOverrideRepository } from '../../adapters/memory/rate-limit-override.repository.js'
import { createMemoryUserRepository } from '../../adapters/memory/user.repository.js'
import { createMemoryCounterStore } from '../../adapters/rate-limit/memory-counter.store.js'
import type { UserTier } from '../accounts/account.types.js'
import { createRateLimitService } from './rate-limit.service.js'
import type { PolicyName } from './rate-limit.types.js'

const NOW = new Date('2026-11-29T04:00:00Z')

async function setup() {
  const users = createMemoryUserRepository()
  const rejected: PolicyName[] = []
  const service = createRateLimitService({
    counters: createMemoryCounterStore({ windowSeconds: 60, keyPrefix: 'unit:' }),
    overrides: createMemoryRateLimitOverrideRepository(),
    users,
    monitor: { rejected: (policy) => rejected.push(policy) },
    settings: {
      windowSeconds: 60,
      limits: { global: 1000, user: 6, analysis: 4, ai: 2, upload: 1, export: 2 },
      tierMultipliers: { free: 1, pro: 3, premium: 10 },
    },
    clock: { now: () => NOW },
  })
  const aUser = async (id: string, tier: UserTier = 'free') => {
    await users.create({
      id,
      email: `${id}@example.com`,
      displayName: id,
      tier,
      role: 'user',
      createdAt: NOW,
      updatedAt: NOW,
      passwordHash: 'x',
    })
    return { kind: 'user' as const, userId: id, tier }
  }
  return { service, rejected, aUser }
}

describe('rate-limit service', () => {
  it('refuses past the limit, names the violated policy and reports each refusal once', async () => {
    const { service, rejected, aUser } = await setup()
    const caller = await aUser('11111111-1111-4111-8111-111111111111')
    const decisions = []
    for (let i = 0; i < 3; i++) decisions.push(await service.consume(caller, ['user', 'ai']))

    expect(decisions.map((d) => d.allowed)).toEqual([true, true, false])
    const last = decisions[2]
    expect(last?.violated.map((s) => s.name)).toEqual(['ai'])
    expect(last?.policies.find((s) => s.name === 'user')).toMatchObject({ limit: 6, used: 3, remaining: 3 })
    expect(last?.retryAfterSeconds).toBeGreaterThanOrEqual(59)
    expect(last?.retryAfterSeconds).toBeLessThanOrEqual(60)
    expect(rejected).toEqual(['ai'])
  })

  it('scales per-caller limits by tier but never the global one, and lets overrides replace them', async () => {
    const { service, aUser } = await setup()
    const pro = await aUser('22222222-2222-4222-8222-222222222222', 'pro')
    const limits = async () =>
      Object.fromEntries((await service.status(pro)).map((s) => [s.name, `${s.limit}/${s.source}`]))
    expect(await limits()).toEqual({
      global: '1000/default',
      user: '18/tier',
      analysis: '12/tier',
      ai: '6/tier',
      upload: '3/tier',
      export: '6/tier',
    })

    const updated = await service.setUserLimits(pro.userId, { ai: 0, user: 500 }, undefined)
    expect(updated.limits).toEqual({ user: 500, analysis: 12, ai: 0, upload: 3, export: 6 })
    expect(await limits()).toMatchObject({ user: '500/override', ai: '0/override', upload: '3/tier' })
    expect((await service.consume(pro, ['user', 'ai'])).violated.map((s) => s.name)).toEqual(['ai'])

    await service.setUserLimits(pro.userId, {}, undefined)
    expect((await service.getUserLimits(pro.userId)).overrides).toEqual({})
  })

  it('keys anonymous callers by address with free-tier limits', async () => {
    const { service } = await setup()
    const a = { kind: 'anonymous' as const, ip: '192.0.2.1' }
    const b = { kind: 'anonymous' as const, ip: '192.0.2.2' }
    for (let i = 0; i < 6; i++) expect((await service.consume(a, ['user'])).allowed).toBe(true)
    expect((await service.consume(a, ['user'])).allowed).toBe(false)
    expect((await service.consume(b, ['user'])).allowed).toBe(true)
  })

  it('rejects unknown users and invalid custom limits', async () => {
    const { service, aUser } = await setup()
    await expect(service.getUserLimits('33333333-3333-4333-8333-333333333333')).rejects.toMatchObject({
      code: 'USER_NOT_FOUND',
    })
    const caller = await aUser('44444444-4444-4444-8444-444444444444')
    await expect(service.setUserLimits(caller.userId, { user: -1 }, undefined)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    })
    await expect(
      service.setUserLimits(caller.userId, { global: 5 } as unknown as Record<string, number>, undefined),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  })
})
