/**
 * Composition root: opens the infrastructure, wires the services and starts the background timers. Fastify
 * receives the finished services. Whatever opens registers its close step as it opens (see app/closer.ts), so a
 * start that fails part way closes what it opened, and close() shuts everything in reverse order.
 */

import type { NodeOptions } from '@sentry/node'
import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { Database } from './adapters/postgres/database.js'
import { createCloser, openOrClose } from './app/closer.js'
import { openInfrastructure } from './app/infrastructure.js'
import { createServices } from './app/services.js'
import type { Config } from './config/config.js'
import type { AccountService } from './domain/accounts/account.service.js'
import type { DataExportService } from './domain/accounts/data-export.service.js'
import type { ApiKeyService } from './domain/api-keys/api-key.service.js'
import type { ApplicationService } from './domain/applications/application.service.js'
import type { CacheService } from './domain/cache/cache.service.js'
import type { DocumentService } from './domain/documents/document.service.js'
import type { ResumeDocumentsService } from './domain/documents/resume-documents.service.js'
import type { EventBus } from './domain/events.js'
import type { IdempotencyStore } from './domain/idempotency/idempotency.ports.js'
import type { IntelligenceService } from './domain/intelligence/intelligence.service.js'
import type { JobService } from './domain/jobs/job.service.js'
import type { Clock } from './domain/ports.js'
import type { RateLimitService } from './domain/rate-limits/rate-limit.service.js'
import type { DraftService } from './domain/resumes/draft.service.js'
import type { ResumeService } from './domain/resumes/resume.service.js'
import { startTrashPurge } from './domain/resumes/trash-purge.js'
import type { VersionService } from './domain/resumes/version.service.js'
import type { TaskService } from './domain/tasks/task.service.js'
import type { TemplateService } from './domain/templates/template.service.js'
import type { UsageService } from './domain/usage/usage.service.js'
import type { Health } from './observability/health.js'
import type { Metrics } from './observability/metrics.js'
import type { Observability } from './observability/observability.js'

export interface Services {
  readonly accounts: AccountService
  /** Personal API keys: created and revoked by their user, used by programs and the MCP server. */
  readonly apiKeys: ApiKeyService
  readonly resumes: ResumeService
  readonly drafts: DraftService
  readonly versions: VersionService
  readonly jobs: JobService
  /** The application tracker: jobs applied for, the resume sent, status history, contacts, CSV export. */
  readonly applications: ApplicationService
  /**
   * Analysis, ATS reports, suggestions, tailoring and rewrites: rewrites by the LLM when AI_BASE_URL or AI_API_KEY is
   * set, else (and on failure) by the deterministic engine.
   */
  readonly intelligence: IntelligenceService
  readonly templates: TemplateService
  /** Reads and draws documents in the heavy-work pool. */
  readonly documents: Pick<DocumentService, 'importFile' | 'exportResume'>
  readonly tasks: TaskService
  readonly resumeDocuments: ResumeDocumentsService
  readonly events: EventBus
  readonly rateLimits: RateLimitService
  /** Stored answers of create requests sent with Idempotency-Key. */
  readonly idempotency: IdempotencyStore
  /** How much of each storage quota a user uses. */
  readonly usage: UsageService
  /** A user's own data as one ZIP archive. */
  readonly dataExport: DataExportService
  /** Undefined when CACHE_ENABLED=false. */
  readonly cache: CacheService | undefined
}

export interface App {
  readonly config: Config
  readonly logger: Logger
  readonly database: Database
  readonly redis: Redis | undefined
  readonly services: Services
  /** Logger, metrics registry (features add their counters to it) and error tracking. */
  readonly observability: Observability
  readonly health: Health
  /**
   * Closes every connection the app opened and stops its timers, last opened first; safe to call twice. Every
   * step runs even when one fails; failures are logged and the promise then rejects with all of them.
   */
  close(): Promise<void>
}

export interface AppOptions {
  /** A logger to use instead of one built from config (tests pass a silent or capturing one). */
  logger?: Logger
  clock?: Clock
  /** An already opened database to use instead of opening one from config (the app closes it). */
  database?: Database
  /** A metrics registry to use instead of a new one. */
  metrics?: Metrics
  /** Replaces Sentry's network transport (offline tests capture envelopes with it). */
  sentryTransport?: NodeOptions['transport']
}

export async function buildApp(config: Config, options: AppOptions = {}): Promise<App> {
  let logger: Logger | undefined
  const closer = createCloser((error, step) => {
    if (logger) logger.error({ err: error, step }, 'closing failed')
    else process.stderr.write(`closing ${step} failed: ${error instanceof Error ? error.message : String(error)}\n`)
  })
  return openOrClose(closer, async () => {
    const infra = await openInfrastructure(config, options, closer)
    logger = infra.logger
    const services = createServices(config, infra)
    closer.defer(
      'trash purge',
      startTrashPurge({
        resumes: services.resumes,
        intervalMs: config.resumes.purgeIntervalMs,
        onPurged: (purged) => infra.logger.info({ purged }, 'purged expired resumes from the trash'),
        onError: (error) => infra.logger.warn({ err: error }, 'purging the resume trash failed'),
      }),
    )
    return {
      config,
      logger: infra.logger,
      database: infra.database,
      redis: infra.redis,
      observability: infra.observability,
      health: infra.health,
      services,
      close: () => closer.close(),
    }
  })
}
