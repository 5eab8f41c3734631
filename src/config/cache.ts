import type { CacheNamespace } from '../domain/cache/cache.types.js'

/** Default TTL of each cache namespace in seconds (DESIGN.md §5); CACHE_TTL_<NAMESPACE> overrides each. */
export const CACHE_TTL_DEFAULTS: Readonly<Record<CacheNamespace, number>> = {
  JOB_ANALYSIS: 30 * 60,
  ATS_SCORE: 60 * 60,
  AI_DRAFT: 24 * 60 * 60,
  AI_SUGGESTIONS: 15 * 60,
  RESUME_DATA: 5 * 60,
  RESUME_LIST: 2 * 60,
  WORKING_DRAFT: 60,
  TAILORED_VERSIONS: 10 * 60,
  TEMPLATE_LIST: 60 * 60,
  TEMPLATE_DETAIL: 60 * 60,
  USER_PROFILE: 15 * 60,
  USER_SETTINGS: 30 * 60,
}
