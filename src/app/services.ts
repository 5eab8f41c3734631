/**
 * Wires RoleReady's services from the opened infrastructure. Pure construction: nothing is opened, contacted or
 * scheduled here, so nothing built here needs closing.
 */

import { zipWriter } from '../adapters/archive/zip.writer.js'
import { apiKeySecrets } from '../adapters/crypto/api-key-secrets.js'
import { commonPasswords } from '../adapters/crypto/common-passwords.js'
import { createScryptHasher } from '../adapters/crypto/scrypt-hasher.js'
import { sessionTokens } from '../adapters/crypto/session-tokens.js'
import { htmlRenderer } from '../adapters/documents/html.renderer.js'
import { createOpenAiProvider } from '../adapters/llm/openai.provider.js'
import { createPostgresAccountDataReader } from '../adapters/postgres/account-data.reader.js'
import { createPostgresApiKeyRepository } from '../adapters/postgres/api-key.repository.js'
import { createPostgresApplicationRepository } from '../adapters/postgres/application.repository.js'
import { createPostgresIdempotencyStore } from '../adapters/postgres/idempotency.store.js'
import { createPostgresJobRepository } from '../adapters/postgres/job.repository.js'
import { createPostgresResumeRepository } from '../adapters/postgres/resume.repository.js'
import { createPostgresSessionStore } from '../adapters/postgres/session.store.js'
import { createPostgresUserRepository } from '../adapters/postgres/user.repository.js'
import { createRateLimitAdapters } from '../adapters/rate-limit/rate-limit.adapters.js'
import { createRedisSessionStore } from '../adapters/redis/session.store.js'
import { createLoginGuard } from '../adapters/security/login-guard.js'
import { randomIds } from '../adapters/system/system.js'
import type { Services } from '../app.js'
import type { Config } from '../config/config.js'
import type { UserDataHolder } from '../domain/accounts/account.ports.js'
import { createAccountService } from '../domain/accounts/account.service.js'
import { createCachedSessionStore } from '../domain/accounts/cached-session.store.js'
import { createDataExportService } from '../domain/accounts/data-export.service.js'
import { createApiKeyService } from '../domain/api-keys/api-key.service.js'
import { createApplicationService } from '../domain/applications/application.service.js'
import { createCacheService, withCachedReads } from '../domain/cache/cache.service.js'
import type { ExportRequest } from '../domain/documents/document.service.js'
import type { JsonResumeDocument } from '../domain/documents/document.types.js'
import { IMPORT_TASK, importTaskHandler } from '../domain/documents/import-task.js'
import { createResumeDocumentsService } from '../domain/documents/resume-documents.service.js'
import { createEventBus } from '../domain/events.js'
import { createIntelligenceService } from '../domain/intelligence/intelligence.service.js'
import { createJobService } from '../domain/jobs/job.service.js'
import { createRateLimitService } from '../domain/rate-limits/rate-limit.service.js'
import { createDraftService } from '../domain/resumes/draft.service.js'
import { createResumeService } from '../domain/resumes/resume.service.js'
import { createVersionService } from '../domain/resumes/version.service.js'
import { createTaskService } from '../domain/tasks/task.service.js'
import { createTemplateService } from '../domain/templates/template.service.js'
import { createUsageService } from '../domain/usage/usage.service.js'
import type { Infrastructure } from './infrastructure.js'

