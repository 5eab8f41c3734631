import { SKILL_ROWS } from './taxonomy.data.js'
import { type Token, tokenize } from './text.js'

/** One generated record: id, name, kind (h/s), category, aliases besides the name, exact-case aliases, sources, hot. */
export type SkillRow = readonly [string, string, 'h' | 's', string, readonly string[], readonly string[], string, 0 | 1]

export type SkillKind = 'hard' | 'soft'
export type SkillSource = 'roleready' | 'onet' | 'esco'

export interface Skill {
  /** Stable slug, e.g. `kubernetes`. */
  readonly id: string
  /** Canonical display name, e.g. `Kubernetes`. */
  readonly name: string
  readonly kind: SkillKind
  readonly category: string
  readonly aliases: readonly string[]
  /** Where the concept comes from; ESCO and O*NET data are shown with their attribution. */
  readonly sources: readonly SkillSource[]
  /** An O*NET "hot technology": often asked for in postings. */
  readonly hot: boolean
}

/** A skill found in text: the canonical skill and the exact span that named it. */
export interface SkillMention {
  readonly skill: Skill
  readonly start: number
  readonly end: number
  /** The text exactly as written in the source, e.g. `k8s`. */
  readonly surface: string
}

/** Attribution that must accompany taxonomy data wherever it is shown (see docs/data-attribution.md). */
export const TAXONOMY_ATTRIBUTION = [
  'This service uses the ESCO classification of the European Commission. Skill labels adapted from ESCO v1.1.1; the European Commission has not endorsed these changes.',
  'This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. RoleReady has modified all or some of this information. USDOL/ETA has not approved, endorsed, or tested these modifications.',
] as const

const SOURCE_NAMES: Record<string, SkillSource> = { r: 'roleready', o: 'onet', e: 'esco' }
const MAX_PHRASE = 8

interface Index {
  readonly byId: Map<string, Skill>
  readonly fold: Map<string, Skill>
  readonly exact: Map<string, Skill>
}

let index: Index | undefined

function phraseKey(tokens: readonly Token[], exact: boolean): string {
  return tokens.map((t) => (exact ? t.surface : t.fold)).join(' ')
}

function buildIndex(): Index {
  const byId = new Map<string, Skill>()
  const fold = new Map<string, Skill>()
  const exact = new Map<string, Skill>()
  for (const [id, name, kind, category, aliases, exactAliases, sources, hot] of SKILL_ROWS) {
    const skill: Skill = {
      id,
      name,
      kind: kind === 'h' ? 'hard' : 'soft',
      category,
      aliases: [...(exactAliases.includes(name) ? [] : [name]), ...aliases, ...exactAliases],
      sources: [...sources].map((s) => SOURCE_NAMES[s] ?? 'roleready'),
      hot: hot === 1,
    }
    byId.set(id, skill)
    const foldAliases = exactAliases.includes(name) ? aliases : [name, ...aliases]
    for (const alias of foldAliases) {
      const tokens = tokenize(alias)
      if (tokens.length === 0 || tokens.length > MAX_PHRASE) continue
      const key = phraseKey(tokens, false)
      if (!fold.has(key)) fold.set(key, skill)
    }
    for (const alias of exactAliases) {
      const tokens = tokenize(alias)
      if (tokens.length === 0 || tokens.length > MAX_PHRASE) continue
      const key = phraseKey(tokens, true)
      if (!exact.has(key)) exact.set(key, skill)
    }
  }
  return { byId, fold, exact }
}

function getIndex(): Index {
  index ??= buildIndex()
  return index
}

/** The skill with this id, or undefined. */
export function skillById(id: string): Skill | undefined {
  return getIndex().byId.get(id)
}

/** The skill a name or alias stands for ("k8s" → Kubernetes), or undefined. */
export function lookupSkill(text: string): Skill | undefined {
  const tokens = tokenize(text)
  if (tokens.length === 0) return undefined
  const { exact, fold } = getIndex()
  return exact.get(phraseKey(tokens, true)) ?? fold.get(phraseKey(tokens, false))
}

/** Number of skills in the shipped taxonomy. */
export function taxonomySize(): number {
  return getIndex().byId.size
}

/**
 * Every skill named in `text`, left to right, longest phrase first ("React Native" before "React"); phrases never
 * cross a sentence boundary the caller drew (call per sentence). Offsets are relative to `text` plus `offset`.
 */
export function findSkills(text: string, offset = 0): SkillMention[] {
  const { exact, fold } = getIndex()
  const tokens = tokenize(text)
  const found: SkillMention[] = []
  let i = 0
  while (i < tokens.length) {
    let matched = 0
    for (let len = Math.min(MAX_PHRASE, tokens.length - i); len >= 1; len--) {
      const span = tokens.slice(i, i + len)
      const first = span[0] as Token
      const last = span[len - 1] as Token
      // Tokens of one phrase must be adjacent (only spaces or hyphens between them).
      if (len > 1 && !adjacent(text, span)) continue
      const skill = exact.get(phraseKey(span, true)) ?? fold.get(phraseKey(span, false))
      if (!skill) continue
      found.push({
        skill,
        start: offset + first.start,
        end: offset + last.end,
        surface: text.slice(first.start, last.end),
      })
      matched = len
      break
    }
    i += matched || 1
  }
  return found
}

function adjacent(text: string, span: readonly Token[]): boolean {
  for (let k = 1; k < span.length; k++) {
    const from = (span[k - 1] as Token).end
    const to = (span[k] as Token).start
    // Length first: a long gap is never read (each gap is looked at for every phrase that spans it).
    if (to - from > 3 || !/^[\s-]*$/.test(text.slice(from, to))) return false
  }
  return true
}
