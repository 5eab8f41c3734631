/** Process entry: load config, build the app and server, listen, shut down gracefully. */
import { buildApp } from './app.js'
import { ConfigError, loadConfig } from './config/config.js'
import { buildServer } from './http/server.js'

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
  const server = await buildServer(app)
  const address = await server.listen({ port: config.port, host: config.host })
  app.logger.info({ address, database: app.database.kind, redis: Boolean(app.redis) }, 'RoleReady is listening')

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    app.logger.info({ signal }, 'shutting down')
    const deadline = setTimeout(() => {
      app.logger.error('shutdown deadline passed; exiting')
      process.exit(1)
    }, SHUTDOWN_DEADLINE_MS)
    deadline.unref()
    try {
      await server.close()
      await app.close()
      process.exit(0)
    } catch (error) {
      app.logger.error({ err: error }, 'shutdown failed')
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
