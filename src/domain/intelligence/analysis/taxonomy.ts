import taxonomyFile from '../../../../taxonomy/taxonomy.json' with { type: 'json' }
import { readTaxonomyFile } from './taxonomy-file.js'
import { type Token, tokenize } from './text.js'

export type { SkillRow } from './taxonomy-file.js'

// Read once, when the module loads: a malformed file stops the service at start, naming the file.
const SKILL_ROWS = readTaxonomyFile(taxonomyFile)

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
  /**
   * For each one-word key of `fold`: how its skill's aliases are spelled, lower-cased. Stemming makes "accounts"
   * meet "accounting", "security" meet "securities" and "SSR" meet "SSRS"; a one-word mention must be one of these
   * spellings, a plural of one, or the verb of one ("debug" for debugging). An ESCO-only skill is matched on one
   * word only by its own name: its alternative labels ("transformers", "survey") are too often ordinary words.
   */
  readonly spellings: Map<string, Set<string>>
  /** Every key of `fold` and `exact` and each of their leading token runs: a phrase is only read on while it is one. */
  readonly prefixes: Set<string>
}

let index: Index | undefined

/** True when `alias` derives from the verb `verb`: "schedule" → "scheduling", "present" → "presentation", "organize" → "organized". */
function isVerbOf(verb: string, alias: string): boolean {
  const stem = verb.endsWith('e') ? verb.slice(0, -1) : verb
  return alias.length > verb.length && alias.startsWith(stem) && /(ing|ion|ment|ed)$/.test(alias)
}

// Words that, just before a skill's name, give it another sense: a "cloud warehouse" or "data warehouse" is not
// warehouse management, "Core Web Vitals" are not vital signs, "performance budgets" are not budgeting.
const NOT_AFTER: Readonly<Record<string, readonly string[]>> = {
  'warehouse-management': ['data', 'cloud', 'snowflake', 'lake', 'analytic', 'analytics'],
  'vital-signs': ['web'],
  budgeting: ['performance', 'error', 'latency', 'bundle'],
}

/** A word lower-cased with a plural ending removed: "APIs" and "API", "surveys" and "survey" are one form. */
function wordForm(word: string): string {
  const w = word.toLowerCase()
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`
  if (/(x|ch|sh|ss)es$/.test(w)) return w.slice(0, -2)
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1)
  return w
}

function phraseKey(tokens: readonly Token[], exact: boolean): string {
  return tokens.map((t) => (exact ? t.surface : t.fold)).join(' ')
}

function buildIndex(): Index {
  const byId = new Map<string, Skill>()
  const fold = new Map<string, Skill>()
  const exact = new Map<string, Skill>()
  const prefixes = new Set<string>()
  const spellings = new Map<string, Set<string>>()
  // The first skill to claim an alias keeps it.
  const claim = (skill: Skill, aliases: readonly string[], exactCase: boolean) => {
    const keys = exactCase ? exact : fold
    for (const alias of aliases) {
      const tokens = tokenize(alias)
      if (tokens.length === 0 || tokens.length > MAX_PHRASE) continue
      const key = phraseKey(tokens, exactCase)
      if (!keys.has(key)) keys.set(key, skill)
      if (!exactCase && tokens.length === 1 && keys.get(key) === skill) {
        const known = spellings.get(key) ?? new Set<string>()
        const escoOnly = skill.sources.length === 1 && skill.sources[0] === 'esco'
        if (!escoOnly || alias === skill.name) known.add(alias.toLowerCase())
        // The singular of a plural alias ("stakeholder" for "stakeholders"), for words, not acronyms ("SSR" is not "SSRS").
        if (!escoOnly && /[a-z]/.test(alias)) known.add(wordForm(alias))
        spellings.set(key, known)
      }
      for (let len = 1; len <= tokens.length; len++)
        prefixes.add(prefixKey(phraseKey(tokens.slice(0, len), exactCase), exactCase))
    }
  }
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
    claim(skill, exactAliases.includes(name) ? aliases : [name, ...aliases], false)
    claim(skill, exactAliases, true)
  }
  return { byId, fold, exact, prefixes, spellings }
}

/** Exact and folded keys share one prefix set; a mark keeps them apart. */
function prefixKey(key: string, exactCase: boolean): string {
  return exactCase ? `=${key}` : key
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
  const { exact, fold, prefixes, spellings } = getIndex()
  const oneWord = (token: Token, key: string) => {
    const known = spellings.get(key)
    if (!known) return true
    const surface = token.surface.toLowerCase()
    const form = wordForm(surface)
    if (known.has(surface) || known.has(form)) return true
    // An inflected verb shares its stem with an alias ("collaborated", "organizing"): the stem match stands.
    if (/[a-z](ed|ing)$/.test(surface)) return true
    // A bare word may be the verb of an alias: "debug" asks for debugging, "schedule appointments" for scheduling.
    return form === surface && [...known].some((alias) => isVerbOf(surface, alias))
  }
  const tokens = tokenize(text)
  const found: SkillMention[] = []
  let i = 0
  while (i < tokens.length) {
    // The keys of the phrases starting here, built one token at a time. A phrase stops at the first gap that is not
    // adjacent, or once it starts no alias: every longer phrase would too.
    const keys: { exact: string; fold: string }[] = []
    for (let len = 1; len <= MAX_PHRASE && i + len <= tokens.length; len++) {
      const token = tokens[i + len - 1] as Token
      const previous = keys[len - 2]
      if (previous && !adjacent(text, tokens[i + len - 2] as Token, token)) break
      const key = {
        exact: previous ? `${previous.exact} ${token.surface}` : token.surface,
        fold: previous ? `${previous.fold} ${token.fold}` : token.fold,
      }
      if (!prefixes.has(prefixKey(key.exact, true)) && !prefixes.has(key.fold)) break
      keys.push(key)
    }
    let matched = 0
    for (let len = keys.length; len >= 1; len--) {
      const key = keys[len - 1] as { exact: string; fold: string }
      const first = tokens[i] as Token
      const skill = exact.get(key.exact) ?? (len > 1 || oneWord(first, key.fold) ? fold.get(key.fold) : undefined)
      if (!skill) continue
      const before = i > 0 ? (tokens[i - 1] as Token) : undefined
      if (before && NOT_AFTER[skill.id]?.includes(wordForm(before.surface)) && adjacent(text, before, first)) continue
      const last = tokens[i + len - 1] as Token
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

/** Only spaces or hyphens, at most three, between two tokens of one phrase. */
function adjacent(text: string, left: Token, right: Token): boolean {
  // Length first: a long gap is never read.
  return right.start - left.end <= 3 && /^[\s-]*$/.test(text.slice(left.end, right.start))
}
