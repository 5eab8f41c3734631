import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { renderOpenApi } from '../helpers/artefacts.js'
import { renderWebTypes, WEB_TYPES_PATH } from '../helpers/web-types.js'

describe('web API types', () => {
  it('are generated from the OpenAPI document the routes produce now', { timeout: 60_000 }, async () => {
    const expected = await renderWebTypes(await renderOpenApi())
    const committed = await readFile(WEB_TYPES_PATH, 'utf8')
    expect(committed, `${WEB_TYPES_PATH} is out of date: run \`npm run docs\` and commit the result`).toBe(expected)
  })
})
