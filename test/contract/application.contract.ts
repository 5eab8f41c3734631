import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { ApplicationRepository } from '../../src/domain/applications/application.ports.js'
import {
  type Application,
  type ApplicationSort,
  compareSortPositions,
  sortKeyOf,
} from '../../src/domain/applications/application.types.js'
import { DomainError } from '../../src/domain/errors.js'

export interface ApplicationStores {
  applications: ApplicationRepository
  /** A user id that may own applications (a stored user where the adapter needs one). */
  newOwner(): Promise<string>
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute))

function anApplication(ownerId: string, overrides: Partial<Application> = {}): Application {
  return {
    id: randomUUID(),
    ownerId,
    jobId: undefined,
    url: 'https://jobs.example.com/1',
    company: 'Acme',
    title: 'Backend Engineer',
    resumeId: undefined,
    resumeVersion: undefined,
    status: 'applied',
    history: [
      { from: undefined, to: 'saved', at: at(0), note: undefined },
      { from: 'saved', to: 'applied', at: at(1), note: 'Sent' },
    ],
    appliedAt: at(1),
    deadline: new Date('2027-01-31T23:59:59.000Z'),
    nextStep: { at: new Date('2027-01-10T09:00:00.000Z'), note: 'Call' },
    contacts: [
      { name: 'Grace', role: 'Recruiter', email: 'g@example.com', phone: undefined, notes: undefined },
      { name: 'Alan', role: undefined, email: undefined, phone: '+1 555', notes: 'Met at a meetup' },
    ],
    notes: 'Notes',
    salary: { min: 1000, max: 2000.5, currency: 'EUR', period: 'month' },
    location: 'Berlin',
    remote: 'hybrid',
    revision: 1,
    createdAt: at(1),
    updatedAt: at(1),
    ...overrides,
  }
}

const bare = (ownerId: string, overrides: Partial<Application> = {}) =>
  anApplication(ownerId, {
    url: undefined,
    history: [{ from: undefined, to: 'saved', at: at(0), note: undefined }],
    status: 'saved',
    appliedAt: undefined,
    deadline: undefined,
    nextStep: undefined,
    contacts: [],
    notes: undefined,
    salary: undefined,
    location: undefined,
    remote: undefined,
    ...overrides,
  })

