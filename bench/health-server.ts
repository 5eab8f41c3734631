/**
 * One server for the health throughput bench, in its own process: `bare` is a plain Fastify route, `layer` is that
 * Fastify with the observability layer on, `full` is RoleReady's whole stack (request ids and context, logging to stdout and to rotating files, metrics, load shedding,
 * security headers, rate limiting) serving GET /api/health. Prints `PORT <n>` on stderr when listening.
 *   npx tsx bench/health-server.ts bare|layer|full LOG_DIR
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify'
import { openDatabase } from '../src/adapters/postgres/database.js'
import type { App } from '../src/app.js'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config/config.js'
import { registerObservability, requestChildLogger } from '../src/http/plugins/observability.js'
import { buildServer } from '../src/http/server.js'
import { createHealth } from '../src/observability/health.js'
import { createLogger } from '../src/observability/logger.js'
import { createMetrics } from '../src/observability/metrics.js'
import { createObservability } from '../src/observability/observability.js'
import { acceptOrGenerateRequestId } from '../src/observability/request-context.js'
import { SERVICE_VERSION } from '../src/observability/version.js'

const mode = process.argv[2]
const logDir = process.argv[3] ?? mkdtempSync(path.join(tmpdir(), 'roleready-bench-'))

async function bare() {
  const server = Fastify()
  server.get('/api/health', async () => ({
    status: 'ok',
    timestamp: new Date().toISOString(),
    uptime: process.uptime(),
  }))
  return server
}

/** The observability layer alone on a bare Fastify: request ids and context, logs to stdout and files, metrics. */
async function layer() {
  const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'info', LOG_DIR: logDir, APP_ENV: 'bench' })
  const logger = createLogger(config, { logDir })
  const database = await openDatabase(config)
  const health = createHealth({
    version: SERVICE_VERSION,
    dependencies: [{ name: 'database', componentId: 'pglite', required: true, ping: () => database.ping() }],
  })
  const observability = createObservability({ logger, metrics: createMetrics() })
  const server = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: (request) => acceptOrGenerateRequestId(request.headers['x-request-id']),
    childLoggerFactory: requestChildLogger,
  })
  await registerObservability(server, { config, observability } as App)
  server.get('/api/health', async () => health.summary())
  return server
}

async function full() {
  const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'info', LOG_DIR: logDir, APP_ENV: 'bench' })
  // The service's own logger: stdout (redirected to a file by the bench) and the rotating files in LOG_DIR.
  return buildServer(await buildApp(config))
}

const server =
  mode === 'bare' ? await bare() : mode === 'layer' ? await layer() : mode === 'full' ? await full() : undefined
if (!server) throw new Error('usage: health-server.ts bare|layer|full [LOG_DIR]')
await server.listen({ host: '127.0.0.1', port: 0 })
const address = server.server.address()
process.stderr.write(`PORT ${typeof address === 'object' && address ? address.port : 0}\n`)
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0))
})
