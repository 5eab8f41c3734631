import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'
import { SETTING_LIST } from './settings.js'

describe('loadConfig', () => {
  it('runs on embedded defaults with no settings', () => {
    const config = loadConfig({})
    expect(config.port).toBe(3000)
    expect(config.database.url).toBeUndefined()
    expect(config.database).toMatchObject({
      poolMax: 10,
      connectionTimeoutMs: 10_000,
      idleTimeoutMs: 30_000,
      statementTimeoutMs: 10_000,
    })
    expect(config.autoMigrate).toBe(true)
    expect(config.redisUrl).toBeUndefined()
    expect(config.dataDir).toMatch(/[/\\]data$/)
  })

  it('reports every invalid setting at once', () => {
    let error: unknown
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', COOKIE_SECURE: 'maybe' })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigError)
    const problems = (error as ConfigError).problems
    expect(problems).toHaveLength(4)
    for (const key of ['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'COOKIE_SECURE']) {
      expect(problems.some((p) => p.startsWith(key))).toBe(true)
    }
  })

  it('returns a frozen object, nested sections included', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db/roleready' })
    expect(Object.isFrozen(config)).toBe(true)
    expect(Object.isFrozen(config.database)).toBe(true)
    expect(config.autoMigrate).toBe(false)
  })

  it('never repeats the value of a secret in a problem', () => {
    let error: unknown
    try {
      loadConfig({ DATABASE_URL: 'not a url hunter2', AI_PRICES: 'x', PORT: '99999' })
    } catch (caught) {
      error = caught
    }
    expect((error as ConfigError).message).not.toContain('hunter2')
    expect((error as ConfigError).problems).toHaveLength(3)
  })

  it('reads blank settings as unset and trims the others', () => {
    expect(loadConfig({ PORT: '  ', LOG_LEVEL: ' DEBUG ', TRUST_PROXY: ' yes ' })).toMatchObject({
      port: 3000,
      logLevel: 'debug',
      trustProxy: true,
    })
  })

  it('derives the defaults that depend on other settings', () => {
    const postgres = loadConfig({ DATABASE_URL: 'postgres://db/roleready', REDIS_URL: 'redis://cache' })
    expect(postgres.observability.maxEventLoopDelayMs).toBe(1000)
    expect(postgres.cache.redisUrl).toBe('redis://cache')
    expect(loadConfig({}).observability.maxEventLoopDelayMs).toBe(0)
    expect(loadConfig({ AUTO_MIGRATE: 'false' }).autoMigrate).toBe(false)
    expect(loadConfig({ CACHE_HIT_RATE_THRESHOLD_PERCENT: '25' }).cache.hitRateThreshold).toBe(0.25)
  })
})

describe('the settings declaration', () => {
  it('gives every setting a description, and a default its own rule accepts', () => {
    for (const [key, setting] of SETTING_LIST) {
      expect(setting.doc, key).not.toBe('')
      if (setting.defaultText === undefined || setting.defaultText === '') continue
      const parsed = setting.parse(setting.defaultText, key, `"${setting.defaultText}"`)
      expect(parsed, key).toEqual({ value: setting.default })
    }
  })

  it('gives no secret a default', () => {
    for (const [key, setting] of SETTING_LIST) if (setting.secret) expect(setting.defaultText, key).toBeUndefined()
  })
})
