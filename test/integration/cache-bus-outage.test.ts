/**
 * The cache bus when Redis is unreachable as an instance starts: its SUBSCRIBE fails (once an unhandled rejection,
 * after which the instance never heard another instance's invalidations). Now it is retried: no unhandled
 * rejection, and once Redis is up an invalidation on another instance drops this instance's in-memory copy.
 */
import { setTimeout as delay } from 'node:timers/promises'
import { pino } from 'pino'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createBentoCache } from '../../src/adapters/cache/bentocache.adapter.js'
import { CACHE_TTL_DEFAULTS } from '../../src/config/cache.js'
import { freePort, HAS_REDIS_SERVER, startThrowawayRedis } from '../helpers/redis-server.js'

function cacheOn(redisUrl: string) {
  const cache = createBentoCache({
    settings: {
      ttlSeconds: CACHE_TTL_DEFAULTS,
      graceSeconds: 3600,
      timeoutMs: 0,
      memoryMaxItems: 1000,
      redisTimeoutMs: 200,
      circuitBreakerSeconds: 1,
    },
    redisUrl,
    keyPrefix: 'bus-outage:',
    logger: pino({ level: 'silent' }),
  })
  onTestFinished(() => cache.close())
  return cache
}

describe.skipIf(!HAS_REDIS_SERVER)('cache bus started while Redis is down', () => {
  it('subscribes once Redis is up, without an unhandled rejection, and then hears invalidations', async () => {
    const unhandled: unknown[] = []
    const record = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', record)
    onTestFinished(() => {
      process.off('unhandledRejection', record)
    })

    const port = await freePort()
    const url = `redis://127.0.0.1:${port}`
    const early = cacheOn(url)
    // Long enough for the SUBSCRIBE queued at start to give up (the bus connection retries a command once).
    await delay(1500)
    await startThrowawayRedis(port)
    const late = cacheOn(url)

    let version = 1
    const load = async () => `v${version}`
    expect(await early.getOrSet('JOB_ANALYSIS', 'k', ['job:1'], load)).toBe('v1')
    expect(await late.getOrSet('JOB_ANALYSIS', 'k', ['job:1'], load)).toBe('v1')

    // Messages published before the early instance's SUBSCRIBE goes through are lost (pub/sub keeps nothing), so
    // the other instance keeps invalidating until the early one drops its copy.
    let seen = ''
    for (let waited = 0; waited < 10_000 && seen !== `v${version}`; waited += 200) {
      version += 1
      await late.invalidateTags(['job:1'])
      await delay(200)
      seen = await early.getOrSet('JOB_ANALYSIS', 'k', ['job:1'], load)
    }
    expect(seen).toBe(`v${version}`)
    expect(unhandled).toEqual([])
  }, 60_000)
})
