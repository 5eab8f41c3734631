import pino from 'pino'
import { Registry } from 'prom-client'
import { describe, expect, it } from 'vitest'
import type { CacheStats } from '../domain/cache/cache.types.js'
import { startCacheMonitoring } from './cache-monitor.js'

function statsWith(total: { hits: number; misses: number; graced: number }): CacheStats {
  const lookups = total.hits + total.misses + total.graced
  const counts = { ...total, errors: 0, hitRate: lookups ? (total.hits + total.graced) / lookups : 0, missRate: 0 }
  return { enabled: true, tiers: ['memory'], total: counts, namespaces: {} } as unknown as CacheStats
}

function monitored() {
  const total = { hits: 0, misses: 0, graced: 0 }
  const warnings: unknown[] = []
  const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) })
  const registry = new Registry()
  const monitor = startCacheMonitoring({
    getCacheStats: () => statsWith(total),
    registry,
    logger,
    windowSeconds: 3600,
    minLookups: 10,
    threshold: 0.5,
  })
  const gauge = async (name: string) => (await registry.getSingleMetric(name)?.get())?.values[0]?.value
  return { total, warnings, monitor, gauge }
}

describe('cache hit-rate monitor', () => {
  it('warns and sets cache_hit_rate_low when a window with enough lookups hits less than half', async () => {
    const { total, warnings, monitor, gauge } = monitored()
    total.hits = 4
    total.misses = 8
    expect(monitor.check()).toBeCloseTo(4 / 12)
    expect(await gauge('cache_hit_rate_low')).toBe(1)
    expect(await gauge('cache_hit_rate_window')).toBeCloseTo(4 / 12)
    expect(warnings).toMatchObject([{ msg: 'cache hit rate is low', lookups: 12, threshold: 0.5 }])
    monitor.stop()
  })

  it('judges each window on its own lookups, counting graced hits as hits', async () => {
    const { total, warnings, monitor, gauge } = monitored()
    total.misses = 20
    monitor.check() // a cold start: low
    total.hits = 15
    total.graced = 5
    total.misses = 25 // this window: 20 hits, 5 misses
    expect(monitor.check()).toBeCloseTo(0.8)
    expect(await gauge('cache_hit_rate_low')).toBe(0)
    expect(warnings).toHaveLength(1)
    monitor.stop()
  })

  it('says nothing about a window with too few lookups to judge', async () => {
    const { total, warnings, monitor, gauge } = monitored()
    total.misses = 9
    expect(monitor.check()).toBeUndefined()
    expect(await gauge('cache_hit_rate_low')).toBe(0)
    expect(warnings).toEqual([])
    monitor.stop()
  })
})
