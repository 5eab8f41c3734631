/**
 * CachePort over bentocache: an in-memory L1 per instance; with Redis, a shared L2 and a bus that drops other
 * instances' L1 entries on every write or invalidation. Tags are invalidated by bentocache's tag timestamps,
 * never by scanning keys.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { setTimeout as delay } from 'node:timers/promises'
import { BentoCache, bentostore } from 'bentocache'
import { memoryDriver } from 'bentocache/drivers/memory'
import { redisBusDriver, redisDriver } from 'bentocache/drivers/redis'
import type { BusDriver } from 'bentocache/types'
import { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { CachePort } from '../../domain/cache/cache.ports.js'
import {
  CACHE_NAMESPACES,
  type CacheNamespace,
  type CacheStats,
  type NamespaceStats,
  userTag,
} from '../../domain/cache/cache.types.js'
import { DomainError } from '../../domain/errors.js'
import { connectionsReachable } from '../redis/redis.js'

export interface BentoCacheSettings {
  readonly ttlSeconds: Readonly<Record<CacheNamespace, number>>
  readonly graceSeconds: number
  /** Soft timeout of a reload when a graced value exists; 0 = none. */
  readonly timeoutMs: number
  /** L1 size per instance, in entries. */
  readonly memoryMaxItems: number
  /** Redis command timeout for the L2 (a stalled Redis costs at most this per lookup, then the breaker opens). */
  readonly redisTimeoutMs: number
  /** How long the L2 is skipped after a Redis failure. */
  readonly circuitBreakerSeconds: number
}

export type CacheResult = 'hit' | 'miss' | 'graced' | 'error'

export interface BentoCacheOptions {
  settings: BentoCacheSettings
  redisUrl?: string
  keyPrefix: string
  logger: Logger
  /** Called for every lookup (metrics). */
  onLookup?: (namespace: CacheNamespace, result: CacheResult) => void
}

const DATE_MARK = '$date'

/** A source load under way, and whether one of its tags was invalidated meanwhile. */
interface InFlightLoad {
  readonly tags: ReadonlySet<string>
  invalidated: boolean
}

/** Loads of one lookup while its tags keep being invalidated; past this the value is answered but not kept. */
const MAX_LOAD_ATTEMPTS = 3

/** Shortest interval between two cache failure warnings. */
const LOG_EVERY_MS = 10_000

/** A Redis glob pattern matching `text` literally. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&')
}

/** JSON that keeps Dates (stored values are plain JSON plus Dates). */
export const datedJson = {
  serialize(value: unknown): string {
    return JSON.stringify(value, function (this: Record<string, unknown>, key, current: unknown) {
      const raw = this[key]
      return raw instanceof Date ? { [DATE_MARK]: raw.toISOString() } : current
    })
  },
  deserialize(text: string): unknown {
    return JSON.parse(text, (_key, value: unknown) =>
      value !== null && typeof value === 'object' && DATE_MARK in value && Object.keys(value).length === 1
        ? new Date((value as Record<string, string>)[DATE_MARK] as string)
        : value,
    )
  },
}

function emptyCounts() {
  return { hits: 0, misses: 0, graced: 0, errors: 0 }
}

function rates(c: ReturnType<typeof emptyCounts>): NamespaceStats {
  const lookups = c.hits + c.misses + c.graced
  return {
    ...c,
    hitRate: lookups === 0 ? 0 : (c.hits + c.graced) / lookups,
    missRate: lookups === 0 ? 0 : c.misses / lookups,
  }
}

/**
 * The Redis bus that carries invalidations between instances. It duplicates its connection for its publisher and
 * subscriber: every copy gets an error listener and joins `connections` (closed on shutdown), and a command queued
 * while Redis is down fails fast instead of after 20 reconnection attempts.
 */
export function cacheBusDriver(redisUrl: string, log: Logger, connections: Redis[]) {
  const busConnection = new Redis(redisUrl, {
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  })
  const watchBusConnection = (connection: Redis) => {
    connection.on('error', (error) => log.debug({ err: error }, 'cache bus connection error'))
    connections.push(connection)
    const duplicate = connection.duplicate.bind(connection)
    connection.duplicate = (override) => {
      const copy = duplicate(override)
      watchBusConnection(copy)
      return copy
    }
  }
  watchBusConnection(busConnection)
  const driver = redisBusDriver({ connection: busConnection, retryQueue: { enabled: true, maxSize: 1000 } })
  return { ...driver, factory: (config: unknown) => resubscribing(driver.factory(config), log) }
}

/**
 * Closes a bentocache instance and its Redis connections without letting a Redis that is down hold the shutdown: a
 * polite QUIT while Redis answers (a second at most); connections that are not ready are dropped at once (a QUIT
 * queued on a reconnecting connection would only fail later), and whatever is left after the second is dropped.
 */
