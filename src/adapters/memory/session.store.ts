import type { SessionStore } from '../../domain/accounts/account.ports.js'
import type { Session } from '../../domain/accounts/account.types.js'

/** In-memory sessions for unit tests; same contract as the database and Redis stores. */
export function createMemorySessionStore(clock: { now(): Date }): SessionStore {
  const sessions = new Map<string, Session>()
  return {
    async create(session) {
      sessions.set(session.tokenHash, session)
    },
    async find(tokenHash) {
      const session = sessions.get(tokenHash)
      return session && session.expiresAt.getTime() > clock.now().getTime() ? session : undefined
    },
    async touch(tokenHash, at) {
      const session = sessions.get(tokenHash)
      if (session) sessions.set(tokenHash, { ...session, lastSeenAt: at })
    },
    async revoke(tokenHash) {
      sessions.delete(tokenHash)
    },
    async revokeAllForUser(userId) {
      for (const [hash, session] of sessions) if (session.userId === userId) sessions.delete(hash)
    },
  }
}
