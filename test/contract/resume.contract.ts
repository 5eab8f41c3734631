import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../../src/domain/errors.js'
import type { JobRepository } from '../../src/domain/jobs/job.ports.js'
import { type Job, jobBytes } from '../../src/domain/jobs/job.types.js'
import type { ResumeRepository } from '../../src/domain/resumes/resume.ports.js'
import type { NewResume, ResumeContent } from '../../src/domain/resumes/resume.types.js'
import type { Quotas } from '../../src/domain/usage/usage.types.js'

export interface ResumeStores {
  resumes: ResumeRepository
  /** Jobs kept in the same store, sharing the owner's storage quota with the resumes. */
  jobs: JobRepository
  /** A user id the repository accepts as an owner (a stored user where a foreign key asks for one). */
  newOwner(): Promise<string>
}

/** Quotas no test here reaches unless it means to. */
const roomy: Quotas = { storageBytes: 100 * 1024 * 1024, resumes: 10, versionsPerResume: 100, jobs: 100 }

/** UTF-8 bytes of the JSON text of a content, as the storage quota counts it. */
const bytesOf = (content: ResumeContent) => Buffer.byteLength(JSON.stringify(content), 'utf8')

const T0 = new Date('2026-11-01T10:00:00.000Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

export function aResumeContent(name = 'Ada Lovelace'): ResumeContent {
  return {
    basics: { name, email: 'ada@example.com', profiles: [{ network: 'GitHub', username: 'ada' }] },
    work: [{ name: 'Analytical Engines', position: 'Programmer', startDate: '1842-01' }],
    'x-custom': { nested: [1, 'two', { three: null }], order: 'kept' },
  }
}

export function aNewResume(ownerId: string, overrides: Partial<NewResume> = {}): NewResume {
  return {
    id: randomUUID(),
    ownerId,
    title: 'Engineer resume',
    templateId: 'classic',
    design: {},
    tags: ['engineering', 'remote'],
    content: aResumeContent(),
    message: 'Created',
    tailoredFrom: undefined,
    at: T0,
    ...overrides,
  }
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
    return undefined
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error)
  }
}

