import fastJsonPatch, { type Operation } from 'fast-json-patch'
import type { JobAnalysis } from '../analysis/analysis.types.js'
import type { AtsReport } from '../ats/ats.types.js'
import type { AtsOptions } from '../ats/ats-report.js'
import { atsReport, createRescorer } from '../ats/ats-report.js'
import { asArray, asObject } from '../ats/resume-fields.js'
import { skillPlace } from './skill-groups.js'

export interface Suggestion {
  readonly code: string
  /** JSON Pointer to the part of the resume the suggestion is about. */
  readonly pointer: string
  readonly message: string
  /** RFC 6902 patch that carries out the suggestion, when it can be done mechanically. */
  readonly patch: readonly Operation[] | undefined
  /** How the overall ATS score moves when the patch is applied (computed by re-scoring; 0 without a patch). */
  readonly scoreDelta: number
  /** True when the patch adds a claim only the user can confirm (a skill the resume does not show yet). */
  readonly needsConfirmation: boolean
}

/** Applies a JSON Patch to a copy of the document (the input is never changed). */
export function applyPatch(document: Record<string, unknown>, patch: readonly Operation[]): Record<string, unknown> {
  return fastJsonPatch.applyPatch(structuredClone(document), structuredClone([...patch]), true, false)
    .newDocument as Record<string, unknown>
}

/** A patch that adds `name` to the resume's skills: into the group that fits it (see `skillPlace`), or a new one. */
export function addSkillPatch(resume: Record<string, unknown>, name: string): Operation[] {
  const skills = asArray(resume.skills)
  if (resume.skills === undefined || (Array.isArray(resume.skills) && skills.length === 0))
    return [{ op: 'add', path: '/skills', value: [{ name: 'Skills', keywords: [name] }] }]
  const place = skillPlace(resume, name)
  if (place.kind === 'new') return [{ op: 'add', path: '/skills/-', value: { name: place.name, keywords: [name] } }]
  const group = asObject(skills[place.index])
  if (!Array.isArray(group.keywords)) return [{ op: 'add', path: `/skills/${place.index}/keywords`, value: [name] }]
  return [{ op: 'add', path: `/skills/${place.index}/keywords/-`, value: name }]
}

/**
 * The texts `addSkillPatch` adds to the resume (a group's name and the skill, or the skill alone), or undefined when
 * the skills section is not a list it can add to.
 */
function textsAddedBy(resume: Record<string, unknown>, name: string): string[] | undefined {
  if (resume.skills === undefined || (Array.isArray(resume.skills) && resume.skills.length === 0)) {
    return ['Skills', name]
  }
  if (!Array.isArray(resume.skills)) return undefined
  const place = skillPlace(resume, name)
  if (place.kind === 'new') return [place.name, name]
  const keywords = asObject(resume.skills[place.index]).keywords
  return keywords === undefined || Array.isArray(keywords) ? [name] : undefined
}

/**
 * Suggestions for a resume against a posting, each with its computed score impact, best first. Skills the resume
 * already shows in its experience are offered as plain additions; skills it does not show are offered only with
 * `needsConfirmation`, never applied by tailoring.
 */
export function suggest(resume: Record<string, unknown>, analysis: JobAnalysis, options: AtsOptions): Suggestion[] {
  const base = atsReport(resume, analysis, options)
  // Each skill's patch is scored without re-reading the resume: a report per patch made this quadratic.
  const rescore = createRescorer(resume, analysis, base, options)
  const scoreOf = (name: string, patch: readonly Operation[]) => {
    const added = textsAddedBy(resume, name)
    return added ? rescore(added) : atsReport(applyPatch(resume, patch), analysis, options).overall
  }
  const items: Suggestion[] = []

  for (const requirement of base.requirements) {
    if (requirement.kind === 'skill' && requirement.status !== 'met') {
      const patch = addSkillPatch(resume, requirement.label)
      const partial = requirement.status === 'partial'
      items.push({
        code: requirement.importance === 'required' ? 'ADD_REQUIRED_SKILL' : 'ADD_PREFERRED_SKILL',
        pointer: '/skills',
        message: `The posting asks for ${requirement.label}${partial ? ` (the resume shows related ${requirement.evidence[0]?.quote})` : ''}. If you have it, name it in a bullet that shows it in use and in your skills.`,
        patch,
        scoreDelta: scoreOf(requirement.label, patch) - base.overall,
        needsConfirmation: true,
      })
    }
    if (requirement.kind === 'skill' && requirement.status === 'met' && !shownInSkills(requirement.evidence)) {
      const patch = addSkillPatch(resume, requirement.label)
      items.push({
        code: 'LIST_SHOWN_SKILL',
        pointer: requirement.evidence[0]?.pointer ?? '/skills',
        message: `Your experience shows ${requirement.label} ("${requirement.evidence[0]?.quote}"); list it in your skills as the posting names it.`,
        patch,
        scoreDelta: scoreOf(requirement.label, patch) - base.overall,
        needsConfirmation: false,
      })
    }
    if (requirement.kind !== 'skill' && requirement.status !== 'met') items.push(gapItem(requirement))
  }
  for (const issue of base.parseability.issues) {
    items.push({
      code: issue.code,
      pointer: issue.pointer,
      message: issue.message,
      patch: undefined,
      scoreDelta: 0,
      needsConfirmation: false,
    })
  }
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => b.item.scoreDelta - a.item.scoreDelta || a.i - b.i)
    .map(({ item }) => item)
}

function shownInSkills(evidence: AtsReport['requirements'][number]['evidence']): boolean {
  return evidence.some((e) => e.pointer.startsWith('/skills/'))
}

function gapItem(requirement: AtsReport['requirements'][number]): Suggestion {
  const pointer =
    requirement.kind === 'title' ? '/basics/label' : requirement.kind === 'education' ? '/education' : '/work'
  return {
    code:
      requirement.kind === 'title'
        ? 'ALIGN_TITLE'
        : requirement.kind === 'education'
          ? 'EDUCATION_GAP'
          : 'EXPERIENCE_GAP',
    pointer,
    message: `${requirement.detail} ${requirement.kind === 'title' ? 'If a past role matches the posting, use its wording.' : 'Make sure every relevant role and qualification is listed with dates.'}`,
    patch: undefined,
    scoreDelta: 0,
    needsConfirmation: false,
  }
}
