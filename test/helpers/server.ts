import { randomUUID } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { onTestFinished } from 'vitest'
import { type App, type AppOptions, buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/config.js'
import { type BuildServerOptions, buildServer } from '../../src/http/server.js'
import { createLogger } from '../../src/observability/logger.js'
import { LogCapture } from './log-capture.js'
import { migratedPglite } from './pglite.js'
import { createPostgresDatabase, POSTGRES_URL } from './postgres.js'

export interface TestServer {
  app: App
  server: FastifyInstance
  /** The settings this server was built from (pass them to a second instance to share its storage). */
  env: Record<string, string>
  /** What the service's logger wrote, when the server was started with `captureLogs`. */
  logs: LogCapture
}

export interface TestServerOptions extends BuildServerOptions {
  /** Options for buildApp (a clock, a metrics registry, Sentry's transport); the database is the helper's. */
  app?: Omit<AppOptions, 'logger' | 'database'>
  /** Writes the service's real logger (at LOG_LEVEL, default info) into `logs` instead of discarding it. */
  captureLogs?: boolean
}

/**
 * A fresh database for a test: Postgres (a new database) when the suite runs against DATABASE_URL, else PGlite in
 * memory. Redis is shared when REDIS_URL is set.
 */
export async function freshStorageEnv(): Promise<Record<string, string>> {
  if (!POSTGRES_URL) return { DATA_DIR: 'memory://' }
  const database = await createPostgresDatabase()
  onTestFinished(database.drop)
  return { DATABASE_URL: database.url, AUTO_MIGRATE: 'true' }
}

/** Builds app + server (never listening) and closes both when the test ends. */
export async function startTestServer(
  env: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const { app: appOptions, captureLogs = false, ...serverOptions } = options
  const fullEnv: Record<string, string> = {
    LOG_LEVEL: captureLogs ? 'info' : 'silent',
    PASSWORD_HASH_COST: '10',
    // A loaded test machine blocks the event loop in bursts; load shedding has its own tests.
    LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS: '0',
    ...(process.env.REDIS_URL && { REDIS_URL: process.env.REDIS_URL }),
    // Each test server gets its own Redis keys (limits, sessions) unless a test shares env on purpose.
    REDIS_KEY_PREFIX: `test:${randomUUID()}:`,
    ...(Object.keys(env).some((k) => k === 'DATA_DIR' || k === 'DATABASE_URL') ? {} : await freshStorageEnv()),
    ...env,
  }
  const config = loadConfig(fullEnv)
  const logs = new LogCapture()
  const embedded = config.database.url === undefined && config.dataDir === 'memory://'
  const app = await buildApp(config, {
    ...appOptions,
    ...(captureLogs && { logger: createLogger(config, { destination: logs }) }),
    ...(embedded && { database: await migratedPglite() }),
  })
  const server = await buildServer(app, serverOptions)
  onTestFinished(async () => {
    await server.close()
    await app.close()
  })
  return { app, server, env: fullEnv, logs }
}

let counter = 0
/** A unique email for a test user. */
export function anEmail(prefix = 'user'): string {
  counter += 1
  return `${prefix}.${Date.now().toString(36)}.${counter}@example.com`
}

export async function registerUser(
  server: FastifyInstance,
  overrides: { email?: string; password?: string; displayName?: string } = {},
): Promise<{ token: string; userId: string; email: string; password: string }> {
  const email = overrides.email ?? anEmail()
  const password = overrides.password ?? 'correct horse battery'
  const response = await server.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email, password, ...(overrides.displayName && { displayName: overrides.displayName }) },
  })
  if (response.statusCode !== 201) throw new Error(`register failed: ${response.statusCode} ${response.body}`)
  const body = response.json() as { token: string; user: { id: string } }
  return { token: body.token, userId: body.user.id, email, password }
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` }
}

/** Asserts the response is problem+json with the given status and code, and returns its body. */
export function problemOf(response: LightMyRequestResponse, status: number, code: string): Record<string, unknown> {
  const body = response.json() as Record<string, unknown>
  const failure = `${response.statusCode} ${response.headers['content-type']} ${response.body}`
  if (response.statusCode !== status) throw new Error(`expected ${status} ${code}, got ${failure}`)
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${failure}`)
  }
  if (body.code !== code) throw new Error(`expected code ${code}, got ${failure}`)
  if (body.requestId !== response.headers['x-request-id']) throw new Error(`requestId not echoed: ${failure}`)
  return body
}
