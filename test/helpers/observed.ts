import { randomUUID } from 'node:crypto'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { onTestFinished } from 'vitest'
import { type App, type AppOptions, buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/config.js'
import { buildServer } from '../../src/http/server.js'
import { createLogger } from '../../src/observability/logger.js'
import { migratedPglite } from './pglite.js'
import { freshStorageEnv } from './server.js'

/** Every line a logger wrote, as text and parsed. */
export class LogCapture extends Writable {
  readonly lines: string[] = []
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line) this.lines.push(line)
    done()
  }
  get text(): string {
    return this.lines.join('\n')
  }
  records(): Array<Record<string, unknown>> {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>)
  }
}

export interface ObservedServer {
  app: App
  server: FastifyInstance
  logs: LogCapture
}

/** Like startTestServer, with the service's real logger (at LOG_LEVEL, default info) writing into a capture. */
export async function startObservedServer(
  env: Record<string, string> = {},
  appOptions: Omit<AppOptions, 'logger' | 'database'> = {},
): Promise<ObservedServer> {
  const fullEnv: Record<string, string> = {
    LOG_LEVEL: 'info',
    PASSWORD_HASH_COST: '10',
    LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS: '0',
    ...(process.env.REDIS_URL && { REDIS_URL: process.env.REDIS_URL }),
    REDIS_KEY_PREFIX: `test:${randomUUID()}:`,
    ...(Object.keys(env).some((k) => k === 'DATA_DIR' || k === 'DATABASE_URL') ? {} : await freshStorageEnv()),
    ...env,
  }
  const config = loadConfig(fullEnv)
  const logs = new LogCapture()
  const logger = createLogger(config, { destination: logs })
  const embedded = config.database.url === undefined && config.dataDir === 'memory://'
  const app = await buildApp(config, { ...appOptions, logger, ...(embedded && { database: await migratedPglite() }) })
  const server = await buildServer(app)
  onTestFinished(async () => {
    await server.close()
    await app.close()
  })
  return { app, server, logs }
}
