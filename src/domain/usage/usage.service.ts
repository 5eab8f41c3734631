import type { JobRepository } from '../jobs/job.ports.js'
import type { ResumeRepository } from '../resumes/resume.ports.js'
import type { Quotas, Usage } from './usage.types.js'

export interface UsageServiceDeps {
  resumes: Pick<ResumeRepository, 'usage'>
  jobs: Pick<JobRepository, 'count'>
  quotas: Quotas
}

/** How much of each quota a user uses (GET /api/me/usage). */
export function createUsageService({ resumes, jobs, quotas }: UsageServiceDeps) {
  return {
    async get(ownerId: string): Promise<Usage> {
      const [stored, jobCount] = await Promise.all([resumes.usage(ownerId), jobs.count(ownerId)])
      return {
        storageBytes: { used: stored.storageBytes, limit: quotas.storageBytes },
        resumes: { used: stored.resumes, limit: quotas.resumes },
        versionsPerResume: { used: stored.mostVersionsPerResume, limit: quotas.versionsPerResume },
        jobs: { used: jobCount, limit: quotas.jobs },
      }
    },
  }
}

export type UsageService = ReturnType<typeof createUsageService>