/** One contract for every application storage adapter: memory fake, PGlite, Postgres. */
export function applicationStoreContract(name: string, open: () => Promise<ApplicationStores>): void {
  describe(`application storage contract: ${name}`, () => {
    it('stores an application with every field and finds it for its owner only', async () => {
      const { applications, newOwner } = await open()
      const [owner, other] = [await newOwner(), await newOwner()]
      const full = anApplication(owner)
      expect(await applications.create(full, 10)).toEqual(full)
      expect(await applications.findById(owner, full.id)).toEqual(full)
      expect(await applications.findById(other, full.id)).toBeUndefined()
      expect(await applications.findById(owner, randomUUID())).toBeUndefined()
      const empty = bare(owner)
      await applications.create(empty, 10)
      expect(await applications.findById(owner, empty.id)).toEqual(empty)
    })

    it('updates only at the expected revision and only for the owner', async () => {
      const { applications, newOwner } = await open()
      const [owner, other] = [await newOwner(), await newOwner()]
      const application = anApplication(owner)
      await applications.create(application, 10)
      const next = bare(owner, { id: application.id, title: 'Staff Engineer', revision: 2, updatedAt: at(5) })
      expect(await applications.update({ ...next, ownerId: other }, 1)).toBeUndefined()
      expect(await applications.update(next, 7)).toBeUndefined()
      expect(await applications.findById(owner, application.id)).toEqual(application)
      expect(await applications.update(next, 1)).toEqual(next)
      expect(await applications.findById(owner, application.id)).toEqual(next)
      expect(await applications.update({ ...next, revision: 3 }, 1)).toBeUndefined()
    })

    it('filters by status, text and deadline, sorts each way and pages by keyset', async () => {
      const { applications, newOwner } = await open()
      const [owner, other] = [await newOwner(), await newOwner()]
      const day = (d: number) => new Date(Date.UTC(2027, 0, d))
      const made = [
        bare(owner, { company: 'Zeta', title: 'Platform', status: 'offer', updatedAt: at(3) }),
        bare(owner, {
          company: 'alpha',
          title: 'Data Engineer',
          status: 'applied',
          deadline: day(9),
          updatedAt: at(3),
        }),
        bare(owner, { company: 'Beta', title: 'Designer', deadline: day(2), updatedAt: at(1) }),
        bare(owner, { company: 'Émile', title: 'ENGINEER', status: 'interviewing', updatedAt: at(2) }),
        bare(owner, { company: 'beta', title: 'Engineer II', status: 'applied', deadline: day(2), updatedAt: at(4) }),
      ]
      for (const application of made) await applications.create(application, 10)
      await applications.create(bare(other, { company: 'Acme', title: 'Engineer' }), 10)
      const list = async (query: Partial<Parameters<ApplicationRepository['list']>[1]>) =>
        (await applications.list(owner, { sort: 'updated', limit: 50, ...query })).map((a) =>
          made.indexOf(made.find((m) => m.id === a.id) as Application),
        )

      expect(await list({})).toEqual([4, 0, 1, 3, 2].sort((a, b) => compare('updated', made[a], made[b])))
      expect((await list({ statuses: ['applied', 'offer'] })).sort()).toEqual([0, 1, 4])
      expect((await list({ q: 'engineer' })).sort()).toEqual([1, 3, 4])
      expect((await list({ q: 'beta' })).sort()).toEqual([2, 4])
      expect((await list({ q: 'émile' })).sort()).toEqual([3])
      expect((await list({ deadlineBefore: day(5) })).sort()).toEqual([2, 4])
      expect(await list({ statuses: [], q: 'data', deadlineBefore: day(10) })).toEqual([1])

      for (const sort of ['updated', 'deadline', 'company', 'status'] as const) {
        const expected = [0, 1, 2, 3, 4].sort((a, b) => compare(sort, made[a], made[b]))
        expect(await list({ sort }), sort).toEqual(expected)
        const pages: number[] = []
        let after: Parameters<ApplicationRepository['list']>[1]['after']
        for (;;) {
          const page = await applications.list(owner, { sort, after, limit: 2 })
          pages.push(...page.map((a) => made.findIndex((m) => m.id === a.id)))
          const last = page.at(-1)
          if (page.length < 2 || !last) break
          after = { sort, key: sortKeyOf(last, sort), id: last.id }
        }
        expect(pages, `${sort} pages`).toEqual(expected)
      }
    })

    it('counts the owner’s applications and refuses one past the limit, storing nothing', async () => {
      const { applications, newOwner } = await open()
      const [owner, other] = [await newOwner(), await newOwner()]
      expect(await applications.count(owner)).toBe(0)
      const first = bare(owner)
      await applications.create(first, 2)
      await applications.create(bare(owner), 2)
      await applications.create(bare(other), 2)
      const refused = bare(owner)
      const error = await applications.create(refused, 2).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DomainError)
      expect(error).toMatchObject({ code: 'QUOTA_EXCEEDED', extra: { quota: 'applications', limit: 2, used: 2 } })
      expect(await applications.findById(owner, refused.id)).toBeUndefined()
      expect([await applications.count(owner), await applications.count(other)]).toEqual([2, 1])
      expect(await applications.delete(owner, first.id)).toBe(true)
      expect(await applications.create(refused, 2)).toEqual(refused)
    })

    it("deletes only the owner's application and reports whether it did", async () => {
      const { applications, newOwner } = await open()
      const [owner, other] = [await newOwner(), await newOwner()]
      const application = anApplication(owner)
      await applications.create(application, 10)
      expect(await applications.delete(other, application.id)).toBe(false)
      expect(await applications.findById(owner, application.id)).toEqual(application)
      expect(await applications.delete(owner, application.id)).toBe(true)
      expect(await applications.delete(owner, application.id)).toBe(false)
      expect(await applications.findById(owner, application.id)).toBeUndefined()
    })
  })
}

function compare(sort: ApplicationSort, a: Application | undefined, b: Application | undefined): number {
  if (!a || !b) throw new Error('missing fixture')
  return compareSortPositions(sort, { key: sortKeyOf(a, sort), id: a.id }, { key: sortKeyOf(b, sort), id: b.id })
}
