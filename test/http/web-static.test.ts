import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type App, buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/config.js'
import { buildServer } from '../../src/http/server.js'
import { migratedPglite } from '../helpers/pglite.js'
import { bearer, problemOf, registerUser, startTestServer } from '../helpers/server.js'

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head></html>'
const SCRIPT = 'console.log("RoleReady")'
const HTML_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'

let root: string
let app: App
let server: FastifyInstance

// One server for the read-only checks below (static files need no fresh database each).
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'roleready-web-'))
  await mkdir(join(root, 'assets'))
  await writeFile(join(root, 'index.html'), INDEX)
  await writeFile(join(root, 'assets', 'index-Ab12Cd34.js'), SCRIPT)
  await writeFile(join(root, 'assets', 'index-Ef56Gh78.css'), 'body{margin:0}')
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: 'memory://', LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS: '0' })
  app = await buildApp(config, { database: await migratedPglite() })
  server = await buildServer(app, { webRoot: root })
})
afterAll(async () => {
  await server?.close()
  await app?.close()
  await rm(root, { recursive: true, force: true })
})

describe('web app serving', () => {
  it('serves index.html at / revalidated on every load, with a CSP that allows only its own scripts', async () => {
    const response = await server.inject({ method: 'GET', url: '/', headers: { accept: HTML_ACCEPT } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.body).toBe(INDEX)
    const csp = String(response.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)

    const etag = String(response.headers.etag)
    expect(etag).toMatch(/^"[^"]+"$/)
    const again = await server.inject({ method: 'GET', url: '/', headers: { 'if-none-match': etag } })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
  })

  it('serves hashed assets as immutable for a year, with an ETag and 304', async () => {
    const script = await server.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js' })
    expect(script.statusCode).toBe(200)
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(script.body).toBe(SCRIPT)
    const style = await server.inject({ method: 'GET', url: '/assets/index-Ef56Gh78.css' })
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8')
    expect(style.headers['cache-control']).toBe('public, max-age=31536000, immutable')

    const revalidated = await server.inject({
      method: 'GET',
      url: '/assets/index-Ab12Cd34.js',
      headers: { 'if-none-match': String(script.headers.etag) },
    })
    expect(revalidated.statusCode).toBe(304)
    const head = await server.inject({ method: 'HEAD', url: '/assets/index-Ab12Cd34.js' })
    expect(head.statusCode).toBe(200)
  })

  it('answers deep links that accept HTML with the app, and other clients with a 404 problem', async () => {
    const page = await server.inject({
      method: 'GET',
      url: '/resumes/7b0c1f7e-0000-4000-8000-000000000000/history?x=1',
      headers: { accept: HTML_ACCEPT },
    })
    expect(page.statusCode).toBe(200)
    expect(page.body).toBe(INDEX)
    expect(page.headers['cache-control']).toBe('no-cache')

    const json = await server.inject({ method: 'GET', url: '/resumes/x', headers: { accept: 'application/json' } })
    problemOf(json, 404, 'ROUTE_NOT_FOUND')
  })

  it('never answers a missing asset with the page', async () => {
    const response = await server.inject({
      method: 'GET',
      url: '/assets/index-Old00000.js',
      headers: { accept: HTML_ACCEPT },
    })
    problemOf(response, 404, 'ROUTE_NOT_FOUND')
  })

  it('leaves /api alone: unknown API paths stay 404 problem+json even for a browser', async () => {
    for (const url of ['/api/nope', '/api', '/api/resumes/x/y/z']) {
      const response = await server.inject({ method: 'GET', url, headers: { accept: HTML_ACCEPT } })
      problemOf(response, 404, 'ROUTE_NOT_FOUND')
    }
    const live = await server.inject({ method: 'GET', url: '/api/health/live' })
    expect(live.statusCode).toBe(200)
    expect(live.headers['content-type']).toContain('json')
  })

  it('says the app is not built, instead of failing, when there is no build', async () => {
    const { server } = await startTestServer({}, { webRoot: join(root, 'missing') })
    const response = await server.inject({ method: 'GET', url: '/', headers: { accept: HTML_ACCEPT } })
    expect(String(problemOf(response, 404, 'WEB_APP_NOT_BUILT').detail)).toContain('npm run build')
    problemOf(await server.inject({ method: 'GET', url: '/assets/x.js' }), 404, 'ROUTE_NOT_FOUND')
    expect((await server.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200)
  })

  it('keeps the web routes out of the OpenAPI document', async () => {
    const document = (await server.inject({ method: 'GET', url: '/api/docs/openapi.json' })).json() as {
      paths: Record<string, unknown>
    }
    expect(Object.keys(document.paths).every((path) => path.startsWith('/api') || path === '/metrics')).toBe(true)
  })

  it("counts page loads against the global limit only, never against a signed-in user's API allowance", async () => {
    const { server } = await startTestServer({ RATE_LIMIT_PER_USER: '3' }, { webRoot: root })
    const { token } = await registerUser(server)
    for (let i = 0; i < 6; i++) {
      for (const url of ['/', '/assets/index-Ab12Cd34.js', '/resumes/deep-link']) {
        const response = await server.inject({ method: 'GET', url, headers: { ...bearer(token), accept: HTML_ACCEPT } })
        expect(response.statusCode, url).toBe(200)
        expect(String(response.headers['ratelimit-policy'])).toMatch(/^"global";/)
      }
    }
    for (let i = 0; i < 3; i++) {
      expect((await server.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).statusCode).toBe(200)
    }
    problemOf(await server.inject({ method: 'GET', url: '/api/me', headers: bearer(token) }), 429, 'RATE_LIMITED')
  })

  it('counts an unknown API path it answers with 404 against the caller like any other API request', async () => {
    const { server } = await startTestServer({ RATE_LIMIT_PER_USER: '3' }, { webRoot: root })
    const { token } = await registerUser(server)
    for (let i = 0; i < 3; i++) {
      const response = await server.inject({ method: 'GET', url: '/api/nowhere', headers: bearer(token) })
      problemOf(response, 404, 'ROUTE_NOT_FOUND')
      expect(String(response.headers['ratelimit-policy'])).toContain('"user";q=3')
    }
    problemOf(await server.inject({ method: 'GET', url: '/api/me', headers: bearer(token) }), 429, 'RATE_LIMITED')
  })
})
