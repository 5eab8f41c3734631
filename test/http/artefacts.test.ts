import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { renderErrorsDoc, renderOpenApi } from '../helpers/artefacts.js'
import { startTestServer } from '../helpers/server.js'

describe('committed artefacts', () => {
  it('docs/errors.md lists every error code with its status (run `npm run docs` to refresh)', async () => {
    expect(await readFile('docs/errors.md', 'utf8')).toBe(renderErrorsDoc())
  })

  it('openapi.json matches the document the routes generate (run `npm run docs` to refresh)', async () => {
    expect(JSON.parse(await readFile('openapi.json', 'utf8'))).toEqual(JSON.parse(await renderOpenApi()))
  })

  it('serves the OpenAPI 3.1 document with every /api route', async () => {
    const { server } = await startTestServer()
    const response = await server.inject({ method: 'GET', url: '/api/docs/openapi.json' })
    expect(response.statusCode).toBe(200)
    const document = response.json()
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/register',
        '/api/auth/login',
        '/api/me',
        '/api/me/settings',
        '/api/health/live',
      ]),
    )
    expect(document.components.schemas.Problem).toBeDefined()
  })
})
