import type { CacheNamespace, CacheStats } from './cache.types.js'

export interface CachePort {
  /**
   * The cached value of `key` in `namespace`, or the loader's result (stored with `tags`). Concurrent misses on one
   * key run the loader once; a failing loader serves the last value within the grace period; a cache failure
   * falls through to the loader. Values must be JSON with Dates.
   */
  getOrSet<T>(namespace: CacheNamespace, key: string, tags: readonly string[], loader: () => Promise<T>): Promise<T>
  /** Makes every entry carrying one of the tags stale on every instance (no key scan). */
  invalidateTags(tags: readonly string[]): Promise<void>
  /**
   * Deletes every entry of one user (keys carry the owner's id) and the user's tag records, in the shared tier and
   * on every instance; entries an instance kept only in its memory go stale and expire with their TTL.
   */
  forgetOwner(ownerId: string): Promise<void>
  /** Hits, misses, graced hits and errors per namespace since start. */
  stats(): CacheStats
  /** Closes connections; safe to call twice. */
  close(): Promise<void>
}