export function createServices(config: Config, infra: Infrastructure): Services {
  const { logger, metrics, observability, clock, database, redis, work } = infra
  const ids = randomIds
  const events = createEventBus((error, event) =>
    logger.error({ err: error, event: event.name }, 'domain event listener failed'),
  )

  const users = createPostgresUserRepository(database.db)
  const resumeRepository = createPostgresResumeRepository(database.db)
  const jobRepository = createPostgresJobRepository(database.db)
  const apiKeyRepository = createPostgresApiKeyRepository(database.db)
  const applicationRepository = createPostgresApplicationRepository(database.db)
  const quotas = { ...config.quotas, resumes: config.resumes.maxPerUser }
  /** The page size a user chose in their settings: new resumes take it, and exports of resumes that name none. */
  const pageSizeOf = async (userId: string) => (await users.findSettings(userId))?.pageSize
  const resumeDeps = {
    resumes: resumeRepository,
    jobs: jobRepository,
    clock,
    ids,
    events,
    limits: config.resumes,
    quotas,
    pageSizeOf,
  }

  const sessionStore = redis
    ? createRedisSessionStore(redis, clock, config.redisKeyPrefix)
    : createPostgresSessionStore(database.db, clock)
  const { sessionCache } = infra
  if (sessionCache) {
    // Profile, password, role and tier changes announce themselves as USER_UPDATED, a deleted account as
    // USER_DELETED: no copy of the user outlives either.
    events.on((event) =>
      event.name === 'USER_UPDATED' || event.name === 'USER_DELETED' ? sessionCache.dropUser(event.userId) : undefined,
    )
  }
  // What keeps a user's data outside the database rows, each told to forget a deleted account.
  const holders: UserDataHolder[] = [
    { name: 'tasks', forgetUser: (user) => infra.taskQueue.removeAllForOwner(user.id) },
    { name: 'rate limits', forgetUser: (user) => rateLimits.forgetUser(user.id, user.apiKeyIds) },
  ]
  const { cache: cachePort } = infra
  if (cachePort) holders.push({ name: 'cache', forgetUser: (user) => cachePort.forgetOwner(user.id) })
  const uncached = {
    accounts: createAccountService({
      users,
      sessions: sessionCache
        ? createCachedSessionStore({
            store: sessionStore,
            users,
            cache: sessionCache,
            clock,
            sessionIdleSeconds: config.auth.sessionIdleSeconds,
          })
        : sessionStore,
      hasher: createScryptHasher(config.auth.passwordHashCost),
      tokens: sessionTokens,
      passwords: commonPasswords,
      guard: createLoginGuard({
        accountFailures: config.auth.loginFailuresPerAccount,
        accountBlockSeconds: config.auth.loginBlockSeconds,
        ipFailuresPerDay: config.auth.loginFailuresPerIpPerDay,
        registrationsPerHour: config.auth.registrationsPerIpPerHour,
        slowdownMs: config.auth.loginSlowdownMs,
        keyPrefix: config.redisKeyPrefix,
        ...(redis && { redis }),
      }),
      clock,
      ids,
      events,
      sessionTtlSeconds: config.auth.sessionTtlSeconds,
      sessionIdleSeconds: config.auth.sessionIdleSeconds,
      apiKeys: apiKeyRepository,
      holders,
      onForgetFailed: (error, holder) =>
        logger.warn({ err: error, holder }, 'a deleted account was not forgotten everywhere; its data there expires'),
    }),
    resumes: createResumeService(resumeDeps),
    drafts: createDraftService(resumeDeps),
    jobs: createJobService({ jobs: jobRepository, clock, ids, events, work, quotas }),
  }
  const cache = infra.cache && createCacheService({ cache: infra.cache })
  cache?.listen(events)
  const { resumes, drafts, accounts, jobs } = cache
    ? withCachedReads(cache, uncached, (error, reason) => logger.warn({ err: error, reason }, 'cache warming failed'))
    : uncached

  const versions = createVersionService({ ...resumeDeps, work })
  // Nothing is contacted here: the first AI request makes the first call.
  const llm = config.llm.enabled ? createOpenAiProvider(config.llm, { observability }) : undefined
  if (llm) logger.info({ model: llm.model, host: new URL(config.llm.baseUrl).host }, 'LLM drafts enabled')
  const intelligence = createIntelligenceService({ jobs, resumes, drafts, versions, clock, llm, cache, work })

  const templates = createTemplateService({ themes: infra.themes, html: htmlRenderer })
  const documents = {
    importFile: (bytes: Uint8Array) => work.run('importFile', bytes),
    exportResume: (content: JsonResumeDocument, request: ExportRequest) =>
      work.run('exportResume', { content, request }),
  }
  const resumeDocuments = createResumeDocumentsService({
    documents,
    templates,
    resumes,
    drafts,
    versions,
    limits: config.resumes,
    pageSizeOf,
  })
  const tasks = createTaskService({ queue: infra.taskQueue })
  tasks.register(IMPORT_TASK, importTaskHandler(resumeDocuments))

  const rateLimits = createRateLimitService({
    ...createRateLimitAdapters({ config, db: database.db, redis, logger, registry: metrics.registry }),
    users,
    settings: config.rateLimits,
    clock,
  })

  return {
    accounts,
    apiKeys: createApiKeyService({ keys: apiKeyRepository, users, secrets: apiKeySecrets, clock, ids }),
    resumes,
    drafts,
    versions,
    jobs,
    applications: createApplicationService({
      applications: applicationRepository,
      jobs: jobRepository,
      resumes: resumeRepository,
      clock,
      ids,
      quota: config.quotas.applications,
    }),
    intelligence,
    templates,
    documents,
    resumeDocuments,
    tasks,
    events,
    rateLimits,
    idempotency: createPostgresIdempotencyStore(database.db),
    dataExport: createDataExportService({
      users,
      settingsOf: (userId) => accounts.getSettings(userId),
      data: createPostgresAccountDataReader(database.db),
      jobs: jobRepository,
      applications: applicationRepository,
      apiKeys: apiKeyRepository,
      archive: zipWriter,
      clock,
    }),
    usage: createUsageService({
      resumes: resumeRepository,
      jobs: jobRepository,
      applications: applicationRepository,
      quotas,
    }),
    cache,
  }
}
