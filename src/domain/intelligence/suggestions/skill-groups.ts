/**
 * Where a skill belongs in a resume's skills section: the group that already holds skills of its kind ("GitHub
 * Actions" beside "Docker" under "DevOps", never under "Languages"), a catch-all group, or a new, well-named one.
 */
import { lookupSkill } from '../analysis/taxonomy.js'
import { tokenize } from '../analysis/text.js'
import { asArray, asObject, asString } from '../ats/resume-fields.js'

export type SkillPlace =
  | { readonly kind: 'group'; readonly index: number }
  | { readonly kind: 'new'; readonly name: string }

// Group names that take any skill.
const CATCH_ALL =
  /^(skills|key skills|core skills|technical skills|other|other skills|tools|technologies|competencies|core competencies|expertise|skills and tools|tools and technologies)$/i
// Words of category names that say nothing about what a group holds.
const PLAIN = new Set(['and', 'or', 'of', 'the', 'softwar', 'skill', 'other', 'tool', 'system'])
// Categories too broad or too odd to name a group.
const UNNAMEABLE = /software|^(knowledge|skills|digital|technology)$/i

const words = (text: string) =>
  new Set(
    tokenize(text)
      .map((t) => t.fold)
      .filter((w) => !PLAIN.has(w)),
  )

/** The group of `resume.skills` that should hold the skill named `name`, or the name of a new group for it. */
export function skillPlace(resume: Record<string, unknown>, name: string): SkillPlace {
  const skill = lookupSkill(name)
  const groups = asArray(resume.skills).map((raw) => asObject(raw))
  let best: { index: number; score: number } | undefined
  if (skill) {
    const categoryWords = words(skill.category)
    groups.forEach((group, index) => {
      const sameCategory = asArray(group.keywords).filter(
        (k) => typeof k === 'string' && lookupSkill(k)?.category === skill.category,
      ).length
      const named = [...words(asString(group.name) ?? '')].some((w) => categoryWords.has(w)) ? 2 : 0
      const score = sameCategory + named
      if (score > 0 && (!best || score > best.score)) best = { index, score }
    })
  }
  if (best) return { kind: 'group', index: best.index }
  const catchAll = groups.findIndex((group) => CATCH_ALL.test((asString(group.name) ?? '').trim()))
  if (catchAll >= 0) return { kind: 'group', index: catchAll }
  if (groups.length === 0) return { kind: 'new', name: 'Skills' }
  const taken = new Set(groups.map((g) => (asString(g.name) ?? '').toLowerCase()))
  const wanted = skill && !UNNAMEABLE.test(skill.category) ? skill.category : 'Other skills'
  return { kind: 'new', name: taken.has(wanted.toLowerCase()) ? `${wanted} (more)` : wanted }
}
