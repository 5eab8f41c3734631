import type { Importance } from '../analysis/analysis.types.js'

/** Version of the scoring rules; a report names it so old and new scores are never compared blindly. */
export const ATS_ALGORITHM_VERSION = 'ats/1'

export type Band = 'weak' | 'fair' | 'good' | 'strong'
export type RequirementStatus = 'met' | 'partial' | 'missing'
export type ComponentName = 'hardSkills' | 'softSkills' | 'jobTitle' | 'experienceYears' | 'education' | 'otherKeywords'
export type Severity = 'error' | 'warning' | 'info'

/** Where the resume shows something: a JSON Pointer into the resume and the exact text found there. */
export interface Evidence {
  readonly pointer: string
  readonly quote: string
}

export interface Requirement {
  /** Stable within a posting: `skill:kubernetes`, `experience:years`, `education:degree`, `title`. */
  readonly id: string
  readonly kind: 'skill' | 'experience' | 'education' | 'title'
  readonly label: string
  readonly importance: Importance
  readonly status: RequirementStatus
  readonly evidence: readonly Evidence[]
  /** Why the status is what it is, in one sentence. */
  readonly detail: string
  /** The posting sentence the requirement came from. */
  readonly source: string | undefined
}

export interface ComponentScore {
  readonly name: ComponentName
  /** 0–100. */
  readonly score: number
  /** Nominal share of the overall score. */
  readonly weight: number
  /** False when the posting asks nothing of this kind; its weight is then shared among the others. */
  readonly applicable: boolean
}

export interface ParseabilityIssue {
  readonly code: string
  readonly severity: Severity
  readonly pointer: string
  readonly message: string
}

export interface AtsReport {
  readonly algorithmVersion: string
  /** The month the experience years were counted up to (ongoing roles run until then). */
  readonly asOf: string
  readonly overall: number
  readonly band: Band
  readonly components: readonly ComponentScore[]
  readonly requirements: readonly Requirement[]
  readonly matchedKeywords: readonly string[]
  readonly missingKeywords: readonly string[]
  readonly parseability: { readonly score: number; readonly issues: readonly ParseabilityIssue[] }
}

export const COMPONENT_WEIGHTS: Readonly<Record<ComponentName, number>> = {
  hardSkills: 0.4,
  softSkills: 0.1,
  jobTitle: 0.1,
  experienceYears: 0.15,
  education: 0.1,
  otherKeywords: 0.15,
}
