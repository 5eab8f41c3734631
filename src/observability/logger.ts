import type { LoggerOptions } from 'pino'
import type { Config } from '../config/config.js'

export const SERVICE_NAME = 'roleready-api'

/** Paths whose values never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.apiKey',
]

/** pino options shared by the server and the CLI: JSON lines with service, environment and ISO time. */
export function loggerOptions(config: Pick<Config, 'logLevel' | 'environment'>): LoggerOptions {
  return {
    level: config.logLevel,
    base: { service: SERVICE_NAME, environment: config.environment },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    messageKey: 'msg',
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
  }
}
