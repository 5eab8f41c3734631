import { contentBytes } from '../../domain/resumes/json-resume.js'
import { draftConflict, resumeNotFound } from '../../domain/resumes/resume.errors.js'
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
import { applyDesignChanges } from '../../domain/resumes/resume-design.js'
import { matchesSearch } from '../../domain/resumes/resume-search.js'
import { assertCountBelow, assertStorageFits, type Quotas } from '../../domain/usage/usage.types.js'

interface Stored {
  resume: Omit<Resume, 'hasDraft'>
  versions: ResumeVersion[]
  draft: Draft | undefined
  /** UTF-8 bytes of every version's and the draft's JSON text. */
  bytes: number
  draftBytes: number
}

/**
 * Bytes each owner stores, shared by the memory resume and job repositories as the database's user_usage table
 * is (pass one ledger to both for a store whose storage quota spans resumes and jobs).
 */
export class MemoryStorageLedger {
  readonly #bytes = new Map<string, number>()

  bytes(ownerId: string): number {
    return this.#bytes.get(ownerId) ?? 0
  }

  add(ownerId: string, delta: number): void {
    this.#bytes.set(ownerId, this.bytes(ownerId) + delta)
  }
}

/**
 * In-memory resumes for unit tests; same contract as the Postgres repository. Each method runs without awaiting
 * in between, so it is atomic as the database's transactions are. Contents are copied in and out.
 */
