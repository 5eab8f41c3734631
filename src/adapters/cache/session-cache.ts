/**
 * SessionCache over bentocache: a memory tier per instance (bounded, least recently used out first, short TTL) and,
 * with Redis, the same invalidation bus as the resume cache. A drop of a token travels as a bus delete of its key; a
 * drop of a user as a bus delete of the key `u:<id>`, which no entry has: each instance hears it and drops the
 * user's entries by comparing when they were loaded with when the drop arrived.
 */
import { performance } from 'node:perf_hooks'
import { BentoCache, bentostore } from 'bentocache'
import { memoryDriver } from 'bentocache/drivers/memory'
import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { SessionCache, SessionWithUser } from '../../domain/accounts/account.ports.js'
import { cacheBusDriver, closeBento } from './bentocache.adapter.js'

export interface SessionCacheSettings {
  /** How long an entry is kept, at most. */
  readonly ttlMs: number
  /** Entries kept, at most; the least recently used go first. */
  readonly maxItems: number
}

export interface BentoSessionCacheOptions {
  settings: SessionCacheSettings
  /** The cache bus's Redis; without it drops reach this instance only. */
  redisUrl?: string | undefined
  keyPrefix: string
  logger: Logger
}

interface Entry {
  /** performance.now() when the load that produced the entry began. */
  readonly loadedFrom: number
  /** Date.now() when the entry was first stored: refreshes keep its end of life. */
  readonly storedAt: number
  readonly found: SessionWithUser
}

const tokenKey = (tokenHash: string) => `t:${tokenHash}`
const userKey = (userId: string) => `u:${userId}`

export class BentoSessionCache implements SessionCache {
  readonly #bento: BentoCache<{ sessions: ReturnType<typeof bentostore> }>
  readonly #ttlMs: number
  readonly #connections: Redis[] = []
  /**
   * When each token (`t:…`) or user (`u:…`) was last dropped on this instance, oldest first. An entry loaded before
   * then is never served, which also covers a load that was under way when the drop arrived. Kept only as long as
   * an entry can live.
   */
  readonly #droppedAt = new Map<string, number>()
  #closing: Promise<void> | undefined

  constructor({ settings, redisUrl, keyPrefix, logger }: BentoSessionCacheOptions) {
    const log = logger.child({ component: 'session-cache' })
    this.#ttlMs = settings.ttlMs
    const store = bentostore().useL1Layer(memoryDriver({ maxItems: settings.maxItems, serialize: false }))
    if (redisUrl) store.useBus(cacheBusDriver(redisUrl, log, this.#connections))
    this.#bento = new BentoCache({
      default: 'sessions',
      stores: { sessions: store },
      prefix: `${keyPrefix}sessions`,
      ttl: settings.ttlMs,
      grace: false,
      logger: log as never,
    })
    this.#bento.on('bus:message:received', ({ message }: { message: { type: string; keys?: string[] } }) => {
      if (message.type === 'delete') for (const key of message.keys ?? []) this.#markDropped(key)
    })
    // The bus subscribes now, so drops made elsewhere are heard before this instance reads anything.
    this.#bento.use()
  }

  async read(tokenHash: string, load: () => Promise<SessionWithUser | undefined>) {
    const key = tokenKey(tokenHash)
    let failure: { error: unknown } | undefined
    const entry = await this.#bento
      .getOrSet<Entry | undefined>({
        key,
        factory: async (ctx) => {
          // Other instances keep their own copies: filling this one is nobody else's business.
          ctx.setOptions({ skipBusNotify: true })
          try {
            const loaded = await this.#load(load)
            return loaded ?? ctx.skip()
          } catch (error) {
            failure = { error }
            throw error
          }
        },
      })
      .catch((error: unknown) => {
        // bentocache wraps the loader's error; the caller gets the store's own.
        throw failure ? failure.error : error
      })
    if (!entry) return undefined
    if (this.#servable(entry)) return entry.found
    // Loaded before a drop of its token or user: read again, and keep that in its place.
    const loaded = await this.#load(load)
    if (loaded) await this.#store(key, loaded)
    return loaded?.found
  }

  async recordUse(tokenHash: string, at: Date): Promise<void> {
    const key = tokenKey(tokenHash)
    const entry = await this.#bento.get<Entry>({ key })
    if (!entry || !this.#servable(entry)) return
    const { session, user } = entry.found
    await this.#store(key, { ...entry, found: { session: { ...session, lastSeenAt: at }, user } })
  }

  forget(tokenHash: string): void {
    this.#markDropped(tokenKey(tokenHash))
  }

  async dropSession(tokenHash: string): Promise<void> {
    this.#markDropped(tokenKey(tokenHash))
    await this.#bento.delete({ key: tokenKey(tokenHash) })
  }

  async dropUser(userId: string): Promise<void> {
    this.#markDropped(userKey(userId))
    // No entry has this key: the bus message is what matters.
    await this.#bento.delete({ key: userKey(userId) })
  }

  /** Closes the bus connections; safe to call twice. */
  close(): Promise<void> {
    this.#closing ??= closeBento(this.#bento, this.#connections)
    return this.#closing
  }

  async #load(load: () => Promise<SessionWithUser | undefined>): Promise<Entry | undefined> {
    const loadedFrom = performance.now()
    const found = await load()
    return found && { loadedFrom, storedAt: Date.now(), found }
  }

  async #store(key: string, entry: Entry): Promise<void> {
    const ttl = entry.storedAt + this.#ttlMs - Date.now()
    if (ttl > 0) await this.#bento.set({ key, value: entry, ttl, skipBusNotify: true })
  }

  #servable(entry: Entry): boolean {
    const since = (key: string) => this.#droppedAt.get(key) ?? Number.NEGATIVE_INFINITY
    return (
      entry.loadedFrom > since(tokenKey(entry.found.session.tokenHash)) &&
      entry.loadedFrom > since(userKey(entry.found.user.id))
    )
  }

  #markDropped(key: string): void {
    const now = performance.now()
    this.#droppedAt.delete(key)
    this.#droppedAt.set(key, now)
    // Oldest first: stop at the first drop recent enough to still matter to an entry.
    for (const [oldKey, at] of this.#droppedAt) {
      if (now - at <= this.#ttlMs + 1000) break
      this.#droppedAt.delete(oldKey)
    }
  }
}
