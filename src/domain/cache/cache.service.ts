import type { AccountService } from '../accounts/account.service.js'
import type { DomainEvent, DomainEventName, EventBus } from '../events.js'
import type { JobService } from '../jobs/job.service.js'
import type { DraftService } from '../resumes/draft.service.js'
import type { ResumeService } from '../resumes/resume.service.js'
import type { CachePort } from './cache.ports.js'
import { type CacheNamespace, INVALIDATION_RULES, namespaceTag, resumeTag, userTag } from './cache.types.js'

export interface CacheServiceDeps {
  cache: CachePort
}

/**
 * RoleReady's caching rules over a CachePort: read-through helpers, event invalidation and warming.
 * Invalidations still in flight are awaited by the next read on this instance, so a read right after a change
 * never sees the old value.
 */
export function createCacheService({ cache }: CacheServiceDeps) {
  const pending = new Set<Promise<void>>()

  function track(work: Promise<void>): Promise<void> {
    const tracked = work.finally(() => pending.delete(tracked))
    pending.add(tracked)
    return tracked
  }

  async function read<T>(
    namespace: CacheNamespace,
    owner: { userId: string; resumeId?: string },
    key: string,
    loader: () => Promise<T>,
  ): Promise<T> {
    if (pending.size > 0) await Promise.allSettled([...pending])
    const tags = [userTag(owner.userId, namespace), namespaceTag(namespace)]
    if (owner.resumeId) tags.push(resumeTag(owner.resumeId, namespace))
    // The user id is always part of the key: one user's entry can never answer another user's read.
    return cache.getOrSet(namespace, `${owner.userId}:${key}`, tags, loader)
  }

  /** Drops what `event` makes stale for that resume and user, on every instance. */
  function invalidateCache(event: DomainEventName, resumeId: string | undefined, userId: string): Promise<void> {
    const tags = INVALIDATION_RULES[event].flatMap((namespace) =>
      resumeId ? [resumeTag(resumeId, namespace), userTag(userId, namespace)] : [userTag(userId, namespace)],
    )
    return track(cache.invalidateTags(tags))
  }

  return {
    read,
    invalidateCache,

    /** Drops a whole namespace, or one user's or one resume's entries in it (admin). */
    invalidate(target: { namespace?: CacheNamespace; userId?: string; resumeId?: string }): Promise<void> {
      const namespaces: readonly CacheNamespace[] = target.namespace
        ? [target.namespace]
        : [...new Set(Object.values(INVALIDATION_RULES).flat())]
      const tags = namespaces.flatMap((namespace) => {
        const scoped: string[] = []
        if (target.userId) scoped.push(userTag(target.userId, namespace))
        if (target.resumeId) scoped.push(resumeTag(target.resumeId, namespace))
        return scoped.length > 0 ? scoped : [namespaceTag(namespace)]
      })
      return track(cache.invalidateTags(tags))
    },

    /** Applies INVALIDATION_RULES to every domain event; returns the unsubscribe function. */
    listen(events: EventBus): () => void {
      return events.on((event: DomainEvent) => invalidateCache(event.name, event.resumeId, event.userId))
    },

    /** Hits, misses, graced hits and errors per namespace since start. */
    getCacheStats: () => cache.stats(),
  }
}

export type CacheService = ReturnType<typeof createCacheService>

export interface CachedReadServices {
  resumes: ResumeService
  drafts: DraftService
  accounts: AccountService
  jobs: JobService
}

/** The same services with their read paths going through the cache (writes are untouched; events invalidate). */
export function withCachedReads(
  cache: CacheService,
  services: CachedReadServices,
  onWarmError?: (error: unknown, reason: string) => void,
): CachedReadServices {
  const { resumes, drafts, accounts, jobs } = services
  const cached: CachedReadServices = {
    resumes: {
      ...resumes,
      get: (ownerId, id) =>
        cache.read('RESUME_DATA', { userId: ownerId, resumeId: id }, id, () => resumes.get(ownerId, id)),
      list: (ownerId, query) =>
        cache.read(
          'RESUME_LIST',
          { userId: ownerId },
          JSON.stringify([query.tag, query.q, query.trashed ?? false, query.limit, query.cursor]),
          () => resumes.list(ownerId, query),
        ),
      listTailored: (ownerId, baseId) =>
        cache.read('TAILORED_VERSIONS', { userId: ownerId, resumeId: baseId }, baseId, () =>
          resumes.listTailored(ownerId, baseId),
        ),
    },
    drafts: {
      ...drafts,
      get: (ownerId, id) =>
        cache.read('WORKING_DRAFT', { userId: ownerId, resumeId: id }, id, () => drafts.get(ownerId, id)),
    },
    accounts: {
      ...accounts,
      getSettings: (userId) => cache.read('USER_SETTINGS', { userId }, 'settings', () => accounts.getSettings(userId)),
      async login(input, client) {
        const signedIn = await accounts.login(input, client)
        warmCache(cached, 'USER_LOGIN', signedIn.user.id, onWarmError)
        return signedIn
      },
    },
    jobs: {
      ...jobs,
      // A saved posting never changes; its analysis goes stale only when the job is deleted (JOB_DELETED).
      analysis: (ownerId, id) =>
        cache.read('JOB_ANALYSIS', { userId: ownerId }, `job:${id}`, () => jobs.analysis(ownerId, id)),
    },
  }
  return cached
}

/**
 * Fills the cache off the request path when a user signs in: their settings and first page of resumes. Nothing is
 * warmed at start: the template list and constants are built in memory while the app starts, and every other
 * namespace belongs to one user.
 */
export function warmCache(
  services: CachedReadServices,
  reason: 'USER_LOGIN',
  userId: string,
  onError?: (error: unknown, reason: string) => void,
): void {
  const report = (error: unknown) => onError?.(error, reason)
  setImmediate(() => {
    services.accounts.getSettings(userId).catch(report)
    services.resumes.list(userId, { trashed: false, limit: 20 }).catch(report)
  })
}
