import { draftConflict, resumeLimitReached, resumeNotFound } from '../../domain/resumes/resume.errors.js'
import type { ResumeRepository } from '../../domain/resumes/resume.ports.js'
import {
  type Draft,
  etagMatches,
  headEtag,
  type NewVersion,
  type Resume,
  type ResumeVersion,
  type ResumeWithContent,
} from '../../domain/resumes/resume.types.js'

interface Stored {
  resume: Omit<Resume, 'hasDraft'>
  versions: ResumeVersion[]
  draft: Draft | undefined
}

/**
 * In-memory resumes for unit tests; same contract as the Postgres repository. Each method runs without awaiting
 * in between, so it is atomic as the database's transactions are. Contents are copied in and out.
 */
export function createMemoryResumeRepository(): ResumeRepository {
  const store = new Map<string, Stored>()
  const copy = structuredClone

  const owned = (ownerId: string, id: string, includeTrashed = false): Stored | undefined => {
    const found = store.get(id)
    if (!found || found.resume.ownerId !== ownerId) return undefined
    if (found.resume.deletedAt && !includeTrashed) return undefined
    return found
  }
  const toResume = (s: Stored): Resume => copy({ ...s.resume, hasDraft: s.draft !== undefined })
  const withContent = (s: Stored): ResumeWithContent => {
    const head = s.versions[s.resume.headVersion - 1] as ResumeVersion
    return { ...toResume(s), content: copy(head.content) }
  }
  const newestFirst = (a: Resume, b: Resume) =>
    b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
  const append = (s: Stored, version: NewVersion): ResumeVersion => {
    const stored: ResumeVersion = {
      resumeId: s.resume.id,
      number: s.resume.headVersion + 1,
      content: copy(version.content),
      message: version.message,
      restoredFrom: version.restoredFrom,
      createdAt: version.at,
    }
    s.versions.push(stored)
    s.resume = { ...s.resume, headVersion: stored.number, updatedAt: version.at }
    return copy(stored)
  }
  const currentEtag = (s: Stored) => s.draft?.etag ?? headEtag(s.resume.headVersion)

  return {
    async create(input, maxPerOwner) {
      const count = [...store.values()].filter((s) => s.resume.ownerId === input.ownerId).length
      if (count >= maxPerOwner) throw resumeLimitReached(maxPerOwner)
      const stored: Stored = {
        resume: {
          id: input.id,
          ownerId: input.ownerId,
          title: input.title,
          templateId: input.templateId,
          tags: [...input.tags],
          headVersion: 0,
          tailoredFrom: input.tailoredFrom && { ...input.tailoredFrom },
          createdAt: input.at,
          updatedAt: input.at,
          deletedAt: undefined,
        },
        versions: [],
        draft: undefined,
      }
      append(stored, { content: input.content, message: input.message, restoredFrom: undefined, at: input.at })
      store.set(input.id, stored)
      return withContent(stored)
    },

    async find(ownerId, id, options = {}) {
      const found = owned(ownerId, id, options.includeTrashed)
      return found && withContent(found)
    },

    async list(ownerId, query) {
      return [...store.values()]
        .filter((s) => s.resume.ownerId === ownerId && (s.resume.deletedAt !== undefined) === query.trashed)
        .filter((s) => query.tag === undefined || s.resume.tags.includes(query.tag))
        .map(toResume)
        .sort(newestFirst)
        .filter(
          (r) => !query.after || newestFirst(r, { ...r, createdAt: query.after.createdAt, id: query.after.id }) > 0,
        )
        .slice(0, query.limit)
    },

    async listTailored(ownerId, baseId) {
      return [...store.values()]
        .filter((s) => s.resume.ownerId === ownerId && !s.resume.deletedAt)
        .filter((s) => s.resume.tailoredFrom?.resumeId === baseId)
        .map(toResume)
        .sort(newestFirst)
    },

    async update(ownerId, id, changes, at, version) {
      const found = owned(ownerId, id)
      if (!found) return undefined
      found.resume = {
        ...found.resume,
        ...(changes.title !== undefined && { title: changes.title }),
        ...(changes.templateId !== undefined && { templateId: changes.templateId }),
        ...(changes.tags !== undefined && { tags: [...changes.tags] }),
        updatedAt: at,
      }
      if (version) append(found, version)
      return withContent(found)
    },

    async trash(ownerId, id, at) {
      const found = owned(ownerId, id)
      if (!found) return false
      found.resume = { ...found.resume, deletedAt: at }
      return true
    },

    async untrash(ownerId, id, notBefore, at) {
      const found = owned(ownerId, id, true)
      const deletedAt = found?.resume.deletedAt
      if (!found || !deletedAt || deletedAt.getTime() <= notBefore.getTime()) return undefined
      found.resume = { ...found.resume, deletedAt: undefined, updatedAt: at }
      return withContent(found)
    },

    async purgeTrashed(before) {
      const purged: Array<{ id: string; ownerId: string }> = []
      for (const [id, s] of store) {
        if (s.resume.deletedAt && s.resume.deletedAt.getTime() <= before.getTime()) {
          store.delete(id)
          purged.push({ id, ownerId: s.resume.ownerId })
        }
      }
      // Lineage outlives its base: the link goes, the version and job stay.
      for (const s of store.values()) {
        const from = s.resume.tailoredFrom
        if (from?.resumeId && purged.some((p) => p.id === from.resumeId)) {
          s.resume = { ...s.resume, tailoredFrom: { ...from, resumeId: undefined } }
        }
      }
      return purged
    },

    async commitVersion(ownerId, id, version) {
      const found = owned(ownerId, id)
      if (!found) throw resumeNotFound()
      return append(found, version)
    },

    async findVersion(ownerId, id, number) {
      const version = owned(ownerId, id)?.versions[number - 1]
      return version && copy(version)
    },

    async listVersions(ownerId, id, query) {
      const found = owned(ownerId, id)
      if (!found) throw resumeNotFound()
      return found.versions
        .filter((v) => query.before === undefined || v.number < query.before)
        .reverse()
        .slice(0, query.limit)
        .map(({ content: _content, ...summary }) => summary)
    },

    async findDraft(ownerId, id) {
      const draft = owned(ownerId, id)?.draft
      return draft && copy(draft)
    },

    async saveDraft(ownerId, id, condition, draft) {
      const found = owned(ownerId, id)
      if (!found) throw resumeNotFound()
      const current = currentEtag(found)
      if (!etagMatches(condition, current)) throw draftConflict(current)
      found.draft = {
        resumeId: id,
        content: copy(draft.content),
        etag: draft.etag,
        baseVersion: found.draft?.baseVersion ?? found.resume.headVersion,
        updatedAt: draft.at,
      }
      return copy(found.draft)
    },

    async deleteDraft(ownerId, id, condition) {
      const found = owned(ownerId, id)
      if (!found) throw resumeNotFound()
      if (!found.draft) return false
      if (condition !== undefined && !etagMatches(condition, found.draft.etag)) throw draftConflict(found.draft.etag)
      found.draft = undefined
      return true
    },

    async commitDraft(ownerId, id, draftEtag, version) {
      const found = owned(ownerId, id)
      if (!found) throw resumeNotFound()
      if (found.draft?.etag !== draftEtag) throw draftConflict(currentEtag(found))
      const { content } = found.draft
      found.draft = undefined
      return append(found, { content, message: version.message, restoredFrom: undefined, at: version.at })
    },
  }
}
