import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

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

  it('is in step with .env.example: every documented key is read and every read key is documented', async () => {
    const example = await readFile('.env.example', 'utf8')
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]))
    const source = await readFile('src/config/config.ts', 'utf8')
    const read = new Set(
      [...source.matchAll(/\b(?:read|int|bool|url|origins|rate)\('([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]),
    )
    expect([...read].sort()).toEqual([...documented].sort())
  })
})
