import type { Clock } from '../ports.js'
import type { SessionCache, SessionStore, SessionWithUser, UserRepository } from './account.ports.js'
import { findSessionWithUser } from './account.service.js'

export interface CachedSessionStoreDeps {
  store: SessionStore
  users: Pick<UserRepository, 'findById'>
  cache: SessionCache
  clock: Clock
  /** The idle timeout authentication applies: a copy that looks idle is checked against the store first. */
  sessionIdleSeconds: number
}

/**
 * A session store whose reads of a session with its user go through the session cache. Revocations write to the
 * store first, then drop the cached copies on every instance, so a revoked token is refused by the next request.
 */
export function createCachedSessionStore(deps: CachedSessionStoreDeps): SessionStore {
  const { store, users, cache, clock } = deps
  const load = (tokenHash: string) => findSessionWithUser(store, users, tokenHash)

  /**
   * A copy may lag behind use recorded by another instance: a session that looks idle or expired in it is read from
   * the store before authentication refuses (and, when idle, revokes) it.
   */
  function looksOver({ session }: SessionWithUser): boolean {
    const now = clock.now().getTime()
    return session.expiresAt.getTime() <= now || now - session.lastSeenAt.getTime() > deps.sessionIdleSeconds * 1000
  }

  return {
    create: (session) => store.create(session),
    find: (tokenHash) => store.find(tokenHash),

    async findWithUser(tokenHash) {
      const found = await cache.read(tokenHash, () => load(tokenHash))
      if (!found || !looksOver(found)) return found
      cache.forget(tokenHash)
      return load(tokenHash)
    },

    async touch(tokenHash, at) {
      await store.touch(tokenHash, at)
      await cache.recordUse(tokenHash, at)
    },

    async revoke(tokenHash) {
      await store.revoke(tokenHash)
      await cache.dropSession(tokenHash)
    },

    async revokeAllForUser(userId) {
      await store.revokeAllForUser(userId)
      await cache.dropUser(userId)
    },
  }
}
