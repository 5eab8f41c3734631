import type { ApplicationRepository } from '../../domain/applications/application.ports.js'
import {
  type Application,
  type ApplicationSort,
  compareSortPositions,
  sortKeyOf,
} from '../../domain/applications/application.types.js'
import { assertCountBelow } from '../../domain/usage/usage.types.js'

const positionOf = (application: Application, sort: ApplicationSort) => ({
  key: sortKeyOf(application, sort),
  id: application.id,
})

/** In-memory applications for unit tests; same contract as the Postgres repository. */
export function createMemoryApplicationRepository(): ApplicationRepository {
  const applications = new Map<string, Application>()
  const owned = (ownerId: string) => [...applications.values()].filter((a) => a.ownerId === ownerId)
  return {
    async create(application, limit) {
      assertCountBelow('applications', owned(application.ownerId).length, limit)
      applications.set(application.id, application)
      return application
    },
    async count(ownerId) {
      return owned(ownerId).length
    },
    async findById(ownerId, id) {
      const application = applications.get(id)
      return application?.ownerId === ownerId ? application : undefined
    },
    async list(ownerId, { statuses, q, deadlineBefore, sort, after, limit }) {
      return owned(ownerId)
        .filter((a) => !statuses?.length || statuses.includes(a.status))
        .filter((a) => !q || a.company.toLowerCase().includes(q) || a.title.toLowerCase().includes(q))
        .filter((a) => !deadlineBefore || (a.deadline !== undefined && a.deadline < deadlineBefore))
        .filter((a) => !after || compareSortPositions(sort, positionOf(a, sort), after) > 0)
        .sort((a, b) => compareSortPositions(sort, positionOf(a, sort), positionOf(b, sort)))
        .slice(0, limit)
    },
    async update(next, expectedRevision) {
      const current = applications.get(next.id)
      if (current?.ownerId !== next.ownerId || current.revision !== expectedRevision) return undefined
      applications.set(next.id, next)
      return next
    },
    async delete(ownerId, id) {
      const application = applications.get(id)
      return application?.ownerId === ownerId && applications.delete(id)
    },
  }
}
