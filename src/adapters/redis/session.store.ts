import type { Redis } from 'ioredis'
import { settingDefault } from '../../config/settings.js'
import type { SessionStore } from '../../domain/accounts/account.ports.js'
import type { Session } from '../../domain/accounts/account.types.js'

interface StoredSession {
  userId: string
  createdAt: string
  expiresAt: string
  lastSeenAt: string
}

/** Sessions in Redis with a TTL equal to their remaining lifetime; a per-user set makes "revoke all" one round trip. */
export function createRedisSessionStore(
  redis: Redis,
  clock: { now(): Date },
  keyPrefix = settingDefault('REDIS_KEY_PREFIX'),
): SessionStore {
  const sessionKey = (tokenHash: string) => `${keyPrefix}session:${tokenHash}`
  const userKey = (userId: string) => `${keyPrefix}user-sessions:${userId}`
  return {
    async create(session) {
      const ttlMs = session.expiresAt.getTime() - clock.now().getTime()
      if (ttlMs <= 0) return
      const value = JSON.stringify({
        userId: session.userId,
        createdAt: session.createdAt.toISOString(),
        expiresAt: session.expiresAt.toISOString(),
        lastSeenAt: session.lastSeenAt.toISOString(),
      })
      await redis
        .multi()
        .set(sessionKey(session.tokenHash), value, 'PX', ttlMs)
        .sadd(userKey(session.userId), session.tokenHash)
        .pexpire(userKey(session.userId), ttlMs, 'GT')
        .pexpire(userKey(session.userId), ttlMs, 'NX')
        .exec()
    },

    async find(tokenHash) {
      const raw = await redis.get(sessionKey(tokenHash))
      if (raw === null) return undefined
      const parsed = JSON.parse(raw) as StoredSession
      const session: Session = {
        tokenHash,
        userId: parsed.userId,
        createdAt: new Date(parsed.createdAt),
        expiresAt: new Date(parsed.expiresAt),
        lastSeenAt: new Date(parsed.lastSeenAt),
      }
      return session.expiresAt.getTime() > clock.now().getTime() ? session : undefined
    },

    async touch(tokenHash, at) {
      const raw = await redis.get(sessionKey(tokenHash))
      if (raw === null) return
      const stored = { ...(JSON.parse(raw) as StoredSession), lastSeenAt: at.toISOString() }
      // KEEPTTL: the absolute expiry stays where it was set at creation.
      await redis.set(sessionKey(tokenHash), JSON.stringify(stored), 'KEEPTTL', 'XX')
    },

    async revoke(tokenHash) {
      const raw = await redis.get(sessionKey(tokenHash))
      const pipeline = redis.multi().del(sessionKey(tokenHash))
      if (raw !== null) pipeline.srem(userKey((JSON.parse(raw) as { userId: string }).userId), tokenHash)
      await pipeline.exec()
    },

    async revokeAllForUser(userId) {
      const hashes = await redis.smembers(userKey(userId))
      const pipeline = redis.multi()
      for (const hash of hashes) pipeline.del(sessionKey(hash))
      await pipeline.del(userKey(userId)).exec()
    },
  }
}
