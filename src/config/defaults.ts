/**
 * The defaults of the settings behind the domain's limits and quotas, in the shapes the domain takes. The app passes
 * its configured values; these serve callers that take the defaults: tests, and a document service built without
 * input limits. Plain data read from the declaration (content.settings.ts): importing it reads no environment.
 */
import type { InputLimits } from '../domain/input-shape.js'
import type { ResumeLimits } from '../domain/resumes/resume.limits.js'
import type { Quotas } from '../domain/usage/usage.types.js'
import { CONTENT_SETTINGS as S } from './content.settings.js'

export const INPUT_LIMIT_DEFAULTS: InputLimits = {
  maxDepth: S.INPUT_MAX_DEPTH.default,
  maxStringLength: S.INPUT_MAX_STRING_LENGTH.default,
  maxArrayLength: S.INPUT_MAX_ARRAY_LENGTH.default,
}

export const RESUME_LIMIT_DEFAULTS: ResumeLimits = {
  maxContentBytes: S.RESUME_CONTENT_MAX_BYTES.default,
  trashRetentionDays: S.RESUME_TRASH_RETENTION_DAYS.default,
}

export const QUOTA_DEFAULTS: Quotas = {
  storageBytes: S.QUOTA_STORAGE_BYTES.default,
  resumes: S.RESUMES_PER_USER_MAX.default,
  versionsPerResume: S.QUOTA_VERSIONS_PER_RESUME.default,
  jobs: S.QUOTA_JOBS.default,
}
