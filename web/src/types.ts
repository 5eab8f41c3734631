/** Names for the API's shapes the page uses, all taken from the types generated from openapi.json. */

import type { components } from './api/schema.js'
import type { ResponseOf } from './api.js'

type Schemas = components['schemas']

export type User = Schemas['User']
export type Job = Schemas['Job']
export type JobAnalysis = Schemas['JobAnalysis']
export type SkillAsk = JobAnalysis['requiredSkills'][number]
export type AtsReport = Schemas['AtsReport']
export type Requirement = AtsReport['requirements'][number]
export type Evidence = Requirement['evidence'][number]
export type AiDraft = Schemas['AiDraft']
export type AiEdit = AiDraft['edits'][number]
export type AiSection = AiDraft['sections'][number]

export type ResumeSummary = ResponseOf<'/api/resumes', 'get'>['items'][number]
export type Draft = ResponseOf<'/api/resumes/{id}/draft', 'get'>
export type ResumeContent = Draft['content']
export type VersionSummary = ResponseOf<'/api/resumes/{id}/versions', 'get'>['items'][number]
export type Version = ResponseOf<'/api/resumes/{id}/versions/{number}', 'get'>
export type Diff = ResponseOf<'/api/resumes/{id}/diff', 'get'>
export type PatchOperation = Diff['patch'][number]
export type Suggestion = ResponseOf<'/api/resumes/{id}/suggestions', 'post'>['items'][number]
export type TailorResult = ResponseOf<'/api/resumes/{id}/tailor', 'post'>
export type Template = ResponseOf<'/api/templates', 'get'>['items'][number]
export type ImportReport = Extract<ResponseOf<'/api/resumes/import', 'post'>, { report: unknown }>['report']
export type Usage = ResponseOf<'/api/me/usage', 'get'>
export type ResumeDesign = Schemas['ResumeDesign']
export type SectionKey = NonNullable<ResumeDesign['sectionOrder']>[number]
export type FontFamily = NonNullable<ResumeDesign['fontFamily']>
