import type { DomainEventName } from '../events.js'

/** Cache namespaces (DESIGN.md §5); each has its own TTL in config. */
export const CACHE_NAMESPACES = [
  'JOB_ANALYSIS',
  'ATS_SCORE',
  'AI_DRAFT',
  'AI_SUGGESTIONS',
  'RESUME_DATA',
  'RESUME_LIST',
  'WORKING_DRAFT',
  'TAILORED_VERSIONS',
  'TEMPLATE_LIST',
  'TEMPLATE_DETAIL',
  'USER_PROFILE',
  'USER_SETTINGS',
] as const

export type CacheNamespace = (typeof CACHE_NAMESPACES)[number]

/** Namespaces whose entries belong to one resume. */
export const RESUME_NAMESPACES: readonly CacheNamespace[] = [
  'RESUME_DATA',
  'WORKING_DRAFT',
  'ATS_SCORE',
  'JOB_ANALYSIS',
  'AI_SUGGESTIONS',
  'AI_DRAFT',
  'TAILORED_VERSIONS',
  'RESUME_LIST',
]

/**
 * Event → namespaces invalidated for that resume and user (DESIGN.md §5). RESUME_UPDATED also drops the owner's
 * list and the working draft, because both show the resume's title and head content (a created, restored or
 * edited resume must appear at once); RESUME_DELETED drops the lists the resume appeared in.
 */
export const INVALIDATION_RULES: Readonly<Record<DomainEventName, readonly CacheNamespace[]>> = {
  RESUME_UPDATED: ['RESUME_DATA', 'ATS_SCORE', 'JOB_ANALYSIS', 'AI_SUGGESTIONS', 'RESUME_LIST', 'WORKING_DRAFT'],
  DRAFT_SAVED: ['WORKING_DRAFT', 'RESUME_LIST', 'ATS_SCORE'],
  DRAFT_COMMITTED: RESUME_NAMESPACES,
  TAILORED_CREATED: ['TAILORED_VERSIONS', 'RESUME_LIST'],
  RESUME_DELETED: RESUME_NAMESPACES,
  USER_UPDATED: ['USER_PROFILE', 'USER_SETTINGS'],
  // A deleted account's entries are deleted outright (CachePort.forgetOwner), not merely made stale.
  USER_DELETED: [],
  // A deleted posting must not keep answering from its analysis, or from reports and drafts made against it.
  JOB_DELETED: ['JOB_ANALYSIS', 'ATS_SCORE', 'AI_SUGGESTIONS', 'AI_DRAFT'],
}

/** Tag of a namespace's entries for one resume ("everything for this resume" in that namespace). */
export const resumeTag = (resumeId: string, namespace: CacheNamespace) => `r:${resumeId}:${namespace}`
/** Tag of a namespace's entries for one user. */
export const userTag = (userId: string, namespace: CacheNamespace) => `u:${userId}:${namespace}`
/** Tag of every entry in a namespace (admin invalidation). */
export const namespaceTag = (namespace: CacheNamespace) => `ns:${namespace}`

export interface NamespaceStats {
  readonly hits: number
  readonly misses: number
  readonly graced: number
  readonly errors: number
  readonly hitRate: number
  readonly missRate: number
}

export interface CacheStats {
  readonly enabled: boolean
  readonly tiers: readonly ('memory' | 'redis')[]
  readonly total: NamespaceStats
  readonly namespaces: Readonly<Record<CacheNamespace, NamespaceStats>>
}
