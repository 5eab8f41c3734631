import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { codeOf, movableClock, recordingBus } from '../../../test/helpers/domain.js'
import { createMemoryJobRepository } from '../../adapters/memory/job.repository.js'
import { createMemoryResumeRepository } from '../../adapters/memory/resume.repository.js'
import { QUOTA_DEFAULTS, RESUME_LIMIT_DEFAULTS } from '../../config/defaults.js'
import { createDraftService } from './draft.service.js'
import { createResumeService } from './resume.service.js'
import { createVersionService } from './version.service.js'

const DAY = 24 * 3600 * 1000

function setup(quotas = QUOTA_DEFAULTS) {
  const { clock, advance } = movableClock()
  const { bus, events } = recordingBus()
  const jobs = createMemoryJobRepository()
  const deps = {
    resumes: createMemoryResumeRepository(),
    jobs,
    clock,
    ids: { uuid: randomUUID },
    events: bus,
    limits: RESUME_LIMIT_DEFAULTS,
    quotas,
  }
  return {
    resumes: createResumeService(deps),
    drafts: createDraftService(deps),
    versions: createVersionService(deps),
    events,
    advance,
  }
}

const owner = randomUUID()
const content = { basics: { name: 'Ada', email: 'ada@example.com' } }

describe('resume services', () => {
  it('restores from the trash until the retention period ends, then purges', async () => {
    const { resumes, advance, events } = setup()
    const kept = await resumes.create(owner, { title: 'Kept', content })
    const gone = await resumes.create(owner, { title: 'Gone', content })
    await resumes.remove(owner, kept.id)
    await resumes.remove(owner, gone.id)
    const [trashed] = (await resumes.list(owner, { trashed: true, limit: 10 })).items
    expect(resumes.purgeAt(trashed as never)).toEqual(
      new Date(new Date('2026-11-01T09:00:00.000Z').getTime() + 30 * DAY),
    )

    advance(29 * DAY)
    expect(await resumes.purgeExpired()).toBe(0)
    expect((await resumes.restore(owner, kept.id)).deletedAt).toBeUndefined()

    advance(2 * DAY)
    expect(await codeOf(resumes.restore(owner, gone.id))).toBe('RESUME_NOT_FOUND')
    expect(await resumes.purgeExpired()).toBe(1)
    expect(events.at(-1)).toEqual({ name: 'RESUME_DELETED', resumeId: gone.id, userId: owner })
    expect((await resumes.get(owner, kept.id)).title).toBe('Kept')
    expect((await resumes.list(owner, { trashed: true, limit: 10 })).items).toEqual([])
  })

  it('deletes a trashed resume for good, refuses a live one, and empties the trash of its owner only', async () => {
    const { resumes, events } = setup()
    const live = await resumes.create(owner, { title: 'Live', content })
    const [a, b] = [await resumes.create(owner, { content }), await resumes.create(owner, { content })]
    const theirs = await resumes.create(randomUUID(), { content })
    await resumes.remove(owner, a.id)
    await resumes.remove(owner, b.id)
    await resumes.remove(theirs.ownerId, theirs.id)

    expect(await codeOf(resumes.deleteForever(owner, live.id))).toBe('RESUME_NOT_IN_TRASH')
    expect(await codeOf(resumes.deleteForever(owner, theirs.id))).toBe('RESUME_NOT_FOUND')
    expect(await codeOf(resumes.deleteForever(owner, 'not-a-uuid'))).toBe('RESUME_NOT_FOUND')
    await resumes.deleteForever(owner, a.id)
    expect(events.at(-1)).toEqual({ name: 'RESUME_DELETED', resumeId: a.id, userId: owner })
    expect(await codeOf(resumes.restore(owner, a.id))).toBe('RESUME_NOT_FOUND')
    expect(await codeOf(resumes.deleteForever(owner, a.id))).toBe('RESUME_NOT_FOUND')

    expect(await resumes.emptyTrash(owner)).toBe(1)
    expect(events.at(-1)).toEqual({ name: 'RESUME_DELETED', resumeId: b.id, userId: owner })
    expect(await resumes.emptyTrash(owner)).toBe(0)
    expect((await resumes.list(owner, { trashed: true, limit: 10 })).items).toEqual([])
    expect((await resumes.get(owner, live.id)).title).toBe('Live')
    expect((await resumes.list(theirs.ownerId, { trashed: true, limit: 10 })).items.map((r) => r.id)).toEqual([
      theirs.id,
    ])
  })

  it('restoring a live resume returns it unchanged', async () => {
    const { resumes } = setup()
    const resume = await resumes.create(owner, { content })
    expect(await resumes.restore(owner, resume.id)).toEqual(resume)
    expect(resume.title).toBe('Untitled resume')
  })

  it('saves an invalid draft, reports it, and refuses to commit it until fixed', async () => {
    const { resumes, drafts, events } = setup()
    const { id } = await resumes.create(owner, { content })
    expect(await codeOf(drafts.save(owner, id, undefined, {}))).toBe('PRECONDITION_REQUIRED')
    const bad = await drafts.save(owner, id, ['v1'], { basics: { name: 7 } })
    expect(bad).toMatchObject({ saved: true, valid: false, errors: [{ pointer: '/content/basics/name' }] })
    expect(await codeOf(drafts.commit(owner, id, undefined, undefined))).toBe('DRAFT_INVALID')
    const good = await drafts.save(owner, id, [bad.etag], content)
    expect(await codeOf(drafts.commit(owner, id, 'ok', [bad.etag]))).toBe('DRAFT_VERSION_CONFLICT')
    expect(await drafts.commit(owner, id, 'ok', [good.etag])).toMatchObject({ number: 2, message: 'ok' })
    expect(events.map((e) => e.name)).toEqual(['RESUME_UPDATED', 'DRAFT_SAVED', 'DRAFT_SAVED', 'DRAFT_COMMITTED'])
  })

  it('creates a resume with a draft in one write, or with neither when they do not fit together', async () => {
    const { resumes, drafts, events } = setup({ ...QUOTA_DEFAULTS, storageBytes: 100 })
    const imported = { basics: { name: 'Imported Person', summary: 'x'.repeat(40) } }
    const { id, hasDraft } = await resumes.create(owner, { title: 'Import', content: {}, draft: imported })
    expect(hasDraft).toBe(true)
    expect(await drafts.get(owner, id)).toMatchObject({ saved: true, content: imported, baseVersion: 1 })
    expect(events.map((e) => e.name)).toEqual(['RESUME_UPDATED', 'DRAFT_SAVED'])
    const refused = await resumes.create(owner, { content: {}, draft: imported }).catch((e: unknown) => e)
    expect(refused).toMatchObject({ code: 'QUOTA_EXCEEDED', extra: { quota: 'storageBytes', limit: 100 } })
    expect((await resumes.list(owner, { limit: 10 })).items.map((r) => r.id)).toEqual([id])
  })

  it('diffs two versions as a JSON Patch and restores a version as a new one', async () => {
    const { resumes, versions } = setup()
    const { id } = await resumes.create(owner, { content })
    await resumes.update(owner, id, { content: { basics: { ...content.basics, label: 'Engineer' } } })
    expect(await versions.diff(owner, id, 1)).toEqual({
      from: 1,
      to: 2,
      patch: [{ op: 'add', path: '/basics/label', value: 'Engineer' }],
    })
    expect(await versions.restore(owner, id, 1)).toMatchObject({ number: 3, restoredFrom: 1, content })
    expect(await codeOf(versions.get(owner, id, 4))).toBe('VERSION_NOT_FOUND')
    expect(await codeOf(versions.get(randomUUID(), id, 1))).toBe('RESUME_NOT_FOUND')
  })

  it('pages resumes with an opaque cursor and refuses a forged one', async () => {
    const { resumes, advance } = setup()
    for (let i = 0; i < 3; i += 1) {
      await resumes.create(owner, { title: `R${i}`, content })
      advance(1000)
    }
    const first = await resumes.list(owner, { limit: 2 })
    expect(first.items.map((r) => r.title)).toEqual(['R2', 'R1'])
    const second = await resumes.list(owner, { limit: 2, cursor: first.nextCursor as string })
    expect(second).toMatchObject({ items: [{ title: 'R0' }], nextCursor: undefined })
    const forged = Buffer.from(JSON.stringify({ c: 'yesterday', i: 'x' })).toString('base64url')
    expect(await codeOf(resumes.list(owner, { limit: 2, cursor: forged }))).toBe('VALIDATION_FAILED')
  })
})
