import { setTimeout as delay } from 'node:timers/promises'
import { pino } from 'pino'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { SessionWithUser } from '../../domain/accounts/account.ports.js'
import { BentoSessionCache, type SessionCacheSettings } from './session-cache.js'

const REDIS_URL = process.env.REDIS_URL || undefined

function aPair(tokenHash: string, userId = 'user-1'): SessionWithUser {
  const at = new Date('2026-01-01T00:00:00Z')
  return {
    session: { tokenHash, userId, createdAt: at, expiresAt: new Date('2026-02-01T00:00:00Z'), lastSeenAt: at },
    user: {
      id: userId,
      email: `${userId}@example.com`,
      displayName: userId,
      tier: 'free',
      role: 'user',
      createdAt: at,
      updatedAt: at,
    },
  }
}

function aCache(settings: Partial<SessionCacheSettings> = {}, options: { redisUrl?: string; keyPrefix?: string } = {}) {
  const cache = new BentoSessionCache({
    settings: { ttlMs: 60_000, maxItems: 100, ...settings },
    keyPrefix: options.keyPrefix ?? 'unit:',
    redisUrl: options.redisUrl,
    logger: pino({ level: 'silent' }),
  })
  onTestFinished(() => cache.close())
  return cache
}

/** A loader answering `pair` (or nothing) that counts its calls. */
function counting(pair: SessionWithUser | undefined) {
  const loader = async () => {
    loader.calls++
    return pair
  }
  loader.calls = 0
  return loader
}

describe('BentoSessionCache', () => {
  it('answers a repeat read from memory', async () => {
    const cache = aCache()
    const load = counting(aPair('t1'))
    expect(await cache.read('t1', load)).toEqual(aPair('t1'))
    expect(await cache.read('t1', load)).toEqual(aPair('t1'))
    expect(load.calls).toBe(1)
  })

  it('never keeps an unknown token', async () => {
    const cache = aCache()
    const load = counting(undefined)
    expect(await cache.read('nope', load)).toBeUndefined()
    expect(await cache.read('nope', load)).toBeUndefined()
    expect(load.calls).toBe(2)
  })

  it('reads again once the entry has lived its TTL', async () => {
    const cache = aCache({ ttlMs: 50 })
    const load = counting(aPair('t1'))
    await cache.read('t1', load)
    await delay(80)
    await cache.read('t1', load)
    expect(load.calls).toBe(2)
  })

  it('keeps at most maxItems entries, the least recently used going first', async () => {
    const cache = aCache({ maxItems: 2 })
    const loads = { t1: counting(aPair('t1')), t2: counting(aPair('t2')), t3: counting(aPair('t3')) }
    await cache.read('t1', loads.t1)
    await cache.read('t2', loads.t2)
    await cache.read('t1', loads.t1)
    await cache.read('t3', loads.t3)
    await cache.read('t1', loads.t1)
    await cache.read('t2', loads.t2)
    expect(loads.t1.calls).toBe(1)
    expect(loads.t2.calls).toBe(2)
  })

  it('drops one token, or every token of a user, at once', async () => {
    const cache = aCache()
    const loads = { a: counting(aPair('a', 'u1')), b: counting(aPair('b', 'u1')), c: counting(aPair('c', 'u2')) }
    for (const [token, load] of Object.entries(loads)) await cache.read(token, load)
    await cache.dropSession('a')
    for (const [token, load] of Object.entries(loads)) await cache.read(token, load)
    expect([loads.a.calls, loads.b.calls, loads.c.calls]).toEqual([2, 1, 1])
    await cache.dropUser('u1')
    for (const [token, load] of Object.entries(loads)) await cache.read(token, load)
    expect([loads.a.calls, loads.b.calls, loads.c.calls]).toEqual([3, 2, 1])
  })

  it('never serves a load that was under way when its user was dropped', async () => {
    const cache = aCache()
    let release: () => void = () => {}
    let calls = 0
    // The first load read the session before the drop and answers after it; by then the store has no session.
    const load = async () => {
      calls++
      if (calls > 1) return undefined
      await new Promise<void>((resolve) => {
        release = resolve
      })
      return aPair('t1')
    }
    const reading = cache.read('t1', load)
    await delay(10)
    await cache.dropUser('user-1')
    release()
    expect(await reading).toBeUndefined()
    expect(await cache.read('t1', load)).toBeUndefined()
    expect(calls).toBe(3)
  })

  it('records use on the cached copy without reading again', async () => {
    const cache = aCache()
    const load = counting(aPair('t1'))
    await cache.read('t1', load)
    const at = new Date('2026-01-02T00:00:00Z')
    await cache.recordUse('t1', at)
    expect((await cache.read('t1', load))?.session.lastSeenAt).toEqual(at)
    expect(load.calls).toBe(1)
    cache.forget('t1')
    await cache.read('t1', load)
    expect(load.calls).toBe(2)
  })

  describe.skipIf(!REDIS_URL)('on the Redis bus', () => {
    it('a drop on one instance reaches another', async () => {
      const keyPrefix = `unit:${Date.now()}:${Math.random()}:`
      const a = aCache({}, { redisUrl: REDIS_URL as string, keyPrefix })
      const b = aCache({}, { redisUrl: REDIS_URL as string, keyPrefix })
      await delay(200)
      const loads = { t1: counting(aPair('t1', 'u1')), t2: counting(aPair('t2', 'u2')) }
      await b.read('t1', loads.t1)
      await b.read('t2', loads.t2)
      await a.dropSession('t1')
      await a.dropUser('u2')
      await delay(100)
      await b.read('t1', loads.t1)
      await b.read('t2', loads.t2)
      expect([loads.t1.calls, loads.t2.calls]).toEqual([2, 2])
    })
  })
})
