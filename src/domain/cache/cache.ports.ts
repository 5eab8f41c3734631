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
  /** Hits, misses, graced hits and errors per namespace since start. */
  stats(): CacheStats
  /** Closes connections; safe to call twice. */
  close(): Promise<void>
}
