import { type Static, Type } from '@sinclair/typebox'
import type { JobAnalysis } from '../../domain/intelligence/analysis/analysis.types.js'
import { TAXONOMY_ATTRIBUTION } from '../../domain/intelligence/analysis/taxonomy.js'
import {
  JOB_COMPANY_MAX_LENGTH,
  JOB_DESCRIPTION_MAX_LENGTH,
  JOB_LIST_MAX_LIMIT,
  JOB_TITLE_MAX_LENGTH,
  JOB_URL_MAX_LENGTH,
  type Job,
} from '../../domain/jobs/job.types.js'
import { type Equals, Literals, type Wire } from './wire.js'

export const JobIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })

export const CreateJobBody = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: JOB_TITLE_MAX_LENGTH })),
    company: Type.Optional(Type.String({ maxLength: JOB_COMPANY_MAX_LENGTH })),
    url: Type.Optional(Type.String({ format: 'uri', maxLength: JOB_URL_MAX_LENGTH, pattern: '^https?://' })),
    description: Type.String({ minLength: 1, maxLength: JOB_DESCRIPTION_MAX_LENGTH, pattern: '\\S' }),
  },
  { additionalProperties: false },
)

export const ListJobsQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: JOB_LIST_MAX_LIMIT })),
  },
  { additionalProperties: false },
)

export const Job_ = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    title: Type.Optional(Type.String()),
    company: Type.Optional(Type.String()),
    url: Type.Optional(Type.String()),
    description: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Job', additionalProperties: false },
)

export const JobList = Type.Object(
  { items: Type.Array(Type.Ref('Job')), nextCursor: Type.Optional(Type.String()) },
  { additionalProperties: false },
)

// Every field of a job but its owner is sent.
true satisfies Equals<Wire<Omit<Job, 'ownerId'>>, Static<typeof Job_>>

export function toJobResponse(job: Job): Static<typeof Job_> {
  return {
    id: job.id,
    ...(job.title !== undefined && { title: job.title }),
    ...(job.company !== undefined && { company: job.company }),
    ...(job.url !== undefined && { url: job.url }),
    description: job.description,
    createdAt: job.createdAt.toISOString(),
  }
}

const Importance = Literals(['required', 'preferred'])
const SkillKind = Literals(['hard', 'soft'])

const SkillAsk = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    kind: SkillKind,
    category: Type.String(),
    importance: Importance,
    mentions: Type.Integer(),
    asWritten: Type.String({ description: 'The words exactly as the posting wrote them (e.g. "k8s")' }),
    sentence: Type.String({ description: 'The posting sentence that asked for the skill' }),
    minYears: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Years of experience asked with this skill ("5+ years of React")' }),
    ),
  },
  { additionalProperties: false },
)

export const JobAnalysis_ = Type.Object(
  {
    algorithmVersion: Type.String(),
    title: Type.Optional(Type.String()),
    company: Type.Optional(Type.String()),
    type: Type.Optional(Type.String()),
    location: Type.Optional(Type.String()),
    remote: Type.Optional(Literals(['Full', 'Hybrid', 'None'])),
    salary: Type.Optional(Type.String()),
    experience: Type.Optional(Type.String()),
    responsibilities: Type.Array(Type.String()),
    qualifications: Type.Array(Type.String()),
    skills: Type.Array(
      Type.Object(
        { name: Type.String(), level: Type.String(), keywords: Type.Array(Type.String()) },
        { additionalProperties: false },
      ),
    ),
    requiredSkills: Type.Array(SkillAsk),
    preferredSkills: Type.Array(SkillAsk),
    hardSkills: Type.Array(Type.String()),
    softSkills: Type.Array(Type.String()),
    yearsOfExperience: Type.Optional(
      Type.Object(
        { min: Type.Number(), max: Type.Optional(Type.Number()), importance: Importance, sentence: Type.String() },
        { additionalProperties: false },
      ),
    ),
    seniority: Type.Optional(
      Type.Object(
        {
          level: Literals(['intern', 'junior', 'mid', 'senior', 'lead', 'principal', 'executive']),
          inferred: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
    ),
    education: Type.Optional(
      Type.Object(
        {
          level: Literals(['high-school', 'associate', 'bachelor', 'master', 'doctorate']),
          field: Type.Optional(Type.String()),
          importance: Importance,
          equivalentExperience: Type.Boolean(),
          sentence: Type.String(),
        },
        { additionalProperties: false },
      ),
    ),
    keywords: Type.Array(
      Type.Object(
        {
          term: Type.String(),
          skillId: Type.Optional(Type.String()),
          kind: Type.Union([SkillKind, Type.Literal('keyword')]),
          importance: Importance,
          weight: Type.Number({ minimum: 0, maximum: 1 }),
          sentence: Type.String(),
        },
        { additionalProperties: false },
      ),
    ),
    suspiciousText: Type.Array(
      Type.Object(
        { text: Type.String(), start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }) },
        { additionalProperties: false },
      ),
      {
        description:
          'Sentences of the posting that address a model or a screening program as instructions ([start, end) in the ' +
          'description): treated as data, so no skill, keyword or requirement is read from them',
      },
    ),
    attribution: Type.Array(Type.String(), { description: 'Notices for the ESCO and O*NET data behind the skills' }),
  },
  { $id: 'JobAnalysis', additionalProperties: false },
)

// The analysis is sent as the domain computes it, plus the data notices: a field added on either side fails here.
true satisfies Equals<Wire<JobAnalysis & { attribution: string[] }>, Static<typeof JobAnalysis_>>

export function toJobAnalysisResponse(analysis: JobAnalysis): Static<typeof JobAnalysis_> {
  return {
    ...analysis,
    responsibilities: [...analysis.responsibilities],
    qualifications: [...analysis.qualifications],
    skills: [...analysis.skills],
    requiredSkills: [...analysis.requiredSkills],
    preferredSkills: [...analysis.preferredSkills],
    hardSkills: [...analysis.hardSkills],
    softSkills: [...analysis.softSkills],
    keywords: [...analysis.keywords],
    suspiciousText: [...analysis.suspiciousText],
    attribution: [...TAXONOMY_ATTRIBUTION],
  }
}
