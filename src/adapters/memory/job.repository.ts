import type { JobRepository } from '../../domain/jobs/job.ports.js'
import { type Job, jobBytes } from '../../domain/jobs/job.types.js'
import { assertCountBelow, assertStorageFits } from '../../domain/usage/usage.types.js'
import { MemoryStorageLedger } from './resume.repository.js'

/** Newest first, ties by id descending: the order every adapter lists in. */
function byNewest(a: Job, b: Job): number {
  const at = b.createdAt.getTime() - a.createdAt.getTime()
  return at !== 0 ? at : a.id < b.id ? 1 : a.id > b.id ? -1 : 0
}

/**
 * In-memory job postings for unit tests; same contract as the Postgres repository. Pass the ledger of the memory
 * resume repository so saved jobs and resumes share one storage quota.
 */
export function createMemoryJobRepository(ledger = new MemoryStorageLedger()): JobRepository {
  const jobs = new Map<string, Job>()
  const countOf = (ownerId: string) => [...jobs.values()].filter((job) => job.ownerId === ownerId).length
  return {
    async create(job, quotas) {
      assertCountBelow('jobs', countOf(job.ownerId), quotas.jobs)
      const bytes = jobBytes(job)
      assertStorageFits(ledger.bytes(job.ownerId), bytes, quotas.storageBytes)
      jobs.set(job.id, job)
      ledger.add(job.ownerId, bytes)
      return job
    },
    async count(ownerId) {
      return countOf(ownerId)
    },
    async findById(ownerId, id) {
      const job = jobs.get(id)
      return job?.ownerId === ownerId ? job : undefined
    },
    async list(ownerId, { after, limit }) {
      return [...jobs.values()]
        .filter((job) => job.ownerId === ownerId)
        .sort(byNewest)
        .filter((job) => !after || byNewest(job, { ...job, createdAt: after.createdAt, id: after.id }) > 0)
        .slice(0, limit)
    },
    async delete(ownerId, id) {
      const job = jobs.get(id)
      if (job?.ownerId !== ownerId) return false
      ledger.add(ownerId, -jobBytes(job))
      return jobs.delete(id)
    },
  }
}
