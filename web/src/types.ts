/** Shapes of the API's answers the page uses (see openapi.json for the full contract). */

export interface User {
  id: string
  email: string
  displayName: string
}

export type ResumeContent = Record<string, unknown>

export interface ResumeSummary {
  id: string
  title: string
  templateId: string
  tags: string[]
  headVersion: number
  hasDraft: boolean
  tailoredFrom: { resumeId: string | null; version: number; jobId: string } | null
  createdAt: string
  updatedAt: string
  deletedAt: string | null
  purgeAt: string | null
}

export interface Page<T> {
  items: T[]
  nextCursor?: string | null
}

export interface Draft {
  resumeId: string
  content: ResumeContent
  etag: string
  saved: boolean
  baseVersion: number
  valid: boolean
  errors: { pointer: string; message: string }[]
  updatedAt: string
}

export interface VersionSummary {
  resumeId: string
  number: number
  message: string
  restoredFrom: number | null
  createdAt: string
}

export interface Version extends VersionSummary {
  content: ResumeContent
}

export interface PatchOperation {
  op: string
  path: string
  from?: string
  value?: unknown
}

export interface Diff {
  from: number
  to: number
  patch: PatchOperation[]
}

export interface Job {
  id: string
  title?: string
  company?: string
  description: string
  createdAt: string
}

export interface SkillAsk {
  id: string
  name: string
  importance: 'required' | 'preferred'
  asWritten: string
  sentence: string
}

export interface JobAnalysis {
  title?: string
  company?: string
  location?: string
  remote?: string
  requiredSkills: SkillAsk[]
  preferredSkills: SkillAsk[]
  yearsOfExperience?: { min: number; max?: number; importance: string; sentence: string }
  seniority?: { level: string; inferred: boolean }
  education?: { level: string; field?: string; importance: string }
}

export interface Evidence {
  pointer: string
  quote: string
}

export interface Requirement {
  id: string
  kind: string
  label: string
  importance: 'required' | 'preferred'
  status: 'met' | 'partial' | 'missing'
  evidence: Evidence[]
  detail: string
  source?: string
}

export interface AtsReport {
  overall: number
  band: 'weak' | 'fair' | 'good' | 'strong'
  components: { name: string; score: number; weight: number; applicable: boolean }[]
  requirements: Requirement[]
  matchedKeywords: string[]
  missingKeywords: string[]
  parseability: { score: number; issues: { severity: string; pointer: string; message: string }[] }
  source: { version?: number; draft: boolean; baseVersion: number }
}

export interface Suggestion {
  code: string
  pointer: string
  message: string
  patch?: PatchOperation[]
  scoreDelta: number
  needsConfirmation: boolean
}

export type AiSection = 'summary' | 'highlights' | 'skills'

export interface AiEdit {
  reason: string
  patch: PatchOperation[]
  scoreDelta: number
}

/** POST /api/resumes/:id/ai-draft: proposed rewrites of the draft, each checked against the resume. */
export interface AiDraft {
  engine: 'llm' | 'deterministic'
  model?: string
  fallbackReason?:
    | 'not-configured'
    | 'circuit-open'
    | 'timeout'
    | 'rate-limited'
    | 'server-error'
    | 'connection-failed'
    | 'invalid-output'
    | 'request-rejected'
  sections: AiSection[]
  draftEtag: string
  baseVersion: number
  edits: AiEdit[]
  patch: PatchOperation[]
  rejected: {
    op: string
    path: string
    value?: unknown
    reason: string
    rejection: { code: string; message: string }
  }[]
  score: { before: number; after: number }
}

export interface Template {
  id: string
  name: string
  description: string
  source: 'builtin' | 'theme'
  formats: string[]
}

export interface ImportReport {
  type: 'pdf' | 'docx' | 'json'
  sections: Record<string, number>
  recognised: string[]
  unrecognised: string[]
  warnings: string[]
}
