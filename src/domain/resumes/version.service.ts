import type { Operation } from 'fast-json-patch'
import { DomainError } from '../errors.js'
import type { EventBus } from '../events.js'
import type { Clock } from '../ports.js'
import type { Quotas } from '../usage/usage.types.js'
import { createInlineWork, type HeavyWork } from '../work/heavy-work.js'
import { decodeCursor, encodeCursor, invalidCursor } from './cursor.js'
import { resumeNotFound } from './resume.errors.js'
import type { ResumeRepository } from './resume.ports.js'
import type { Page, ResumeVersion, VersionSummary } from './resume.types.js'

export interface VersionServiceDeps {
  resumes: ResumeRepository
  clock: Clock
  events: EventBus
  /** Where diffs run (the worker pool); default: in process, for unit tests. */
  work?: HeavyWork
  /** What one user may store (`versionsPerResume`, `storageBytes`); the settings' defaults when not given. */
  quotas: Quotas
}

export interface VersionDiff {
  readonly from: number
  readonly to: number
  /** RFC 6902 operations that turn version `from` into version `to`. */
  readonly patch: Operation[]
}

export function createVersionService({
  resumes,
  clock,
  events,
  work = createInlineWork(),
  quotas,
}: VersionServiceDeps) {
  async function get(ownerId: string, id: string, number: number): Promise<ResumeVersion> {
    const version = await resumes.findVersion(ownerId, id, number)
    if (version) return version
    if (!(await resumes.find(ownerId, id))) throw resumeNotFound()
    throw new DomainError('VERSION_NOT_FOUND', `This resume has no version ${number}.`)
  }

  return {
    get,

    /** Versions newest first, with a cursor to the next page. */
    async list(ownerId: string, id: string, query: { limit: number; cursor?: string }): Promise<Page<VersionSummary>> {
      let before: number | undefined
      if (query.cursor !== undefined) {
        const { n } = decodeCursor(query.cursor)
        if (typeof n !== 'number' || !Number.isInteger(n)) throw invalidCursor()
        before = n
      }
      const rows = await resumes.listVersions(ownerId, id, {
        limit: query.limit + 1,
        ...(before !== undefined && { before }),
      })
      const items = rows.slice(0, query.limit)
      const last = items.at(-1)
      return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ n: last.number }) : undefined }
    },

    /** Appends a new version whose content is version `number`'s; history is never rewritten. */
    async restore(ownerId: string, id: string, number: number, message?: string): Promise<ResumeVersion> {
      const source = await get(ownerId, id, number)
      const version = await resumes.commitVersion(
        ownerId,
        id,
        {
          content: source.content,
          message: message ?? `Restored version ${number}`,
          restoredFrom: number,
          at: clock.now(),
        },
        quotas,
      )
      events.emit({ name: 'RESUME_UPDATED', resumeId: id, userId: ownerId })
      return version
    },

    /** The RFC 6902 JSON Patch from version `from` to version `to` (default: the head). */
    async diff(ownerId: string, id: string, from: number, to?: number): Promise<VersionDiff> {
      const target = to ?? (await resumes.find(ownerId, id))?.headVersion
      if (target === undefined) throw resumeNotFound()
      const [a, b] = await Promise.all([get(ownerId, id, from), get(ownerId, id, target)])
      return { from, to: target, patch: await work.run('diff', { from: a.content, to: b.content }) }
    },
  }
}

export type VersionService = ReturnType<typeof createVersionService>