export async function closeBento(bento: { disconnectAll(): Promise<void> }, connections: readonly Redis[]) {
  const reachable = await connectionsReachable(connections)
  if (!reachable) for (const connection of connections) connection.disconnect()
  await Promise.race([bento.disconnectAll().catch(() => {}), delay(1000, undefined, { ref: false })])
  for (const connection of connections) connection.disconnect()
}

/** How long a bus waits before asking again for a channel whose SUBSCRIBE failed. */
const RESUBSCRIBE_MS = 1000

/**
 * The bus transport with a SUBSCRIBE that never fails: bentocache subscribes without awaiting, so a SUBSCRIBE sent
 * while Redis is unreachable (a loaded start, an outage) used to end as an unhandled rejection, and the instance
 * then never heard another instance's invalidations (Redis only resubscribes channels it had confirmed). Here a
 * failed SUBSCRIBE is logged and sent again every second until it succeeds or the transport disconnects.
 */
function resubscribing(transport: BusDriver, log: Logger): BusDriver {
  const subscribe = transport.subscribe.bind(transport)
  const disconnect = transport.disconnect.bind(transport)
  let closed = false
  transport.subscribe = async (channel, handler) => {
    for (let attempt = 1; !closed; attempt++) {
      try {
        await subscribe(channel, handler)
        if (attempt > 1) log.info({ channel, attempt }, 'cache bus subscribed')
        return
      } catch (error) {
        log.warn({ err: error, channel, attempt }, 'cache bus could not subscribe; trying again')
        await delay(RESUBSCRIBE_MS, undefined, { ref: false })
      }
    }
  }
  transport.disconnect = async () => {
    closed = true
    await disconnect()
  }
  return transport
}

