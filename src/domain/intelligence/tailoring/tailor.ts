import type { JobAnalysis } from '../analysis/analysis.types.js'
import { roleOfTitle } from '../analysis/posting-facts.js'
import { findSkills } from '../analysis/taxonomy.js'
import { asArray, asObject, asString } from '../ats/resume-fields.js'
import { skillPlace } from '../suggestions/skill-groups.js'
import { skillIdsIn } from './truthfulness.js'

export interface TailoringChange {
  readonly pointer: string
  readonly change: 'reordered' | 'added-skill' | 'summary'
  readonly detail: string
}

export interface TailoredResume {
  readonly content: Record<string, unknown>
  readonly changes: readonly TailoringChange[]
}

/**
 * A copy of the resume re-ordered and re-weighted for a posting: the most relevant highlights, skill groups and
 * keywords first; skills the experience already shows (but the skills section does not name) added to the skills;
 * the summary opened with one plain sentence naming the posting's role and at most two skills the experience shows. It never adds an employer, title, date, degree or a skill the resume
 * does not already show.
 */
export function tailorResume(resume: Record<string, unknown>, analysis: JobAnalysis): TailoredResume {
  const content = structuredClone(resume)
  const changes: TailoringChange[] = []
  const weight = new Map(analysis.keywords.filter((k) => k.skillId).map((k) => [k.skillId as string, k.weight]))
  const relevance = (text: string) => findSkills(text).reduce((sum, m) => sum + (weight.get(m.skill.id) ?? 0), 0)
  const byRelevance = <T>(items: T[], text: (item: T) => string): T[] =>
    items
      .map((item, i) => ({ item, i, score: relevance(text(item)) }))
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .map(({ item }) => item)

  // Highlights of each role, most relevant first.
  asArray(content.work).forEach((raw, i) => {
    const entry = asObject(raw)
    const highlights = asArray(entry.highlights)
    const sorted = byRelevance(highlights, (h) => (typeof h === 'string' ? h : ''))
    if (sorted.some((h, j) => h !== highlights[j])) {
      entry.highlights = sorted
      changes.push({ pointer: `/work/${i}/highlights`, change: 'reordered', detail: 'Most relevant highlights first.' })
    }
  })

  // Skills the experience shows but the skills section does not name.
  const skills = asArray(content.skills)
  const listed = new Set(
    skills
      .flatMap((g) => [asString(asObject(g).name) ?? '', ...asArray(asObject(g).keywords).map(String)])
      .flatMap((t) => findSkills(t).map((m) => m.skill.id)),
  )
  const shown = new Set<string>()
  for (const section of ['work', 'projects', 'volunteer'] as const) {
    for (const raw of asArray(resume[section])) {
      const entry = asObject(raw)
      const texts = [
        asString(entry.summary),
        asString(entry.description),
        ...asArray(entry.highlights).map((h) => asString(h)),
      ]
      for (const text of texts) if (text) for (const m of findSkills(text)) shown.add(m.skill.id)
    }
  }
  // Hard skills only: soft skills read better shown in bullets than listed.
  const toAdd = [...analysis.requiredSkills, ...analysis.preferredSkills].filter(
    (ask) => ask.kind === 'hard' && shown.has(ask.id) && !listed.has(ask.id),
  )
  // Each into the group that holds skills of its kind (or a new group named for its kind), never a group of another.
  for (const ask of toAdd) {
    const place = skillPlace(content, ask.name)
    const groups = asArray(content.skills)
    let pointer: string
    if (place.kind === 'new') {
      content.skills = [...groups, { name: place.name, keywords: [ask.name] }]
      pointer = `/skills/${groups.length}`
    } else {
      const group = asObject(groups[place.index])
      group.keywords = [...asArray(group.keywords), ask.name]
      pointer = `/skills/${place.index}/keywords`
    }
    changes.push({ pointer, change: 'added-skill', detail: `${ask.name}: shown in your experience.` })
  }

  // Skill groups and their keywords, most relevant first.
  const groups = asArray(content.skills)
  for (const raw of groups) {
    const group = asObject(raw)
    const keywords = asArray(group.keywords)
    group.keywords = byRelevance(keywords, (k) => String(k))
  }
  const sortedGroups = byRelevance(groups, (g) =>
    [asString(asObject(g).name) ?? '', ...asArray(asObject(g).keywords).map(String)].join(', '),
  )
  if (sortedGroups.some((g, i) => g !== groups[i])) {
    content.skills = sortedGroups
    changes.push({
      pointer: '/skills',
      change: 'reordered',
      detail: 'Skill groups most relevant to the posting first.',
    })
  }

  // Summary aimed at the posting's title, naming only skills the resume shows.
  const basics = asObject(content.basics)
  const summary = asString(basics.summary)
  // The title goes in only when every skill it names is already on the resume ("Account Executive" must not
  // read as a claim of accounting).
  const onResume = skillIdsIn(resume)
  const titleFits = analysis.title !== undefined && findSkills(analysis.title).every((m) => onResume.has(m.skill.id))
  if (analysis.title && titleFits) {
    // One plain sentence: the role and at most two skills the experience shows that the summary does not name yet.
    const inSummary = new Set(findSkills(summary ?? '').map((m) => m.skill.id))
    const top = [...analysis.requiredSkills, ...analysis.preferredSkills]
      .filter((ask) => ask.kind === 'hard' && shown.has(ask.id) && !inSummary.has(ask.id))
      .slice(0, MAX_SKILLS_PER_SENTENCE)
      .map((ask) => ask.name)
    // "Targeting" states an aim, not a claim: the person may not hold the posting's seniority yet.
    const lead = `Targeting the ${roleOfTitle(analysis.title)} role${top.length ? `, with hands-on experience in ${formatList(top)}` : ''}.`
    if (!summary?.startsWith('Targeting the ')) {
      basics.summary = summary ? `${lead} ${summary}` : lead
      content.basics = basics
      changes.push({ pointer: '/basics/summary', change: 'summary', detail: `Aimed at ${analysis.title}.` })
    }
  }
  return { content, changes }
}

// A sentence naming more skills than this reads as a keyword list.
export const MAX_SKILLS_PER_SENTENCE = 2

function formatList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
