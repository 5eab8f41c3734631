import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.js'
import { ENV_EXAMPLE_PATH, renderEnvExample } from './env-example.js'
import { SETTING_LIST } from './settings.js'

/** The `KEY=value` lines of a .env file; commented lines are left out, as a shell or dotenv would. */
function parseEnvFile(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1], m[2]]))
}

describe('.env.example', () => {
  it('is the committed output of the settings declaration', async () => {
    const committed = await readFile(ENV_EXAMPLE_PATH, 'utf8')
    expect(committed, `${ENV_EXAMPLE_PATH} is out of date with src/config/settings.ts: run \`npm run docs\``).toBe(
      renderEnvExample(),
    )
  })

  it('documents every setting once, and its values load to the same config as no settings at all', () => {
    const text = renderEnvExample()
    for (const [key] of SETTING_LIST) expect(text.match(new RegExp(`^(# )?${key}=`, 'gm'))).toHaveLength(1)
    expect(loadConfig(parseEnvFile(text))).toEqual(loadConfig({}))
  })

  it('writes no value for a secret', () => {
    const secrets = SETTING_LIST.filter(([, setting]) => setting.secret).map(([key]) => key)
    expect(secrets).toContain('AWS_SECRET_ACCESS_KEY')
    expect(Object.keys(parseEnvFile(renderEnvExample())).filter((key) => secrets.includes(key as never))).toEqual([])
  })
})
