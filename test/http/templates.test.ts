import { describe, expect, it } from 'vitest'
import { PREVIEW_CSP } from '../../src/http/routes/templates/templates.routes.js'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

describe('templates API', () => {
  it('lists the built-in templates with an hour of caching and an ETag that answers 304', async () => {
    const { server } = await startTestServer()
    const response = await server.inject({ method: 'GET', url: '/api/templates' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('public, max-age=3600')
    const etag = String(response.headers.etag)
    expect(etag).toMatch(/^"[\w-]+"$/)
    const { items } = response.json() as {
      items: { id: string; formats: string[]; source: string; previewUrl: string }[]
    }
    const builtins = items.filter((t) => t.source === 'builtin').map((t) => t.id)
    expect(builtins).toEqual(['classic', 'modern', 'compact', 'sidebar', 'two-column'])
    expect(items[0]?.formats).toEqual(['pdf', 'docx', 'html', 'md', 'txt', 'json'])
    expect(items[0]?.previewUrl).toBe('/api/templates/classic/preview')

    const again = await server.inject({ method: 'GET', url: '/api/templates', headers: { 'if-none-match': etag } })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    expect(again.headers.etag).toBe(etag)
  })

  it('returns one template and 404 TEMPLATE_NOT_FOUND for an unknown id', async () => {
    const { server } = await startTestServer()
    const one = await server.inject({ method: 'GET', url: '/api/templates/compact' })
    expect(one.statusCode).toBe(200)
    expect(one.json()).toMatchObject({ id: 'compact', name: 'Compact', source: 'builtin' })
    problemOf(await server.inject({ method: 'GET', url: '/api/templates/fancy' }), 404, 'TEMPLATE_NOT_FOUND')
  })

  it('previews a template as an HTML page under a strict Content-Security-Policy', async () => {
    const { server } = await startTestServer()
    const response = await server.inject({ method: 'GET', url: '/api/templates/modern/preview' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['content-security-policy']).toBe(PREVIEW_CSP)
    expect(PREVIEW_CSP).toContain("default-src 'none'")
    expect(PREVIEW_CSP).not.toContain('script-src')
    expect(response.headers['cache-control']).toBe('public, max-age=3600')
    expect(response.body).toContain('<h1>Alex Morgan</h1>')
    expect(response.body).toContain('<body class="template-modern">')
    expect(response.body).not.toMatch(/<script|<link|src=/i)
    const cached = await server.inject({
      method: 'GET',
      url: '/api/templates/modern/preview',
      headers: { 'if-none-match': String(response.headers.etag) },
    })
    expect(cached.statusCode).toBe(304)
  })

  it('marks other API responses no-store', async () => {
    const { server } = await startTestServer()
    const { token } = await registerUser(server)
    const me = await server.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })
    expect(me.statusCode).toBe(200)
    expect(me.headers['cache-control']).toBe('no-store')
  })
})
