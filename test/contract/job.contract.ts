import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../../src/domain/errors.js'
import type { JobRepository } from '../../src/domain/jobs/job.ports.js'
import type { Job } from '../../src/domain/jobs/job.types.js'
import type { Quotas } from '../../src/domain/usage/usage.types.js'

export interface JobStores {
  jobs: JobRepository
  /** A user id that may own jobs (a stored user where the adapter needs one). */
  newOwner(): Promise<string>
}

const roomy: Quotas = { storageBytes: 10 * 1024 * 1024, resumes: 10, versionsPerResume: 10, jobs: 100 }

function aJob(ownerId: string, overrides: Partial<Job> = {}): Job {
  return {
    id: randomUUID(),
    ownerId,
    title: 'Backend Engineer',
    company: 'Acme',
    url: 'https://jobs.example.com/1',
    description: 'We need TypeScript and Postgres.',
    createdAt: new Date('2026-11-20T10:00:00.000Z'),
    ...overrides,
  }
}

/** One contract for every job storage adapter: memory fake, PGlite, Postgres. */
export function jobStoreContract(name: string, open: () => Promise<JobStores>): void {
  describe(`job storage contract: ${name}`, () => {
    it('stores a job and finds it for its owner only', async () => {
      const { jobs, newOwner } = await open()
      const owner = await newOwner()
      const other = await newOwner()
      const job = aJob(owner)
      expect(await jobs.create(job, roomy)).toEqual(job)
      expect(await jobs.findById(owner, job.id)).toEqual(job)
      expect(await jobs.findById(other, job.id)).toBeUndefined()
      expect(await jobs.findById(owner, randomUUID())).toBeUndefined()
    })

    it('keeps absent optional fields absent', async () => {
      const { jobs, newOwner } = await open()
      const owner = await newOwner()
      const job = aJob(owner, { title: undefined, company: undefined, url: undefined })
      await jobs.create(job, roomy)
      expect(await jobs.findById(owner, job.id)).toEqual(job)
    })

    it('lists newest first with keyset paging and ties broken by id', async () => {
      const { jobs, newOwner } = await open()
      const owner = await newOwner()
      const other = await newOwner()
      const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute))
      const made = [
        aJob(owner, { createdAt: at(1) }),
        aJob(owner, { createdAt: at(3) }),
        aJob(owner, { createdAt: at(3) }),
        aJob(owner, { createdAt: at(2) }),
      ]
      for (const job of made) await jobs.create(job, roomy)
      await jobs.create(aJob(other, { createdAt: at(9) }), roomy)
      const expected = [...made]
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
        .map((j) => j.id)
      const first = await jobs.list(owner, { after: undefined, limit: 2 })
      expect(first.map((j) => j.id)).toEqual(expected.slice(0, 2))
      const last = first[1] as Job
      const second = await jobs.list(owner, { after: { createdAt: last.createdAt, id: last.id }, limit: 10 })
      expect(second.map((j) => j.id)).toEqual(expected.slice(2))
    })

    it('counts the owner’s jobs and refuses one past the jobs quota, storing nothing', async () => {
      const { jobs, newOwner } = await open()
      const [owner, other] = [await newOwner(), await newOwner()]
      const two = { ...roomy, jobs: 2 }
      expect(await jobs.count(owner)).toBe(0)
      await jobs.create(aJob(owner), two)
      const second = aJob(owner)
      await jobs.create(second, two)
      await jobs.create(aJob(other), two)
      const refused = aJob(owner)
      const error = await jobs.create(refused, two).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DomainError)
      expect(error).toMatchObject({ code: 'QUOTA_EXCEEDED', extra: { quota: 'jobs', limit: 2, used: 2 } })
      expect(await jobs.findById(owner, refused.id)).toBeUndefined()
      expect([await jobs.count(owner), await jobs.count(other)]).toEqual([2, 1])
      await jobs.delete(owner, second.id)
      expect(await jobs.create(refused, two)).toEqual(refused)
      expect(await jobs.count(owner)).toBe(2)
    })

    it("deletes only the owner's job and reports whether it did", async () => {
      const { jobs, newOwner } = await open()
      const owner = await newOwner()
      const other = await newOwner()
      const job = aJob(owner)
      await jobs.create(job, roomy)
      expect(await jobs.delete(other, job.id)).toBe(false)
      expect(await jobs.findById(owner, job.id)).toEqual(job)
      expect(await jobs.delete(owner, job.id)).toBe(true)
      expect(await jobs.delete(owner, job.id)).toBe(false)
      expect(await jobs.findById(owner, job.id)).toBeUndefined()
    })
  })
}
