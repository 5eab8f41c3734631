import path from 'node:path'
import { type DestinationStream, type Logger, type LoggerOptions, pino, type StreamEntry } from 'pino'
import type { Config } from '../config/config.js'
import { scrubJsonLine } from './redaction.js'
import { getRequestContext } from './request-context.js'

export type { Logger } from 'pino'

export const SERVICE_NAME = 'roleready-api'

/** Rotation of the files written when LOG_DIR is set. */
export const LOG_FILES = {
  combined: { file: 'combined', sizeMb: 10, keep: 10 },
  error: { file: 'error', sizeMb: 10, keep: 5 },
} as const

/**
 * Paths whose values never reach a log line, whatever their type. Exact paths only: wildcard paths cost on every
 * line, and scrubJsonLine already redacts sensitive keys at any depth in the serialized line.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  'password',
  'token',
  'email',
  'phone',
  'resume',
]

/** Marks loggers already bound to a request (Fastify's `request.log` and its children). */
const REQUEST_BOUND = Symbol('roleready.requestBound')

/** Binds a child logger to a request; code running for the request but logging elsewhere gets ids by context. */
export function markRequestBound<T extends object>(child: T): T {
  ;(child as Record<symbol, unknown>)[REQUEST_BOUND] = true
  return child
}

type LoggerSettings = Pick<Config, 'logLevel' | 'environment'>

/** pino options shared by the server and the CLI: JSON lines with service, environment and ISO time. */
export function loggerOptions(config: LoggerSettings): LoggerOptions {
  return {
    level: config.logLevel,
    base: { service: SERVICE_NAME, environment: config.environment },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    messageKey: 'msg',
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    // Lines written by code a request runs (services, adapters) carry its ids without passing a logger around;
    // request-bound loggers already carry them as bindings. Child loggers inherit the mark through their prototype.
    mixin(_object, _level, logger) {
      if ((logger as unknown as Record<symbol, unknown>)[REQUEST_BOUND]) return {}
      const context = getRequestContext()
      if (!context) return {}
      return {
        requestId: context.requestId,
        ...(context.correlationId && { correlationId: context.correlationId }),
        ...(context.userId && { userId: context.userId }),
      }
    },
    hooks: { streamWrite: scrubJsonLine },
  }
}

const closers = new WeakMap<Logger, () => Promise<void>>()

function endStream(stream: DestinationStream & { end?: () => void; once?: (e: string, f: () => void) => void }) {
  return new Promise<void>((resolve) => {
    if (!stream.end || !stream.once) return resolve()
    const timer = setTimeout(resolve, 5000)
    stream.once('close', () => {
      clearTimeout(timer)
      resolve()
    })
    stream.end()
  })
}

function rollingFile(dir: string, spec: (typeof LOG_FILES)[keyof typeof LOG_FILES]): DestinationStream {
  // pino-roll runs in a worker thread: formatting stays here, file writes and rotation happen off the main thread.
  return pino.transport({
    target: 'pino-roll',
    options: {
      file: path.join(dir, spec.file),
      extension: 'log',
      size: `${spec.sizeMb}m`,
      mkdir: true,
      // pino-roll prunes while the new file is still being opened, so it can count one file short: keeping
      // `keep - 1` older files bounds the folder at `keep` files, earlier runs' files included.
      limit: { count: spec.keep - 1, removeOtherLogFiles: true },
    },
  }) as DestinationStream
}

export interface CreateLoggerOptions {
  /** Where stdout lines go instead of stdout (tests capture them). */
  destination?: DestinationStream
  /** Directory of the rotating `combined.N.log` and `error.N.log` files; undefined writes stdout only. */
  logDir?: string | undefined
}

/** How long a log line may wait in the stdout buffer before it is written. */
export const STDOUT_FLUSH_INTERVAL_MS = 250

const flushTimers = new WeakMap<object, NodeJS.Timeout>()

/**
 * Buffered stdout: one write per 4 KB of lines instead of one per line, and at most STDOUT_FLUSH_INTERVAL_MS late, so
 * a quiet service never holds a line back (pino flushes the rest on exit).
 */
function bufferedStdout(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: false, minLength: 4096 })
  const timer = setInterval(() => {
    try {
      stream.flush()
    } catch {
      // Destroyed (the process is exiting): nothing left to flush.
    }
  }, STDOUT_FLUSH_INTERVAL_MS)
  timer.unref()
  flushTimers.set(stream, timer)
  return stream
}

function stopFlushing(stream: DestinationStream): void {
  const timer = flushTimers.get(stream)
  if (!timer) return
  clearInterval(timer)
  try {
    ;(stream as { flushSync?: () => void }).flushSync?.()
  } catch {
    // Already closed.
  }
}

/**
 * The service logger: JSON lines on stdout (pretty on a terminal), and with a log directory also rotating
 * combined and error files written by worker threads.
 */
export function createLogger(config: LoggerSettings, options: CreateLoggerOptions = {}): Logger {
  const pretty =
    !options.destination && process.stdout.isTTY
      ? (pino.transport({ target: 'pino-pretty', options: { destination: 1 } }) as DestinationStream)
      : undefined
  const stdout = options.destination ?? pretty ?? bufferedStdout()
  if (!options.logDir || config.logLevel === 'silent') {
    const logger = pino(loggerOptions(config), stdout)
    closers.set(logger, async () => {
      if (pretty) await endStream(pretty)
      else stopFlushing(stdout)
    })
    return logger
  }
  const level = config.logLevel
  const combined = rollingFile(options.logDir, LOG_FILES.combined)
  const errors = rollingFile(options.logDir, LOG_FILES.error)
  const streams: StreamEntry[] = [
    { level, stream: stdout },
    { level, stream: combined },
    { level: 'error', stream: errors },
  ]
  const logger = pino(loggerOptions(config), pino.multistream(streams))
  closers.set(logger, async () => {
    stopFlushing(stdout)
    await Promise.all([endStream(combined), endStream(errors), ...(pretty ? [endStream(pretty)] : [])])
  })
  return logger
}

/** Flushes and closes the files of a logger made by createLogger; a no-op for other loggers. */
export async function closeLogger(logger: Logger): Promise<void> {
  const close = closers.get(logger)
  closers.delete(logger)
  if (close) await close()
}
