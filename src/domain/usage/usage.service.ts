import type { ApplicationRepository } from '../applications/application.ports.js'
import type { JobRepository } from '../jobs/job.ports.js'
import type { ResumeRepository } from '../resumes/resume.ports.js'
import type { Quotas, Usage } from './usage.types.js'

export interface UsageServiceDeps {
  resumes: Pick<ResumeRepository, 'usage'>
  jobs: Pick<JobRepository, 'count'>
  applications: Pick<ApplicationRepository, 'count'>
  /** The quotas of resumes and jobs, and how many applications one user may track. */
  quotas: Quotas & { readonly applications: number }
}

/** How much of each quota a user uses (GET /api/me/usage). */
export function createUsageService({ resumes, jobs, applications, quotas }: UsageServiceDeps) {
  return {
    async get(ownerId: string): Promise<Usage> {
      const [stored, jobCount, applicationCount] = await Promise.all([
        resumes.usage(ownerId),
        jobs.count(ownerId),
        applications.count(ownerId),
      ])
      return {
        storageBytes: { used: stored.storageBytes, limit: quotas.storageBytes },
        resumes: { used: stored.resumes, limit: quotas.resumes },
        versionsPerResume: { used: stored.mostVersionsPerResume, limit: quotas.versionsPerResume },
        jobs: { used: jobCount, limit: quotas.jobs },
        applications: { used: applicationCount, limit: quotas.applications },
      }
    },
  }
}

export type UsageService = ReturnType<typeof createUsageService>
