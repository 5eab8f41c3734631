import { DomainError, type FieldError } from '../errors.js'
import { contentBytes, jsonResumeProblems } from './json-resume.js'
import type { ResumeContent } from './resume.types.js'

/** Limits of one resume's shape; how much one user may keep is in Quotas (src/domain/usage). */
export interface ResumeLimits {
  /** Largest resume or draft content, in UTF-8 bytes of its JSON text. */
  readonly maxContentBytes: number
  /** Days a trashed resume can still be restored before it is purged. */
  readonly trashRetentionDays: number
}

export const TITLE_MAX_LENGTH = 200
export const TAG_MAX_LENGTH = 40
export const TAGS_MAX = 20
export const MESSAGE_MAX_LENGTH = 500
export const JOB_ID_MAX_LENGTH = 200
export const TEMPLATE_ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,63}$'
export const DEFAULT_TEMPLATE_ID = 'classic'

/** Throws CONTENT_TOO_LARGE when the document is over the limit. */
export function assertContentSize(content: ResumeContent, limits: ResumeLimits, pointer: string): void {
  const bytes = contentBytes(content)
  if (bytes > limits.maxContentBytes) {
    throw new DomainError(
      'CONTENT_TOO_LARGE',
      `The resume content is ${bytes} bytes; the limit is ${limits.maxContentBytes} bytes.`,
      {
        errors: [{ pointer, message: `must be at most ${limits.maxContentBytes} bytes` }],
        extra: { limit: limits.maxContentBytes },
      },
    )
  }
}

/** Throws CONTENT_TOO_LARGE or VALIDATION_FAILED (one entry per bad path under `pointer`). */
export function assertValidContent(content: ResumeContent, limits: ResumeLimits, pointer: string): void {
  assertContentSize(content, limits, pointer)
  const problems: FieldError[] = jsonResumeProblems(content, pointer)
  if (problems.length > 0) {
    throw new DomainError('VALIDATION_FAILED', 'The content is not a valid JSON Resume 1.2.1 document; see `errors`.', {
      errors: problems,
    })
  }
}

/** Trims tags and drops empty and repeated ones, keeping the first spelling and the given order. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  const result: string[] = []
  for (const raw of tags) {
    const tag = raw.trim()
    const key = tag.toLowerCase()
    if (tag === '' || seen.has(key)) continue
    seen.add(key)
    result.push(tag)
  }
  return result
}