/** One contract for every resume storage adapter: memory fake, PGlite, Postgres. */
export function resumeRepositoryContract(name: string, open: () => Promise<ResumeStores>): void {
  describe(`resume repository contract: ${name}`, { timeout: 120_000 }, () => {
    it('creates a resume with version 1 and reads it back exactly, extra fields and key order included', async () => {
      const { resumes, newOwner } = await open()
      const owner = await newOwner()
      const input = aNewResume(owner)
      const created = await resumes.create(input, roomy)
      expect(created).toEqual({
        id: input.id,
        ownerId: owner,
        title: 'Engineer resume',
        templateId: 'classic',
        design: {},
        tags: ['engineering', 'remote'],
        headVersion: 1,
        hasDraft: false,
        tailoredFrom: undefined,
        createdAt: T0,
        updatedAt: T0,
        deletedAt: undefined,
        content: input.content,
      })
      const found = await resumes.find(owner, input.id)
      expect(found).toEqual(created)
      expect(JSON.stringify(found?.content)).toBe(JSON.stringify(input.content))
      expect(await resumes.findVersion(owner, input.id, 1)).toMatchObject({ number: 1, message: 'Created' })
    })

    it('does not show a resume to another owner, on any method', async () => {
      const { resumes, newOwner } = await open()
      const [a, b] = [await newOwner(), await newOwner()]
      const { id } = await resumes.create(aNewResume(a), roomy)
      expect(await resumes.find(b, id)).toBeUndefined()
      expect(await resumes.find(b, id, { includeTrashed: true })).toBeUndefined()
      expect(await resumes.list(b, { trashed: false, limit: 10 })).toEqual([])
      expect(await resumes.update(b, id, { title: 'mine now' }, at(1), undefined, roomy)).toBeUndefined()
      expect(await resumes.findVersion(b, id, 1)).toBeUndefined()
      expect(await resumes.findDraft(b, id)).toBeUndefined()
      expect(await codeOf(resumes.listVersions(b, id, { limit: 10 }))).toBe('RESUME_NOT_FOUND')
      expect(await codeOf(resumes.commitVersion(b, id, aVersion(2), roomy))).toBe('RESUME_NOT_FOUND')
      expect(await codeOf(resumes.saveDraft(b, id, '*', aDraft('x'), roomy))).toBe('RESUME_NOT_FOUND')
      expect(await codeOf(resumes.deleteDraft(b, id, undefined))).toBe('RESUME_NOT_FOUND')
      expect(await codeOf(resumes.commitDraft(b, id, 'v1', { message: 'm', at: at(1) }, roomy))).toBe(
        'RESUME_NOT_FOUND',
      )
      expect(await resumes.trash(b, id, at(1))).toBe(false)
      expect(await resumes.find(a, id)).toMatchObject({ title: 'Engineer resume', headVersion: 1 })
      expect(await resumes.find(a, 'not-a-uuid')).toBeUndefined()
    })

    it('lists newest first, by tag, a page at a time', async () => {
      const { resumes, newOwner } = await open()
      const owner = await newOwner()
      const made = []
      for (let i = 0; i < 5; i += 1) {
        made.push(await resumes.create(aNewResume(owner, { at: at(i), tags: i % 2 === 0 ? ['even'] : ['odd'] }), roomy))
      }
      const all = await resumes.list(owner, { trashed: false, limit: 10 })
      expect(all.map((r) => r.id)).toEqual(made.map((r) => r.id).reverse())
      expect(all[0]).not.toHaveProperty('content')
      const even = await resumes.list(owner, { trashed: false, limit: 10, tag: 'even' })
      expect(even.map((r) => r.createdAt)).toEqual([at(4), at(2), at(0)])
      const first = await resumes.list(owner, { trashed: false, limit: 2 })
      const last = first.at(-1)
      if (!last) throw new Error('empty page')
      const next = await resumes.list(owner, { trashed: false, limit: 2, after: last })
      expect(next.map((r) => r.id)).toEqual([made[2]?.id, made[1]?.id])
    })

    it('searches title and working content by word prefixes, every word required, the draft over the head', async () => {
      const { resumes, newOwner } = await open()
      const owner = await newOwner()
      const other = await newOwner()
      const content = (name: string, skill: string, summary: string) => ({
        basics: { name, summary, profiles: [{ network: 'GitHub', username: name.toLowerCase() }] },
        work: [{ name: 'Northwind', position: 'Engineer', highlights: [`Shipped ${skill} services`] }],
        skills: [{ name: 'Languages', keywords: [skill] }],
      })
      const ada = await resumes.create(
        aNewResume(owner, { title: 'Backend CV', content: content('Ada', 'TypeScript', 'Café owner'), at: at(0) }),
        roomy,
      )
      const grace = await resumes.create(
        aNewResume(owner, { title: 'Data CV', content: content('Grace', 'Kotlin', 'Compilers'), at: at(1) }),
        roomy,
      )
      await resumes.create(aNewResume(other, { title: 'Backend CV', content: content('Ada', 'TypeScript', '') }), roomy)
      const find = async (...search: string[]) =>
        (await resumes.list(owner, { trashed: false, limit: 10, search })).map((r) => r.id)

      expect(await find('backend')).toEqual([ada.id])
      expect(await find('typescr')).toEqual([ada.id])
      expect(await find('kotlin')).toEqual([grace.id])
      expect(await find('cv')).toEqual([grace.id, ada.id])
      expect(await find('grace', 'compilers', 'data')).toEqual([grace.id])
      // Every word must match; words from the title and from the content combine.
      expect(await find('grace', 'typescript')).toEqual([])
      expect(await find('backend', 'ada')).toEqual([ada.id])
      // Letters beyond ASCII, and text of nested lists (highlights, profiles), are searched too.
      expect(await find('café')).toEqual([ada.id])
      expect(await find('shipped', 'northwind')).toEqual([grace.id, ada.id])
      // Keys of the document are not words of the resume.
      expect(await find('highlights')).toEqual([])
      expect(await find('nothing')).toEqual([])

      // The working draft is what is searched when there is one; the head again once it is gone.
      await resumes.saveDraft(
        owner,
        grace.id,
        ['v1'],
        { content: content('Grace', 'Rust', 'Compilers'), etag: 'd-1', at: at(5) },
        roomy,
      )
      expect(await find('rust')).toEqual([grace.id])
      expect(await find('kotlin')).toEqual([])
      await resumes.deleteDraft(owner, grace.id, ['d-1'])
      expect(await find('kotlin')).toEqual([grace.id])

      // The trash is searched only when it is listed.
      await resumes.trash(owner, ada.id, at(6))
      expect(await find('typescript')).toEqual([])
      const trashed = await resumes.list(owner, { trashed: true, limit: 10, search: ['typescript'] })
      expect(trashed.map((r) => r.id)).toEqual([ada.id])
    })

    it('refuses to create past the resumes quota, counting the trash, and stores nothing', async () => {
      const { resumes, newOwner } = await open()
      const owner = await newOwner()
      const two = { ...roomy, resumes: 2 }
      const first = await resumes.create(aNewResume(owner), two)
      await resumes.create(aNewResume(owner), two)
      await resumes.trash(owner, first.id, at(1))
      const before = await resumes.usage(owner)
      const refused = aNewResume(owner)
      expect(await quotaOf(resumes.create(refused, two))).toEqual({ quota: 'resumes', limit: 2, used: 2 })
      expect(await resumes.find(owner, refused.id)).toBeUndefined()
      expect(await resumes.usage(owner)).toEqual(before)
      expect(await resumes.create(aNewResume(await newOwner()), two)).toMatchObject({ headVersion: 1 })
    })

    it('reports usage: bytes of versions, drafts and jobs, resumes with the trash, the fullest resume', async () => {
      const { resumes, jobs, newOwner } = await open()
      const [owner, other] = [await newOwner(), await newOwner()]
      expect(await resumes.usage(owner)).toEqual({ storageBytes: 0, resumes: 0, mostVersionsPerResume: 0 })
      const input = aNewResume(owner)
      const { id } = await resumes.create(input, roomy)
      await resumes.create(aNewResume(other), roomy)
      let expected = bytesOf(input.content)
      expect(await resumes.usage(owner)).toEqual({ storageBytes: expected, resumes: 1, mostVersionsPerResume: 1 })

      await resumes.commitVersion(owner, id, aVersion(2), roomy)
      await resumes.update(
        owner,
        id,
        { title: 'Bytes' },
        at(3),
        { ...aVersion(3), content: { é: 'ü'.repeat(9) } },
        roomy,
      )
      expected += bytesOf(aVersion(2).content) + bytesOf({ é: 'ü'.repeat(9) })
      expect(await resumes.usage(owner)).toMatchObject({ storageBytes: expected, mostVersionsPerResume: 3 })

      // A draft counts once; a newer draft replaces it; committing moves its bytes into the version.
      await resumes.saveDraft(owner, id, '*', aDraft('d-1'), roomy)
      await resumes.saveDraft(owner, id, '*', aDraft('d-longer'), roomy)
      expected += bytesOf(aDraft('d-longer').content)
      expect((await resumes.usage(owner)).storageBytes).toBe(expected)
      await resumes.commitDraft(owner, id, 'd-longer', { message: 'm', at: at(6) }, roomy)
      expect(await resumes.usage(owner)).toMatchObject({ storageBytes: expected, mostVersionsPerResume: 4 })
      await resumes.saveDraft(owner, id, '*', aDraft('d-2'), roomy)
      await resumes.deleteDraft(owner, id, undefined)
      expect((await resumes.usage(owner)).storageBytes).toBe(expected)

      const job = aJob(owner, 'Ünïcode posting')
      await jobs.create(job, roomy)
      expect((await resumes.usage(owner)).storageBytes).toBe(expected + jobBytes(job))
      expect(await jobs.delete(owner, job.id)).toBe(true)
      expect((await resumes.usage(owner)).storageBytes).toBe(expected)
      await jobs.create(job, roomy)

      // The trash still holds the bytes until it is purged.
      await resumes.trash(owner, id, at(10))
      expect(await resumes.usage(owner)).toEqual({
        storageBytes: expected + jobBytes(job),
        resumes: 1,
        mostVersionsPerResume: 4,
      })
      await resumes.purgeTrashed(at(10))
      expect(await resumes.usage(owner)).toEqual({ storageBytes: jobBytes(job), resumes: 0, mostVersionsPerResume: 0 })
      expect((await resumes.usage(other)).storageBytes).toBe(bytesOf(aNewResume(other).content))
    })

    it('creates a resume with its draft in one step, counted together, or stores neither', async () => {
      const { resumes, newOwner } = await open()
      const owner = await newOwner()
      const draft = { content: aDraft('d-1').content, etag: 'd-1' }
      const input = aNewResume(owner, { content: {}, draft })
      const created = await resumes.create(input, roomy)
      expect(created).toMatchObject({ headVersion: 1, hasDraft: true, content: {} })
      expect(await resumes.findDraft(owner, input.id)).toEqual({
        resumeId: input.id,
        content: draft.content,
        etag: 'd-1',
        baseVersion: 1,
        updatedAt: T0,
      })
      const both = bytesOf({}) + bytesOf(draft.content)
      expect((await resumes.usage(owner)).storageBytes).toBe(both)
      // Room for the version alone is not enough: the resume and its draft are one write.
      const refused = aNewResume(owner, { content: {}, draft })
      const tight = { ...roomy, storageBytes: both + bytesOf({}) + 1 }
      expect(await quotaOf(resumes.create(refused, tight))).toEqual({
        quota: 'storageBytes',
        limit: tight.storageBytes,
        used: both,
      })
      expect(await resumes.find(owner, refused.id)).toBeUndefined()
      expect(await resumes.usage(owner)).toEqual({ storageBytes: both, resumes: 1, mostVersionsPerResume: 1 })
      await resumes.commitDraft(owner, input.id, 'd-1', { message: 'm', at: at(1) }, roomy)
      expect((await resumes.usage(owner)).storageBytes).toBe(both)
    })

    it('refuses a version past versionsPerResume on every path and stores nothing', async () => {
      const { resumes, newOwner } = await open()
      const owner = await newOwner()
      const two = { ...roomy, versionsPerResume: 2 }
      const { id } = await resumes.create(aNewResume(owner), two)
      await resumes.commitVersion(owner, id, aVersion(2), two)
      await resumes.saveDraft(owner, id, '*', aDraft('d-1'), two)
      const before = await resumes.usage(owner)
      const full = { quota: 'versionsPerResume', limit: 2, used: 2 }
      expect(await quotaOf(resumes.commitVersion(owner, id, aVersion(3), two))).toEqual(full)
      expect(await quotaOf(resumes.update(owner, id, { title: 'No' }, at(3), aVersion(3), two))).toEqual(full)
      expect(await quotaOf(resumes.commitDraft(owner, id, 'd-1', { message: 'm', at: at(3) }, two))).toEqual(full)
      expect(await resumes.find(owner, id)).toMatchObject({ headVersion: 2, title: 'Engineer resume', hasDraft: true })
      expect(await resumes.findDraft(owner, id)).toMatchObject({ etag: 'd-1' })
      expect(await resumes.usage(owner)).toEqual(before)
      // Drafts still save: they are not versions.
      expect(await resumes.saveDraft(owner, id, '*', aDraft('d-2'), two)).toMatchObject({ etag: 'd-2' })
    })

    it('refuses writes past storageBytes on every path, counting a replaced draft by its net change', async () => {
      const { resumes, jobs, newOwner } = await open()
      const owner = await newOwner()
      const input = aNewResume(owner)
      const limit = bytesOf(input.content) + bytesOf(aDraft('d-1').content) + 10
      const tight = { ...roomy, storageBytes: limit }
      const { id } = await resumes.create(input, tight)
      await resumes.saveDraft(owner, id, '*', aDraft('d-1'), tight)
      const used = limit - 10
      const full = { quota: 'storageBytes', limit, used }
      const big = { ...aVersion(2), content: { basics: { summary: 'x'.repeat(11) } } }
      expect(await quotaOf(resumes.create(aNewResume(owner), tight))).toEqual(full)
      expect(await quotaOf(resumes.commitVersion(owner, id, big, tight))).toEqual(full)
      expect(await quotaOf(resumes.update(owner, id, { title: 'No' }, at(2), big, tight))).toEqual(full)
      // 11 bytes more than the draft it replaces: over by one.
      const grown = { content: { ...aDraft('d-1').content, x: '1234' }, etag: 'd-2', at: at(5) }
      expect(bytesOf(grown.content) - bytesOf(aDraft('d-1').content)).toBe(11)
      expect(await quotaOf(resumes.saveDraft(owner, id, '*', grown, tight))).toEqual(full)
      expect(await quotaOf(jobs.create(aJob(owner, 'y'.repeat(11)), tight))).toEqual(full)
      expect(await resumes.find(owner, id)).toMatchObject({ headVersion: 1, title: 'Engineer resume' })
      expect(await resumes.findDraft(owner, id)).toMatchObject({ etag: 'd-1' })
      expect(await resumes.usage(owner)).toEqual({ storageBytes: used, resumes: 1, mostVersionsPerResume: 1 })
      expect(await jobs.count(owner)).toBe(0)

      // Exactly what is left fits; a smaller draft always does, even with the account full.
      const fits = { content: { ...aDraft('d-1').content, x: '123' }, etag: 'd-3', at: at(5) }
      await resumes.saveDraft(owner, id, '*', fits, tight)
      expect((await resumes.usage(owner)).storageBytes).toBe(limit)
      await resumes.saveDraft(owner, id, '*', aDraft('d-1'), tight)
      expect((await resumes.usage(owner)).storageBytes).toBe(used)
      // Committing moves the draft's bytes: it fits in a full account.
      await resumes.commitDraft(owner, id, 'd-1', { message: 'm', at: at(6) }, { ...tight, storageBytes: used })
      expect(await resumes.usage(owner)).toEqual({ storageBytes: used, resumes: 1, mostVersionsPerResume: 2 })
    })

    it('lets only the writes that fit pass when many race for the last bytes', async () => {
      const { resumes, newOwner } = await open()
      const owner = await newOwner()
      const input = aNewResume(owner)
      const { id } = await resumes.create(input, roomy)
      const version = { ...aVersion(2), content: { basics: { summary: 'z'.repeat(100) } } }
      const limit = bytesOf(input.content) + 3 * bytesOf(version.content) + 5
      const tight = { ...roomy, storageBytes: limit }
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () => resumes.commitVersion(owner, id, version, tight)),
      )
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3)
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'QUOTA_EXCEEDED' })
      expect(await resumes.usage(owner)).toEqual({ storageBytes: limit - 5, resumes: 1, mostVersionsPerResume: 4 })
    })

    it('updates metadata and appends content as the next version in one step', async () => {
      const { resumes, newOwner } = await open()
      const owner = await newOwner()
      const { id } = await resumes.create(aNewResume(owner), roomy)
      const renamed = await resumes.update(owner, id, { title: 'Renamed', tags: ['x'] }, at(1), undefined, roomy)
      expect(renamed).toMatchObject({ title: 'Renamed', tags: ['x'], templateId: 'classic', headVersion: 1 })
      expect(renamed?.updatedAt).toEqual(at(1))
      const content = aResumeContent('Grace Hopper')
      const edited = await resumes.update(
        owner,
        id,
        { templateId: 'modern' },
        at(2),
        { ...aVersion(2), content },
        roomy,
      )
      expect(edited).toMatchObject({ templateId: 'modern', headVersion: 2, content })
      expect((await resumes.findVersion(owner, id, 1))?.content).toEqual(aResumeContent())
    })

    it('stores the design with the resume and applies changes field by field, null removing one', async () => {
      const { resumes, newOwner } = await open()
      const owner = await newOwner()
      const design = { pageSize: 'a4', fontSize: 11, sectionTitles: { work: 'Professional Experience' } } as const
      const { id } = await resumes.create(aNewResume(owner, { design }), roomy)
      expect((await resumes.find(owner, id))?.design).toEqual(design)
      const changed = await resumes.update(
        owner,
        id,
        { design: { accentColor: '#aa3300', fontSize: null, sectionOrder: ['skills', 'work'] } },
        at(1),
        undefined,
        roomy,
      )
      const expected = {
        pageSize: 'a4',
        accentColor: '#aa3300',
        sectionOrder: ['skills', 'work'],
        sectionTitles: { work: 'Professional Experience' },
      }
      expect(changed?.design).toEqual(expected)
      expect((await resumes.list(owner, { trashed: false, limit: 5 }))[0]?.design).toEqual(expected)
      // Two changes at once both land: each is applied to the stored design in its own write.
      await Promise.all([
        resumes.update(owner, id, { design: { margins: 40 } }, at(2), undefined, roomy),
        resumes.update(owner, id, { design: { lineSpacing: 1.5 } }, at(2), undefined, roomy),
      ])
      expect((await resumes.find(owner, id))?.design).toMatchObject({ margins: 40, lineSpacing: 1.5, pageSize: 'a4' })
    })

    it('numbers versions 1, 2, 3 and pages through them newest first', async () => {
      const { resumes, newOwner } = await open()
      const owner = await newOwner()
      const { id } = await resumes.create(aNewResume(owner), roomy)
      const v2 = await resumes.commitVersion(owner, id, aVersion(2), roomy)
      const v3 = await resumes.commitVersion(owner, id, { ...aVersion(3), restoredFrom: 1 }, roomy)
      expect([v2.number, v3.number]).toEqual([2, 3])
      expect(v3).toMatchObject({ resumeId: id, restoredFrom: 1, message: 'version 3', createdAt: at(3) })
      expect((await resumes.find(owner, id))?.headVersion).toBe(3)
      const page = await resumes.listVersions(owner, id, { limit: 2 })
      expect(page.map((v) => v.number)).toEqual([3, 2])
      expect(page[0]).not.toHaveProperty('content')
      expect((await resumes.listVersions(owner, id, { limit: 2, before: 2 })).map((v) => v.number)).toEqual([1])
      expect(await resumes.findVersion(owner, id, 4)).toBeUndefined()
    })

    it('numbers concurrent commits without gaps or duplicates', async () => {
      const { resumes, newOwner } = await open()
      const owner = await newOwner()
      const { id } = await resumes.create(aNewResume(owner), roomy)
      const made = await Promise.all(
        Array.from({ length: 12 }, (_, i) => resumes.commitVersion(owner, id, aVersion(i), roomy)),
      )
      expect(made.map((v) => v.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 2))
      expect((await resumes.find(owner, id))?.headVersion).toBe(13)
    })

    it('saves a draft only against the current ETag and reports the current one on conflict', async () => {
      const { resumes, newOwner } = await open()
      const owner = await newOwner()
      const { id } = await resumes.create(aNewResume(owner), roomy)
      expect(await resumes.findDraft(owner, id)).toBeUndefined()
      expect(await conflictEtag(resumes.saveDraft(owner, id, ['v9'], aDraft('d-0'), roomy))).toBe('v1')
      const first = await resumes.saveDraft(owner, id, ['v1'], aDraft('d-1'), roomy)
      expect(first).toEqual({
        resumeId: id,
        content: aDraft('d-1').content,
        etag: 'd-1',
        baseVersion: 1,
        updatedAt: at(5),
      })
      expect((await resumes.find(owner, id))?.hasDraft).toBe(true)
      expect(await conflictEtag(resumes.saveDraft(owner, id, ['v1'], aDraft('d-2'), roomy))).toBe('d-1')
      await resumes.saveDraft(owner, id, ['d-1'], aDraft('d-2'), roomy)
      expect(await resumes.findDraft(owner, id)).toMatchObject({ etag: 'd-2', content: aDraft('d-2').content })
      await resumes.saveDraft(owner, id, '*', aDraft('d-3'), roomy)
      expect((await resumes.findDraft(owner, id))?.etag).toBe('d-3')
    })

    it('lets exactly one of many concurrent saves with the same ETag win', async () => {
      const { resumes, newOwner } = await open()
      const owner = await newOwner()
      const { id } = await resumes.create(aNewResume(owner), roomy)
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => resumes.saveDraft(owner, id, ['v1'], aDraft(`d-${i}`), roomy)),
      )
      const won = results.filter((r) => r.status === 'fulfilled')
      expect(won).toHaveLength(1)
      const winner = (won[0] as PromiseFulfilledResult<{ etag: string }>).value.etag
      for (const r of results) {
        if (r.status === 'rejected')
          expect(r.reason).toMatchObject({ code: 'DRAFT_VERSION_CONFLICT', extra: { etag: winner } })
      }
      expect(await resumes.findDraft(owner, id)).toMatchObject({ etag: winner, content: aDraft(winner).content })
    })

    it('commits the draft it was given as the next version and removes it; a changed draft conflicts', async () => {
      const { resumes, newOwner } = await open()
      const owner = await newOwner()
      const { id } = await resumes.create(aNewResume(owner), roomy)
      await resumes.saveDraft(owner, id, ['v1'], aDraft('d-1'), roomy)
      expect(await conflictEtag(resumes.commitDraft(owner, id, 'd-0', { message: 'm', at: at(6) }, roomy))).toBe('d-1')
      const version = await resumes.commitDraft(owner, id, 'd-1', { message: 'First draft', at: at(6) }, roomy)
      expect(version).toEqual({
        resumeId: id,
        number: 2,
        content: aDraft('d-1').content,
        message: 'First draft',
        restoredFrom: undefined,
        createdAt: at(6),
      })
      expect(await resumes.findDraft(owner, id)).toBeUndefined()
      expect(await resumes.find(owner, id)).toMatchObject({
        headVersion: 2,
        hasDraft: false,
        content: aDraft('d-1').content,
      })
      expect(await conflictEtag(resumes.commitDraft(owner, id, 'd-1', { message: 'm', at: at(7) }, roomy))).toBe('v2')
    })

    it('deletes a draft when the condition matches', async () => {
      const { resumes, newOwner } = await open()
      const owner = await newOwner()
      const { id } = await resumes.create(aNewResume(owner), roomy)
      expect(await resumes.deleteDraft(owner, id, undefined)).toBe(false)
      await resumes.saveDraft(owner, id, ['v1'], aDraft('d-1'), roomy)
      expect(await conflictEtag(resumes.deleteDraft(owner, id, ['v1']))).toBe('d-1')
      expect(await resumes.deleteDraft(owner, id, ['d-1'])).toBe(true)
      expect(await resumes.findDraft(owner, id)).toBeUndefined()
    })

    it('trashes, lists the trash, restores within the window, and purges after it', async () => {
      const { resumes, newOwner } = await open()
      const owner = await newOwner()
      const base = await resumes.create(aNewResume(owner), roomy)
      const kept = await resumes.create(aNewResume(owner), roomy)
      const child = await resumes.create(
        aNewResume(owner, { tailoredFrom: { resumeId: base.id, version: 1, jobId: 'job-42' } }),
        roomy,
      )
      await resumes.saveDraft(owner, base.id, ['v1'], aDraft('d-1'), roomy)
      expect(await resumes.trash(owner, base.id, at(10))).toBe(true)
      expect(await resumes.trash(owner, base.id, at(11))).toBe(false)
      expect(await resumes.find(owner, base.id)).toBeUndefined()
      expect(await resumes.find(owner, base.id, { includeTrashed: true })).toMatchObject({ deletedAt: at(10) })
      expect(await resumes.findDraft(owner, base.id)).toBeUndefined()
      expect((await resumes.list(owner, { trashed: true, limit: 10 })).map((r) => r.id)).toEqual([base.id])
      expect((await resumes.list(owner, { trashed: false, limit: 10 })).map((r) => r.id).sort()).toEqual(
        [kept.id, child.id].sort(),
      )
      // Deleted at 10; a cutoff at or after 10 means the window has passed.
      expect(await resumes.untrash(owner, base.id, at(10), at(12))).toBeUndefined()
      expect(await resumes.untrash(owner, base.id, at(9), at(12))).toMatchObject({
        deletedAt: undefined,
        hasDraft: true,
      })
      await resumes.trash(owner, base.id, at(20))
      expect(await resumes.purgeTrashed(at(19))).toEqual([])
      expect(await resumes.purgeTrashed(at(20))).toEqual([{ id: base.id, ownerId: owner }])
      expect(await resumes.find(owner, base.id, { includeTrashed: true })).toBeUndefined()
      expect(await resumes.findVersion(owner, base.id, 1)).toBeUndefined()
      expect(await resumes.find(owner, child.id)).toMatchObject({
        tailoredFrom: { resumeId: undefined, version: 1, jobId: 'job-42' },
      })
    })

    it('deletes trashed resumes for good with their versions and drafts, freeing their bytes, never a live one', async () => {
      const { resumes, jobs, newOwner } = await open()
      const [owner, other] = [await newOwner(), await newOwner()]
      const live = await resumes.create(aNewResume(owner), roomy)
      const base = await resumes.create(aNewResume(owner, { content: aResumeContent('Base') }), roomy)
      const child = await resumes.create(
        aNewResume(owner, { tailoredFrom: { resumeId: base.id, version: 1, jobId: 'job-42' } }),
        roomy,
      )
      const spare = await resumes.create(aNewResume(owner), roomy)
      const theirs = await resumes.create(aNewResume(other), roomy)
      await resumes.commitVersion(owner, base.id, aVersion(2), roomy)
      await resumes.saveDraft(owner, base.id, ['v2'], aDraft('d-1'), roomy)
      const job = aJob(owner, 'A posting')
      await jobs.create(job, roomy)
      await resumes.trash(owner, base.id, at(10))
      await resumes.trash(owner, spare.id, at(11))
      await resumes.trash(other, theirs.id, at(11))
      const before = await resumes.usage(owner)

      // Only from the trash, only the owner's, only the one named.
      expect(await resumes.deleteTrashed(owner, live.id)).toEqual([])
      expect(await resumes.deleteTrashed(owner, theirs.id)).toEqual([])
      expect(await resumes.deleteTrashed(owner, 'not-a-uuid')).toEqual([])
      expect(await resumes.usage(owner)).toEqual(before)
      expect(await resumes.deleteTrashed(owner, base.id)).toEqual([base.id])
      expect(await resumes.find(owner, base.id, { includeTrashed: true })).toBeUndefined()
      expect(await resumes.findVersion(owner, base.id, 1)).toBeUndefined()
      expect(await resumes.untrash(owner, base.id, at(0), at(12))).toBeUndefined()
      expect(await resumes.usage(owner)).toEqual({
        storageBytes:
          before.storageBytes -
          bytesOf(aResumeContent('Base')) -
          bytesOf(aVersion(2).content) -
          bytesOf(aDraft('d-1').content),
        resumes: 3,
        mostVersionsPerResume: 1,
      })
      expect(await resumes.find(owner, child.id)).toMatchObject({
        tailoredFrom: { resumeId: undefined, version: 1, jobId: 'job-42' },
      })

      // Emptying the trash removes what is left there and nothing else.
      expect(await resumes.deleteTrashed(owner)).toEqual([spare.id])
      expect(await resumes.deleteTrashed(owner)).toEqual([])
      expect(await resumes.usage(owner)).toEqual({
        storageBytes: bytesOf(aNewResume(owner).content) * 2 + jobBytes(job),
        resumes: 2,
        mostVersionsPerResume: 1,
      })
      expect((await resumes.list(owner, { trashed: false, limit: 10 })).map((r) => r.id).sort()).toEqual(
        [live.id, child.id].sort(),
      )
      expect((await resumes.list(other, { trashed: true, limit: 10 })).map((r) => r.id)).toEqual([theirs.id])
    })

    it('keeps tailored lineage and lists the live children of a base', async () => {
      const { resumes, newOwner } = await open()
      const owner = await newOwner()
      const base = await resumes.create(aNewResume(owner), roomy)
      const lineage = { resumeId: base.id, version: 1, jobId: randomUUID() }
      const a = await resumes.create(aNewResume(owner, { tailoredFrom: lineage, at: at(1) }), roomy)
      const b = await resumes.create(
        aNewResume(owner, { tailoredFrom: { ...lineage, jobId: 'other' }, at: at(2) }),
        roomy,
      )
      expect(a.tailoredFrom).toEqual(lineage)
      expect((await resumes.listTailored(owner, base.id)).map((r) => r.id)).toEqual([b.id, a.id])
      await resumes.trash(owner, b.id, at(3))
      expect((await resumes.listTailored(owner, base.id)).map((r) => r.id)).toEqual([a.id])
      expect(await resumes.listTailored(await newOwner(), base.id)).toEqual([])
    })
  })
}

function aVersion(n: number) {
  return { content: aResumeContent(`Version ${n}`), message: `version ${n}`, restoredFrom: undefined, at: at(n) }
}

function aDraft(etag: string) {
  return { content: { basics: { name: `draft ${etag}` }, unfinished: true }, etag, at: at(5) }
}

function aJob(ownerId: string, description: string): Job {
  return {
    id: randomUUID(),
    ownerId,
    title: undefined,
    company: undefined,
    url: undefined,
    description,
    createdAt: T0,
  }
}

/** The quota problem a write was refused with (its `extra`), or what else happened. */
async function quotaOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
    return 'stored'
  } catch (error) {
    if (error instanceof DomainError && error.code === 'QUOTA_EXCEEDED') return error.extra
    throw error
  }
}

async function conflictEtag(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
    return 'no conflict'
  } catch (error) {
    if (error instanceof DomainError && error.code === 'DRAFT_VERSION_CONFLICT') return error.extra?.etag
    throw error
  }
}