export function createBentoCache({ settings, redisUrl, keyPrefix, logger, onLookup }: BentoCacheOptions): CachePort {
  const log = logger.child({ component: 'cache' })
  const counts = Object.fromEntries(CACHE_NAMESPACES.map((n) => [n, emptyCounts()])) as Record<
    CacheNamespace,
    ReturnType<typeof emptyCounts>
  >
  const count = (namespace: CacheNamespace, result: CacheResult) => {
    const c = counts[namespace]
    if (result === 'hit') c.hits++
    else if (result === 'miss') c.misses++
    else if (result === 'graced') c.graced++
    else c.errors++
    onLookup?.(namespace, result)
  }
  // L2 failures (and lookups that skip an L2 whose breaker is open) are suppressed by bentocache and logged: each
  // counts once as an error of the lookup it happened in, found through the lookup's async context.
  const lookups = new AsyncLocalStorage<{ namespace: CacheNamespace; failed: boolean }>()
  // During an outage every lookup fails: one warning per LOG_EVERY_MS says how many were not logged since.
  let lastLoggedAt = 0
  let unlogged = 0
  const bentoLogger = {
    trace: () => {},
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: (obj: unknown, msg?: string) => {
      const lookup = lookups.getStore()
      const firstFailure = lookup !== undefined && !lookup.failed
      if (lookup && firstFailure) {
        lookup.failed = true
        count(lookup.namespace, 'error')
      }
      if (lookup && !firstFailure) return
      const now = Date.now()
      if (now - lastLoggedAt < LOG_EVERY_MS) {
        unlogged++
        return
      }
      const err = obj instanceof Error ? obj : (obj as { err?: unknown })?.err
      log.warn({ err, namespace: lookup?.namespace, unlogged }, msg ?? 'cache error')
      lastLoggedAt = now
      unlogged = 0
    },
    fatal: (obj: unknown, msg?: string) => log.error({ err: obj }, msg ?? 'cache failure'),
    child: () => bentoLogger,
  }

  const connections: Redis[] = []
  const redisConnection = () => {
    const connection = new Redis(redisUrl as string, {
      commandTimeout: settings.redisTimeoutMs,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    })
    connection.on('error', (error) => log.debug({ err: error }, 'cache redis connection error'))
    connections.push(connection)
    return connection
  }

  const store = bentostore().useL1Layer(memoryDriver({ maxItems: settings.memoryMaxItems, serialize: true }))
  const l2Prefix = `${keyPrefix}cache`
  const l2 = redisUrl ? redisConnection() : undefined
  if (redisUrl && l2) {
    store.useL2Layer(redisDriver({ connection: l2, prefix: l2Prefix }))
    store.useBus(cacheBusDriver(redisUrl, log, connections))
  }
  const bento = new BentoCache({
    default: 'cache',
    stores: { cache: store },
    prefix: keyPrefix.replace(/:$/, ''),
    serializer: datedJson,
    grace: `${settings.graceSeconds}s`,
    suppressL2Errors: true,
    l2CircuitBreakerDuration: `${settings.circuitBreakerSeconds}s`,
    logger: bentoLogger as never,
  })

  // Created now rather than on first use: the bus listens for other instances' invalidations from the start, and
  // its connections exist (and are closed on shutdown) even if this instance never reads the cache.
  bento.use()

  const loadsInFlight = new Set<InFlightLoad>()
  let closing: Promise<void> | undefined
  const port: CachePort = {
    async getOrSet(namespace, key, tags, loader) {
      const fullKey = `${namespace}:${key}`
      let loads = 0
      let loaderFailed = false
      let answer: DomainError | undefined
      let outdated = false
      const load = async () => {
        // A load that overlaps an invalidation of one of its tags may have read the data from before the change,
        // yet its entry would be stamped after the invalidation and pass for fresh: load again, and if changes keep
        // coming, answer this caller but keep nothing.
        for (let attempt = 1; ; attempt++) {
          loads++
          const inFlight: InFlightLoad = { tags: new Set(tags), invalidated: false }
          loadsInFlight.add(inFlight)
          try {
            const value = await loader()
            if (!inFlight.invalidated) return value
            if (attempt === MAX_LOAD_ATTEMPTS) {
              outdated = true
              return value
            }
          } catch (error) {
            loaderFailed = true
            if (error instanceof DomainError) answer = error
            throw error
          } finally {
            loadsInFlight.delete(inFlight)
          }
        }
      }
      try {
        const value = await lookups.run({ namespace, failed: false }, () =>
          bento.getOrSet({
            key: fullKey,
            factory: load,
            ttl: `${settings.ttlSeconds[namespace]}s`,
            tags: [...tags],
            // null: no soft timeout (bentocache reads a missing or 0 timeout as "always answer the graced value").
            timeout: settings.timeoutMs > 0 ? `${settings.timeoutMs}ms` : null,
          }),
        )
        if (answer || outdated) {
          // The source answered (not found, gone…): that answer wins over any graced value, which is dropped. An
          // outdated load is dropped as well.
          count(namespace, 'miss')
          await bento.delete({ key: fullKey }).catch(() => {})
          if (answer) throw answer
          return value
        }
        count(namespace, loads === 0 ? 'hit' : loaderFailed ? 'graced' : 'miss')
        return value
      } catch (error) {
        if (answer) throw answer
        if (loaderFailed) {
          count(namespace, 'miss')
          throw error
        }
        // The cache itself failed: the source answers.
        count(namespace, 'error')
        log.warn({ err: error, namespace }, 'cache lookup failed; reading the source')
        return loader()
      }
    },

    async invalidateTags(tags) {
      for (const inFlight of loadsInFlight) {
        if (tags.some((tag) => inFlight.tags.has(tag))) inFlight.invalidated = true
      }
      try {
        await bento.deleteByTag({ tags: [...tags] })
      } catch (error) {
        log.warn({ err: error, tags }, 'cache invalidation failed')
      }
    },

    async forgetOwner(ownerId) {
      // Stale at once everywhere, also where an entry lives only in an instance's memory.
      await port.invalidateTags(CACHE_NAMESPACES.map((namespace) => userTag(ownerId, namespace)))
      if (!l2) return
      // Every key of the owner names them (`NAMESPACE:<owner id>:…`, and the tag records `___bc:t:u:<owner id>:…`).
      // A scan is a walk over the cache's keys, so it is kept to this rare deletion and never done on a read path.
      const keys = new Set<string>()
      const match = `${escapeGlob(`${l2Prefix}:`)}*${escapeGlob(ownerId)}*`
      let cursor = '0'
      do {
        const [next, found] = await l2.scan(cursor, 'MATCH', match, 'COUNT', 1000)
        for (const key of found) keys.add(key.slice(l2Prefix.length + 1))
        cursor = next
      } while (cursor !== '0')
      // Through the cache, so the bus drops other instances' memory copies too.
      if (keys.size > 0) await bento.deleteMany({ keys: [...keys] })
    },

    stats(): CacheStats {
      const total = emptyCounts()
      for (const c of Object.values(counts)) {
        total.hits += c.hits
        total.misses += c.misses
        total.graced += c.graced
        total.errors += c.errors
      }
      return {
        enabled: true,
        tiers: redisUrl ? ['memory', 'redis'] : ['memory'],
        total: rates(total),
        namespaces: Object.fromEntries(CACHE_NAMESPACES.map((n) => [n, rates(counts[n])])) as CacheStats['namespaces'],
      }
    },

    close() {
      closing ??= closeBento(bento, connections)
      return closing
    },
  }
  return port
}