export function createMemoryResumeRepository(ledger = new MemoryStorageLedger()): ResumeRepository {
  const store = new Map<string, Stored>()
  const copy = structuredClone

  const owned = (ownerId: string, id: string, includeTrashed = false): Stored | undefined => {
    const found = store.get(id)
    if (!found || found.resume.ownerId !== ownerId) return undefined
    if (found.resume.deletedAt && !includeTrashed) return undefined
    return found
  }
  /** What the editor shows: the draft, else the head version. */
  const workingContent = (s: Stored) => s.draft?.content ?? s.versions[s.resume.headVersion - 1]?.content
  const toResume = (s: Stored): Resume => copy({ ...s.resume, hasDraft: s.draft !== undefined })
  const withContent = (s: Stored): ResumeWithContent => {
    const head = s.versions[s.resume.headVersion - 1] as ResumeVersion
    return { ...toResume(s), content: copy(head.content) }
  }
  const newestFirst = (a: Resume, b: Resume) =>
    b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
  /** Checks the version and storage quotas, then appends; `alongside` is what the same write stores besides the
   *  version (a new resume's draft) or, when negative, removes (a committed draft). */
  const append = (s: Stored, version: NewVersion, quotas: Quotas, alongside = 0): ResumeVersion => {
    assertCountBelow('versionsPerResume', s.resume.headVersion, quotas.versionsPerResume)
    const bytes = contentBytes(version.content)
    assertStorageFits(ledger.bytes(s.resume.ownerId), bytes + alongside, quotas.storageBytes)
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
    s.bytes += bytes + alongside
    ledger.add(s.resume.ownerId, bytes + alongside)
    return copy(stored)
  }
  /** Removes the matching resumes and frees their bytes. Lineage outlives its base: the link goes, the version and
   *  job stay (as the database's foreign key sets it null). */
  const removeWhere = (matches: (s: Stored) => boolean): Array<{ id: string; ownerId: string }> => {
    const removed: Array<{ id: string; ownerId: string }> = []
    for (const [id, s] of store) {
      if (!matches(s)) continue
      store.delete(id)
      ledger.add(s.resume.ownerId, -s.bytes)
      removed.push({ id, ownerId: s.resume.ownerId })
    }
    const gone = new Set(removed.map((r) => r.id))
    for (const s of store.values()) {
      const from = s.resume.tailoredFrom
      if (from?.resumeId && gone.has(from.resumeId)) {
        s.resume = { ...s.resume, tailoredFrom: { ...from, resumeId: undefined } }
      }
    }
    return removed
  }
  const currentEtag = (s: Stored) => s.draft?.etag ?? headEtag(s.resume.headVersion)

  return {
    async create(input, quotas) {
      const count = [...store.values()].filter((s) => s.resume.ownerId === input.ownerId).length
      assertCountBelow('resumes', count, quotas.resumes)
      const stored: Stored = {
        resume: {
          id: input.id,
          ownerId: input.ownerId,
          title: input.title,
          templateId: input.templateId,
          design: structuredClone(input.design),
          tags: [...input.tags],
          headVersion: 0,
          tailoredFrom: input.tailoredFrom && { ...input.tailoredFrom },
          createdAt: input.at,
          updatedAt: input.at,
          deletedAt: undefined,
        },
        versions: [],
        draft: undefined,
        bytes: 0,
        draftBytes: 0,
      }
      const first = { content: input.content, message: input.message, restoredFrom: undefined, at: input.at }
      const draftBytes = input.draft ? contentBytes(input.draft.content) : 0
      append(stored, first, quotas, draftBytes)
      if (input.draft) {
        stored.draft = {
          resumeId: input.id,
          content: copy(input.draft.content),
          etag: input.draft.etag,
          baseVersion: 1,
          updatedAt: input.at,
        }
        stored.draftBytes = draftBytes
      }
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
        .filter((s) => !query.search || matchesSearch(s.resume.title, workingContent(s), query.search))
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

    async update(ownerId, id, changes, at, version, quotas) {
      const found = owned(ownerId, id)
      if (!found) return undefined
      // The version first: a quota refusal leaves the metadata unchanged too.
      if (version) append(found, version, quotas)
      found.resume = {
        ...found.resume,
        ...(changes.title !== undefined && { title: changes.title }),
        ...(changes.templateId !== undefined && { templateId: changes.templateId }),
        ...(changes.design !== undefined && { design: applyDesignChanges(found.resume.design, changes.design) }),
        ...(changes.tags !== undefined && { tags: [...changes.tags] }),
        updatedAt: at,
      }
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
      return removeWhere((s) => s.resume.deletedAt !== undefined && s.resume.deletedAt.getTime() <= before.getTime())
    },

    async deleteTrashed(ownerId, id) {
      const removed = removeWhere(
        (s) =>
          s.resume.ownerId === ownerId && s.resume.deletedAt !== undefined && (id === undefined || s.resume.id === id),
      )
      return removed.map((r) => r.id)
    },

    async usage(ownerId) {
      const mine = [...store.values()].filter((s) => s.resume.ownerId === ownerId)
      return {
        storageBytes: ledger.bytes(ownerId),
        resumes: mine.length,
        mostVersionsPerResume: Math.max(0, ...mine.map((s) => s.resume.headVersion)),
      }
    },

    async commitVersion(ownerId, id, version, quotas) {
      const found = owned(ownerId, id)
      if (!found) throw resumeNotFound()
      return append(found, version, quotas)
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

    async saveDraft(ownerId, id, condition, draft, quotas) {
      const found = owned(ownerId, id)
      if (!found) throw resumeNotFound()
      const current = currentEtag(found)
      if (!etagMatches(condition, current)) throw draftConflict(current)
      const bytes = contentBytes(draft.content)
      const delta = bytes - found.draftBytes
      assertStorageFits(ledger.bytes(ownerId), delta, quotas.storageBytes)
      found.bytes += delta
      found.draftBytes = bytes
      ledger.add(ownerId, delta)
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
      found.bytes -= found.draftBytes
      ledger.add(ownerId, -found.draftBytes)
      found.draftBytes = 0
      return true
    },

    async commitDraft(ownerId, id, draftEtag, version, quotas) {
      const found = owned(ownerId, id)
      if (!found) throw resumeNotFound()
      if (found.draft?.etag !== draftEtag) throw draftConflict(currentEtag(found))
      const next = { content: found.draft.content, message: version.message, restoredFrom: undefined, at: version.at }
      // The draft's bytes become the version's; append checks the quotas before anything changes.
      const committed = append(found, next, quotas, -found.draftBytes)
      found.draft = undefined
      found.draftBytes = 0
      return committed
    },
  }
}
