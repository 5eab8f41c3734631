/** Process entry: load config, build the app and server, listen, shut down gracefully. */
import { setTimeout as sleep } from 'node:timers/promises'
import { buildApp } from './app.js'
import { ConfigError, loadConfig } from './config/config.js'
import { buildMetricsServer } from './http/routes/metrics/metrics.server.js'
import { buildServer } from './http/server.js'

/** Well inside the 30 s a process manager (Kubernetes, systemd) gives before it kills. */
const SHUTDOWN_DEADLINE_MS = 25_000

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(78)
    }
    throw error
  }

  const app = await buildApp(config)
  const { logger } = app
  const server = await buildServer(app)
  const { metricsPort } = config.observability
  const metricsServer = metricsPort === undefined ? undefined : await buildMetricsServer(app)

  process.on('unhandledRejection', (reason) => {
    app.observability.logError(reason, { component: 'process', msg: 'unhandled promise rejection' })
  })
  process.on('uncaughtException', (error) => {
    app.observability.logError(error, { component: 'process', msg: 'uncaught exception; exiting' })
    void app.observability.errors.flush(2000).finally(() => process.exit(1))
  })

  // The scrape port first: when it cannot be bound, the process fails before it serves any public traffic.
  if (metricsServer) {
    const metricsAddress = await metricsServer.listen({ port: metricsPort, host: config.host })
    logger.info({ address: metricsAddress }, 'metrics are served on their own port')
  }
  const address = await server.listen({ port: config.port, host: config.host })
  logger.info({ address, database: app.database.kind, redis: Boolean(app.redis) }, 'RoleReady is listening')

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    const started = Date.now()
    // 1. Readiness fails at once so load balancers stop sending new work.
    app.health.beginShutdown()
    logger.info({ signal, delayMs: config.observability.shutdownDelayMs }, 'shutting down')
    const deadline = setTimeout(() => {
      logger.error({ elapsedMs: Date.now() - started }, 'shutdown deadline passed; exiting')
      process.exit(1)
    }, SHUTDOWN_DEADLINE_MS)
    deadline.unref()
    try {
      // 2. Optional pre-stop delay: keep serving while the load balancer notices the failing readiness.
      if (config.observability.shutdownDelayMs > 0) await sleep(config.observability.shutdownDelayMs)
      // 3. Stop accepting, close idle keep-alive connections, let in-flight requests finish. The scrape port
      // closes after the public one, so the drain itself can still be watched.
      await server.close()
      await metricsServer?.close()
      logger.info({ elapsedMs: Date.now() - started }, 'server closed; closing pools and clients')
      // 4. Database pool, Redis, queues, error tracking, log files.
      await app.close()
      process.exit(0)
    } catch (error) {
      // app.close() logged each failed step before it closed the logger; stderr still reaches the operator.
      logger.error({ err: error }, 'shutdown failed')
      process.stderr.write(`RoleReady shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exit(1)
    }
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

main().catch((error: unknown) => {
  process.stderr.write(
    `RoleReady failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
