import { readdir, readFile } from 'node:fs/promises'
import { extname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { CACHE_CONTROL, etagOf, notModified } from '../routes/templates/http-cache.js'
import { sendProblem } from './problems.js'

/** Where `npm run build` writes the web app (the same from `src/` under tsx and from `dist/`). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../dist/web/', import.meta.url))

/**
 * The page's own scripts, styles and API calls only. Inline styles are allowed because the template preview is the
 * HTML export shown in a sandboxed `srcdoc` frame, which inherits this policy; scripts stay same-origin only.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const INDEX_CACHE_CONTROL = 'no-cache'
const NOT_BUILT =
  'The RoleReady web app has not been built. Run `npm run build` (npm start does it) and restart the service.'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

interface StaticFile {
  readonly body: Buffer
  readonly contentType: string
  readonly etag: string
  readonly cacheControl: string
}

/** Paths the SPA never answers: the API and the operator endpoints keep their problem+json 404. */
const NOT_SPA = /^\/(api|metrics)(\/|$)/

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

/**
 * Reads the built app into memory (a few hundred kB); undefined when there is no build, or when it could not be read
 * whole (a build replacing it at that moment): the service starts either way.
 */
export async function loadWebApp(root: string): Promise<Map<string, StaticFile> | undefined> {
  try {
    return await readBuild(root)
  } catch {
    return undefined
  }
}

async function readBuild(root: string): Promise<Map<string, StaticFile> | undefined> {
  const files = await listFiles(root)
  const served = new Map<string, StaticFile>()
  for (const file of files) {
    const urlPath = `/${relative(root, file).split(sep).join('/')}`
    const body = await readFile(file)
    served.set(urlPath, {
      body,
      contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      etag: etagOf(body),
      // Vite names everything under /assets by its content hash, so a name never changes meaning.
      cacheControl: urlPath.startsWith('/assets/') ? CACHE_CONTROL.hashedStatic : INDEX_CACHE_CONTROL,
    })
  }
  return served.has('/index.html') ? served : undefined
}

function acceptsHtml(request: FastifyRequest): boolean {
  return /text\/html|application\/xhtml\+xml/.test(request.headers.accept ?? '')
}

function send(request: FastifyRequest, reply: FastifyReply, file: StaticFile): FastifyReply {
  reply.header('cache-control', file.cacheControl).header('etag', file.etag)
  if (file.contentType.startsWith('text/html')) reply.header('content-security-policy', WEB_APP_CSP)
  if (notModified(request, file.etag)) return reply.code(304).send()
  return reply.type(file.contentType).send(file.body)
}

/**
 * Serves the single-page app at `/`: hashed assets cached for a year, index.html revalidated on every load, and any
 * other GET that asks for HTML (a deep link such as /resumes/…) answered with index.html. /api is left alone.
 */
export async function registerWebApp(server: FastifyInstance, root: string): Promise<void> {
  const files = await loadWebApp(root)
  if (!files) server.log.warn({ root }, 'web app not built; / answers with instructions')

  const staticFile = (path: string) => !NOT_SPA.test(path)
  server.get('/*', { schema: { hide: true }, config: { staticFile } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/'
    if (!staticFile(path)) return reply.callNotFound()
    if (!files) {
      if (path !== '/' && !acceptsHtml(request)) return reply.callNotFound()
      // A 404 problem, not a 5xx: the service is healthy and its API serves; only the optional page is missing.
      return sendProblem(request, reply, 'WEB_APP_NOT_BUILT', NOT_BUILT)
    }
    let decoded: string
    try {
      decoded = decodeURIComponent(path)
    } catch {
      return reply.callNotFound()
    }
    const file = files.get(decoded === '/' ? '/index.html' : decoded)
    if (file) return send(request, reply, file)
    // A missing asset is a 404, never the page (a stale tab must not run HTML as a script).
    if (decoded.startsWith('/assets/') || !acceptsHtml(request)) return reply.callNotFound()
    return send(request, reply, files.get('/index.html') as StaticFile)
  })
}
