import type { JobRepository } from '../../domain/jobs/job.ports.js'
import type { Job } from '../../domain/jobs/job.types.js'

/** Newest first, ties by id descending: the order every adapter lists in. */
function byNewest(a: Job, b: Job): number {
  const at = b.createdAt.getTime() - a.createdAt.getTime()
  return at !== 0 ? at : a.id < b.id ? 1 : a.id > b.id ? -1 : 0
}

/** In-memory job postings for unit tests; same contract as the Postgres repository. */
export function createMemoryJobRepository(): JobRepository {
  const jobs = new Map<string, Job>()
  return {
    async create(job) {
      jobs.set(job.id, job)
      return job
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
      return jobs.delete(id)
    },
  }
}
