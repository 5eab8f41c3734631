import type { SkillKind } from './taxonomy.js'

/** Version of the job-analysis rules; cached analyses of another version are recomputed. */
export const ANALYSIS_VERSION = 'job-analysis/3'

export type Importance = 'required' | 'preferred'
export type Seniority = 'intern' | 'junior' | 'mid' | 'senior' | 'lead' | 'principal' | 'executive'
export type EducationLevel = 'high-school' | 'associate' | 'bachelor' | 'master' | 'doctorate'
export type RemoteMode = 'Full' | 'Hybrid' | 'None'

/** The posting text an analysis reads. */
export interface PostingInput {
  readonly title?: string | undefined
  readonly company?: string | undefined
  readonly description: string
}

/** A skill the posting asks for, normalised to the taxonomy. */
export interface SkillAsk {
  readonly id: string
  readonly name: string
  readonly kind: SkillKind
  readonly category: string
  readonly importance: Importance
  /** How often the posting names it (any alias). */
  readonly mentions: number
  /** The words as the posting wrote them the first time ("k8s"). */
  readonly asWritten: string
  /** The first sentence that asked for it at this importance. */
  readonly sentence: string
  /** The years of experience the posting asks for with this skill ("5+ years of React"), when it asks. */
  readonly minYears?: number
}

export interface Keyword {
  readonly term: string
  /** Taxonomy id when the keyword is a skill. */
  readonly skillId: string | undefined
  readonly kind: SkillKind | 'keyword'
  readonly importance: Importance
  /** Relative weight in (0, 1]: skills above plain keywords, required above preferred, repeated above once. */
  readonly weight: number
  readonly sentence: string
}

export interface YearsAsk {
  readonly min: number
  readonly max: number | undefined
  readonly importance: Importance
  readonly sentence: string
}

export interface EducationAsk {
  readonly level: EducationLevel
  readonly field: string | undefined
  readonly importance: Importance
  /** True when the posting accepts equivalent experience instead. */
  readonly equivalentExperience: boolean
  readonly sentence: string
}

/** A sentence of the posting that speaks to a model or a screening program as instructions: reported, never read. */
export interface SuspiciousText {
  readonly text: string
  /** Where it stands in the description, in UTF-16 code units: [start, end). */
  readonly start: number
  readonly end: number
}

/** The shape of the JSON Resume job schema, plus RoleReady's normalised requirements. */
export interface JobAnalysis {
  readonly algorithmVersion: string
  readonly title: string | undefined
  readonly company: string | undefined
  /** full-time, part-time, contract, internship or temporary. */
  readonly type: string | undefined
  readonly location: string | undefined
  readonly remote: RemoteMode | undefined
  readonly salary: string | undefined
  /** The seniority in words, as the job schema's `experience` (e.g. "Senior"). */
  readonly experience: string | undefined
  readonly responsibilities: readonly string[]
  readonly qualifications: readonly string[]
  /** Skills grouped by category, as the job schema's skills[{name, level, keywords}]. */
  readonly skills: readonly { name: string; level: string; keywords: string[] }[]
  readonly requiredSkills: readonly SkillAsk[]
  readonly preferredSkills: readonly SkillAsk[]
  readonly hardSkills: readonly string[]
  readonly softSkills: readonly string[]
  readonly yearsOfExperience: YearsAsk | undefined
  readonly seniority: { level: Seniority; inferred: boolean } | undefined
  readonly education: EducationAsk | undefined
  readonly keywords: readonly Keyword[]
  /** Instruction-like sentences found in the posting, treated as data: no skill, keyword or requirement comes from them. */
  readonly suspiciousText: readonly SuspiciousText[]
}
