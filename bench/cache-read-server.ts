/**
 * One RoleReady server for the cached-read bench, in its own process, with the cache on or off. It registers a user,
 * creates a resume from a two-page fixture with a few committed versions, and prints `READY <port> <token>
 * <resumeId>` on stderr when listening. Storage is PGlite in memory, or a fresh database on DATABASE_URL when set.
 *   npx tsx bench/cache-read-server.ts on|off
 */
import { readFileSync } from 'node:fs'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config/config.js'
import { buildServer } from '../src/http/server.js'

const mode = process.argv[2]
if (mode !== 'on' && mode !== 'off') throw new Error('usage: cache-read-server.ts on|off')

const config = loadConfig({
  ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL, AUTO_MIGRATE: 'true' } : {}),
  DATA_DIR: 'memory://',
  ...(process.env.REDIS_URL && { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `bench:${mode}:${process.pid}:` }),
  LOG_LEVEL: 'silent',
  CACHE_ENABLED: mode === 'on' ? 'true' : 'false',
  // The bench measures the read path, not the limits in front of it.
  RATE_LIMIT_ENABLED: 'false',
  LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS: '0',
  PASSWORD_HASH_COST: '10',
})
const app = await buildApp(config)
const server = await buildServer(app)
await server.listen({ host: '127.0.0.1', port: 0 })

async function call(method: string, url: string, token: string | undefined, payload?: unknown) {
  const response = await server.inject({
    method: method as 'GET',
    url,
    ...(payload !== undefined && { payload: payload as object }),
    ...(token && { headers: { authorization: `Bearer ${token}` } }),
  })
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`)
  return response.json() as Record<string, unknown>
}

const registered = await call('POST', '/api/auth/register', undefined, {
  email: `bench.${mode}.${process.pid}@example.com`,
  password: 'correct horse battery',
})
const token = registered.token as string
const content = JSON.parse(
  readFileSync(new URL('../test/fixtures/resumes/two-page-veteran.json', import.meta.url), 'utf8'),
)
const resume = await call('POST', '/api/resumes', token, { title: 'Bench resume', content })
const resumeId = resume.id as string
for (let i = 0; i < 3; i++) {
  await call('PATCH', `/api/resumes/${resumeId}`, token, {
    content: { ...content, basics: { ...content.basics, label: `Revision ${i + 1}` } },
  })
}

const address = server.server.address()
const port = typeof address === 'object' && address ? address.port : 0
process.stderr.write(`READY ${port} ${token} ${resumeId}\n`)

const stop = async () => {
  await server.close()
  await app.close()
  process.exit(0)
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
