import type { ApiKeyRepository } from '../api-keys/api-key.ports.js'
import type { ApplicationRepository } from '../applications/application.ports.js'
import type { ApplicationCursor } from '../applications/application.types.js'
import { DomainError } from '../errors.js'
import type { JobRepository } from '../jobs/job.ports.js'
import { JOB_LIST_MAX_LIMIT, type Job } from '../jobs/job.types.js'
import type { Clock } from '../ports.js'
import type { Resume, ResumeContent } from '../resumes/resume.types.js'
import type { UserRepository } from './account.ports.js'
import type { User, UserSettings } from './account.types.js'
import type { AccountDataReader, ArchiveFile, ArchiveWriter } from './data-export.ports.js'
import { DATA_EXPORT_README } from './data-export.readme.js'

export interface DataExportDeps {
  users: Pick<UserRepository, 'findById'>
  /** The user's settings as the API shows them (defaults filled in). */
  settingsOf: (userId: string) => Promise<UserSettings>
  data: AccountDataReader
  jobs: Pick<JobRepository, 'list'>
  applications: Pick<ApplicationRepository, 'list'>
  apiKeys: Pick<ApiKeyRepository, 'listForUser'>
  archive: ArchiveWriter
  clock: Clock
}

/** Resumes and versions read per query: an export holds at most one page of them in memory. */
const RESUME_PAGE = 50
const VERSION_PAGE = 20
const APPLICATION_PAGE = 100

export interface DataExport {
  /** `roleready-export-YYYY-MM-DD.zip`, dated in UTC. */
  readonly fileName: string
  /** The ZIP archive, read from storage as it is consumed. */
  readonly body: AsyncIterable<Uint8Array>
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

/** The user as exported: everything but the password hash (which the User type never carries). */
function accountFile(user: User) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    tier: user.tier,
    role: user.role,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  }
}

function resumeFile(resume: Resume) {
  return {
    id: resume.id,
    title: resume.title,
    templateId: resume.templateId,
    design: resume.design,
    tags: resume.tags,
    headVersion: resume.headVersion,
    tailoredFrom: resume.tailoredFrom ?? null,
    createdAt: resume.createdAt,
    updatedAt: resume.updatedAt,
    deletedAt: resume.deletedAt ?? null,
  }
}

const jobFile = (job: Job) => ({
  id: job.id,
  title: job.title ?? null,
  company: job.company ?? null,
  url: job.url ?? null,
  description: job.description,
  createdAt: job.createdAt,
})

/**
 * A user's own data as one ZIP archive (README.txt says what each file holds). The files are read from storage
 * while the archive is written, a page at a time, so the work and memory of an export are bounded by what the
 * user's quotas let them store, and a slow download slows the reading instead of filling memory.
 */
export function createDataExportService(deps: DataExportDeps) {
  const { data } = deps

  async function* resumeFiles(ownerId: string, resume: Resume): AsyncGenerator<ArchiveFile> {
    const dir = `resumes/${resume.id}`
    yield { path: `${dir}/resume.json`, content: json(resumeFile(resume)) }
    let head: ResumeContent | undefined
    for (let after = 0; ; ) {
      const versions = await data.listVersions(ownerId, resume.id, after, VERSION_PAGE)
      for (const version of versions) {
        const file = {
          number: version.number,
          message: version.message,
          restoredFrom: version.restoredFrom ?? null,
          createdAt: version.createdAt,
          content: version.content,
        }
        yield { path: `${dir}/versions/${version.number}.json`, content: json(file) }
        if (version.number === resume.headVersion) head = version.content
      }
      if (versions.length < VERSION_PAGE) break
      after = versions[versions.length - 1]?.number ?? after
    }
    const draft = await data.findDraft(ownerId, resume.id)
    if (draft) {
      const file = {
        baseVersion: draft.baseVersion,
        etag: draft.etag,
        updatedAt: draft.updatedAt,
        content: draft.content,
      }
      yield { path: `${dir}/draft.json`, content: json(file) }
    }
    // What the editor shows and a JSON export downloads: the draft when there is one, else the head version.
    const current = draft?.content ?? head
    if (current) yield { path: `${dir}/json-resume.json`, content: json(current) }
  }

  async function* jobsFile(ownerId: string): AsyncGenerator<string> {
    yield '['
    let after: { createdAt: Date; id: string } | undefined
    let first = true
    for (;;) {
      const page = await deps.jobs.list(ownerId, { after, limit: JOB_LIST_MAX_LIMIT })
      for (const job of page) {
        yield `${first ? '\n' : ',\n'}${JSON.stringify(jobFile(job))}`
        first = false
      }
      const last = page[page.length - 1]
      if (page.length < JOB_LIST_MAX_LIMIT || !last) break
      after = { createdAt: last.createdAt, id: last.id }
    }
    yield first ? ']\n' : '\n]\n'
  }

  /** Every application, most recently updated first, as stored (history, contacts, notes and all). */
  async function* applicationsFile(ownerId: string): AsyncGenerator<string> {
    yield '['
    let after: ApplicationCursor | undefined
    let first = true
    for (;;) {
      const page = await deps.applications.list(ownerId, { sort: 'updated', after, limit: APPLICATION_PAGE })
      for (const { ownerId: _owner, ...application } of page) {
        yield `${first ? '\n' : ',\n'}${JSON.stringify(application)}`
        first = false
      }
      const last = page[page.length - 1]
      if (page.length < APPLICATION_PAGE || !last) break
      after = { sort: 'updated', key: last.updatedAt, id: last.id }
    }
    yield first ? ']\n' : '\n]\n'
  }

  async function* files(user: User): AsyncGenerator<ArchiveFile> {
    yield { path: 'README.txt', content: DATA_EXPORT_README }
    yield { path: 'account.json', content: json(accountFile(user)) }
    yield { path: 'settings.json', content: json(await deps.settingsOf(user.id)) }
    const keys = await deps.apiKeys.listForUser(user.id)
    yield {
      path: 'api-keys.json',
      // Names, scopes and dates only: neither the secret nor its hash, nor the hint of it.
      content: json(
        keys.map((key) => ({
          id: key.id,
          name: key.name,
          scopes: key.scopes,
          createdAt: key.createdAt,
          expiresAt: key.expiresAt ?? null,
          lastUsedAt: key.lastUsedAt ?? null,
        })),
      ),
    }
    yield { path: 'jobs.json', content: jobsFile(user.id) }
    yield { path: 'applications.json', content: applicationsFile(user.id) }
    let after: { createdAt: Date; id: string } | undefined
    for (;;) {
      const page = await data.listResumes(user.id, after, RESUME_PAGE)
      for (const resume of page) yield* resumeFiles(user.id, resume)
      const last = page[page.length - 1]
      if (page.length < RESUME_PAGE || !last) break
      after = { createdAt: last.createdAt, id: last.id }
    }
  }

  return {
    /** The signed-in user's data export; USER_NOT_FOUND when the user is gone. */
    async export(userId: string): Promise<DataExport> {
      const user = await deps.users.findById(userId)
      if (!user) throw new DomainError('USER_NOT_FOUND', 'The user does not exist.')
      const now = deps.clock.now()
      return {
        fileName: `roleready-export-${now.toISOString().slice(0, 10)}.zip`,
        body: deps.archive.zip(files(user), now),
      }
    },
  }
}

export type DataExportService = ReturnType<typeof createDataExportService>
