// The list sections of an imported resume (skills, languages, interests, references) and the splitting of
// `Lead: rest` lines and comma lists that entries use too. Text arrives cleaned (see resume-text-parser.ts), so
// the patterns name single spaces.
import type { Language, Skill } from './json-resume.js'

export const clean = (s: string) => s.replace(/\s+/g, ' ').trim()

/** `Lead: rest` → [lead, rest]; otherwise [text, undefined]. */
export function leadSplit(text: string): [string, string | undefined] {
  const m = /^([^:]{1,60}?) ?: (.+)$/.exec(text)
  return m ? [clean(m[1] as string), clean(m[2] as string)] : [text, undefined]
}

/** Splits a list on commas and semicolons, keeping commas inside parentheses. */
export function splitList(text: string): string[] {
  const items: string[] = []
  let depth = 0
  let currentItem = ''
  for (const ch of text) {
    if (ch === '(') depth += 1
    if (ch === ')') depth = Math.max(0, depth - 1)
    if ((ch === ',' || ch === ';') && depth === 0) {
      items.push(currentItem)
      currentItem = ''
    } else currentItem += ch
  }
  items.push(currentItem)
  return items.map(clean).filter(Boolean)
}

export function skillOf(text: string): Skill[] {
  const [lead, rest] = leadSplit(text)
  if (rest === undefined) {
    // Items set apart in the design ("Tableau · Looker", "SQL | Python") are a list as commas are.
    const items = splitList(text.split(/ [·|•] /).join(', '))
    return items.length > 1 ? [{ keywords: items }] : [{ name: text }]
  }
  const level = trailingNote(lead)
  const name = level ? clean(level.before) : lead
  return [{ name, ...(level && { level: clean(level.note) }), keywords: splitList(rest.split(/ [·|•] /).join(', ')) }]
}

export function languagesOf(text: string): Language[] {
  const [lead, rest] = leadSplit(text)
  if (rest !== undefined && !rest.includes(',')) return [{ language: lead, fluency: rest }]
  return splitList(text).map((item) => {
    // "Spanish (native)" or "Spanish - native", whichever separator comes first.
    const note = trailingNote(item)
    const dash = /[—–-]/.exec(item.slice(1, -1))
    const dashAt = dash ? dash.index + 1 : -1
    if (dashAt >= 0 && (!note || textBefore(item, dashAt) < note.before.length)) {
      return { language: clean(item.slice(0, textBefore(item, dashAt))), fluency: clean(item.slice(dashAt + 1)) }
    }
    return note ? { language: clean(note.before), fluency: clean(note.note) } : { language: item }
  })
}

/** Where the text before a separator at `at` ends: before one space, but never empty. */
function textBefore(text: string, at: number): number {
  return at > 1 && text[at - 1] === ' ' ? at - 1 : at
}

/**
 * "Python (expert)" → the text before the closing parenthesis and what it holds (no ")" inside, not empty), or
 * undefined: what `/^(.+?) ?\(([^)]+)\)$/` matches, found without trying every "(" against the rest of the text.
 */
function trailingNote(text: string): { before: string; note: string } | undefined {
  if (!text.endsWith(')')) return undefined
  // The note cannot hold a ")", so its "(" comes after the one before the last; the first such with text before it.
  const from = text.lastIndexOf(')', text.length - 2) + 1
  const open = text.indexOf('(', Math.max(from, 1))
  if (open < 0 || open > text.length - 3) return undefined
  return { before: text.slice(0, textBefore(text, open)), note: text.slice(open + 1, -1) }
}

/** Words that say how well a skill is known; read as the skill's level, never as a skill. */
const LEVEL_WORDS =
  /^(?:beginner|novice|elementary|basic|intermediate|competent|proficient|advanced|expert|master|native|fluent|familiar|working knowledge)$/i

/** "Advanced", "Level: Expert": the level a line or list item states on its own, or undefined. */
export function levelOf(text: string): string | undefined {
  const value = clean(text.replace(/^level ?: ?/i, ''))
  return LEVEL_WORDS.test(value) ? value : undefined
}

/** A skill read from a short line of its own that lists nothing yet, or a group still taking items. */
const isGroupName = (skill: Skill) =>
  skill.name !== undefined && skill.name.split(' ').length <= 4 && !/[,·|]/.test(skill.name)

/**
 * Skills of a section: a level on its own line ("Advanced" under "Python") or as an item of a list goes to the
 * skill before it as its level instead of becoming a skill.
 */
export function skillsOf(lines: readonly string[]): Skill[] {
  const skills: Skill[] = []
  for (const line of lines) {
    const level = levelOf(line)
    const last = skills.at(-1)
    if (level && last) {
      if (!last.level) last.level = level
      continue
    }
    const read = skillOf(line)
    const group = skills.at(-1)
    // A group's name on its own line ("Clinical") and its items on the lines below ("Wound care · Vital signs").
    if (group && read.length === 1 && read[0]?.name === undefined && read[0]?.keywords && isGroupName(group)) {
      group.keywords = [...(group.keywords ?? []), ...read[0].keywords.filter((k) => !levelOf(k))]
      continue
    }
    for (const skill of read) {
      const keywords = skill.keywords ?? []
      const levels = keywords.filter((k) => levelOf(k))
      if (levels.length === 0) skills.push(skill)
      else {
        const rest = keywords.filter((k) => !levelOf(k))
        const { keywords: _listed, ...named } = skill
        skills.push({
          ...named,
          level: skill.level ?? (levels[0] as string),
          ...(rest.length > 0 && { keywords: rest }),
        })
      }
    }
  }
  return skills
}
