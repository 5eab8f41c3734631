/**
 * The merge rules of the skills taxonomy: RoleReady's curated list first, then O*NET technologies, then ESCO skills;
 * every alias belongs to the first concept that claims it. Pure: the same sources always give the same records.
 */
import type { SkillRow } from '../src/domain/intelligence/analysis/taxonomy-file.js'

/** One group of taxonomy/sources/curated.json. Each skill is `Name | alias, alias, …`; `=Alias` matches as written. */
export interface CuratedGroup {
  readonly category: string
  readonly kind: 'hard' | 'soft'
  readonly skills: readonly string[]
}
/** The fields of an ESCO v1.1.1 skill the rules read (taxonomy/sources/esco-skills.json). */
export interface EscoSkill {
  readonly label: string
  readonly alt: readonly string[]
  readonly type: string
  readonly reuse: string
  readonly pillars: readonly string[]
  readonly collections: readonly string[]
}
/** The fields of an O*NET 29.2 technology the rules read (taxonomy/sources/onet-technology-skills.json). */
export interface OnetTechnology {
  readonly example: string
  readonly commodities: readonly string[]
  readonly hot: boolean
  readonly occupationCount: number
  readonly inDemandCount: number
}
export interface TaxonomySources {
  readonly curated: readonly CuratedGroup[]
  readonly esco: readonly EscoSkill[]
  readonly onet: readonly OnetTechnology[]
}

interface Entry {
  id: string
  name: string
  kind: 'h' | 's'
  category: string
  aliases: Set<string>
  exact: Set<string>
  sources: Set<'r' | 'o' | 'e'>
  hot: boolean
}

const foldKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/[-\s]+/g, ' ')
    .trim()

// Single words too vague to stand for a skill on their own when they come from the bulk sources.
const VAGUE = new Set(
  `design management sales marketing communication business software data service services systems system
  technology engineering science law art music history english mathematics physics chemistry biology geography
  languages language health safety quality security research policy policies planning operations support writing
  reading training teaching education finance accounting economics production products product media network
  networks internet computers computer office administration analysis statistics ethics philosophy religion
  psychology sociology literature communications tools equipment materials materials hardware environment energy
  transport travel food sport sports culture customers leadership teamwork work works people team teams time
  development information knowledge processes process procedures methods techniques principles theory practice
  standards regulations legislation types characteristics features functions models testing maintenance
  installation repair manufacturing construction agriculture documentation presentation programming plan lead
  manage communicate organise organize sell teach drive
  report reports reporting sign signing right rights standard standards current electrical account accounts security log logs
  logging cloud packing locking migration migrations graphic graphics statistical productivity mapping email billing
  database databases sensor sensors chef robotics grade math maths google`.split(/\s+/),
)
const words = (s: string) => s.split(/\s+/).length
const BAD_PHRASE = /^(be|use|make|do|have|show|take|give|keep|get|go|work|think|react)\b/i

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .replace(/#/g, 'sharp')
    .replace(/^\./, 'dot')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

const VENDORS =
  /^(Microsoft|Amazon Web Services|Amazon|Apache|Atlassian|Oracle|Google|IBM|Adobe|Autodesk|Apple|Red Hat|The MathWorks|Dassault Systemes|Intuit|Cisco|Bentley|Trimble|Henry Schein|ESRI|SAP|Salesforce|Meta|Facebook|Epic Systems|Hewlett Packard|HP|Dell|VMware|Citrix|Corel|Sage|Infor|Epicor|Siemens|Tyler Technologies|Blackbaud|Ellucian|Cerner|Allscripts|NextGen|Teradata|Informatica|Alteryx|Qlik|Minitab|Wolfram|Bloomberg|Thomson Reuters|Wolters Kluwer)\s+/

function onetAliases(example: string): string[] {
  const out = new Set<string>([example])
  let core = example.replace(/\s+software$/i, '').trim()
  out.add(core)
  // A trailing acronym ("Amazon Simple Storage Service S3", "Cascading style sheets CSS").
  const acronym = /^(.*\S)\s+([A-Z][A-Z0-9/.+#-]{1,9})$/.exec(core)
  if (acronym?.[1] && acronym[2] && /[a-z]/.test(acronym[1])) {
    out.add(acronym[2])
    out.add(acronym[1])
    core = acronym[1]
  }
  const bare = core.replace(VENDORS, '')
  // A bare one-word product name is often an ordinary word ("Access", "Project", "Teams"): match it only as written.
  if (bare !== core && bare.length >= 2) out.add(words(bare) === 1 ? `=${bare}` : bare)
  return [...out].filter((a) => a.length >= 2 && !VAGUE.has(a.replace(/^=/, '').toLowerCase()))
}

const stripQualifier = (s: string) => s.replace(/\s*\([^)]*\)\s*$/, '').trim()

function escoUsable(label: string, maxWords: number): boolean {
  if (words(label) > maxWords || label.length < 2) return false
  if (words(label) === 1 && (VAGUE.has(label.toLowerCase()) || label.length < 4)) return false
  return !BAD_PHRASE.test(label)
}

/** The taxonomy records built from the sources, in claim order. */
export function buildSkillRows({ curated, esco, onet }: TaxonomySources): SkillRow[] {
  const entries: Entry[] = []
  /** Every alias (case-folded, or exact when marked) → its entry; the first claim wins. */
  const claimed = new Map<string, Entry>()

  function addEntry(e: Omit<Entry, 'aliases' | 'exact' | 'sources'> & { source: 'r' | 'o' | 'e' }): Entry {
    const existing = claimed.get(foldKey(e.name))
    if (existing) {
      existing.sources.add(e.source)
      existing.hot ||= e.hot
      return existing
    }
    const entry: Entry = { ...e, aliases: new Set(), exact: new Set(), sources: new Set([e.source]) }
    entries.push(entry)
    return entry
  }

  function claim(entry: Entry, alias: string, exact = false): void {
    const clean = alias.replace(/\s+/g, ' ').trim()
    if (clean.length < 1 || clean.length > 60) return
    const key = exact ? `=${clean}` : foldKey(clean)
    if (claimed.has(key)) return
    if (!exact && claimed.has(`=${clean}`)) return
    if (exact && claimed.has(foldKey(clean))) return
    claimed.set(key, entry)
    if (exact) entry.exact.add(clean)
    else entry.aliases.add(clean)
  }

  // 1. Curated entries first: they own their aliases.
  for (const group of curated) {
    for (const line of group.skills) {
      const [rawName = '', rawAliases = ''] = line.split('|').map((s) => s.trim())
      const exactName = rawName.startsWith('=')
      const name = exactName ? rawName.slice(1) : rawName
      const entry = addEntry({
        id: slug(name),
        name,
        kind: group.kind === 'soft' ? 's' : 'h',
        category: group.category,
        hot: false,
        source: 'r',
      })
      claim(entry, name, exactName)
      for (const a of rawAliases
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        if (a.startsWith('=')) claim(entry, a.slice(1), true)
        else claim(entry, a)
      }
    }
  }

  // 2. O*NET technologies that employers ask for: hot, in demand, or listed by many occupations.
  for (const tech of onet) {
    const wanted = tech.hot || tech.inDemandCount > 0 || tech.occupationCount >= 12
    if (!wanted) continue
    const aliases = onetAliases(tech.example)
    const owner = aliases
      .map((a) => (a.startsWith('=') ? (claimed.get(a) ?? claimed.get(foldKey(a.slice(1)))) : claimed.get(foldKey(a))))
      .find((e) => e !== undefined)
    const core = tech.example.replace(/\s+software$/i, '').trim()
    const short = /^(.*\S)\s+([A-Z][A-Z0-9/.+#-]{1,9})$/.exec(core)?.[2] ?? core
    // A commodity named by an ordinary word ("Accounting software", "Email software") keeps its whole name: the bare
    // word, which the name is also matched as, names a field or a channel, not the software.
    const name = VAGUE.has(short.toLowerCase()) ? tech.example : short
    const entry =
      owner ??
      addEntry({
        id: slug(name),
        name,
        kind: 'h',
        category: tech.commodities[0] ?? 'Technology',
        hot: tech.hot,
        source: 'o',
      })
    entry.sources.add('o')
    entry.hot ||= tech.hot
    for (const a of aliases) {
      if (a.startsWith('=')) claim(entry, a.slice(1), true)
      else claim(entry, a)
    }
  }

  // 3. ESCO: digital knowledge (named technologies), transversal skills (soft), and short knowledge/skill labels.
  for (const skill of esco) {
    const language = skill.pillars.includes('L') || skill.collections.includes('language')
    if (language) continue
    const soft = skill.reuse === 'transversal' || skill.collections.includes('transversal')
    const digitalKnowledge = skill.collections.includes('digital') && skill.type === 'knowledge'
    const knowledge = skill.type === 'knowledge' && skill.reuse !== 'transversal'
    const competence = skill.type === 'skill/competence' && !soft
    const label = stripQualifier(skill.label)
    const maxWords = digitalKnowledge ? 4 : soft ? 4 : knowledge ? 3 : 4
    if (!(digitalKnowledge || soft || knowledge || competence)) continue
    if (!escoUsable(label, maxWords)) continue
    // Verb-phrase competences are only worth matching when they are specific (three or four words).
    if (competence && words(label) < 3) continue
    const aliases = [skill.label, label, ...skill.alt.map(stripQualifier)].filter((a) => escoUsable(a, maxWords))
    const owner = aliases.map((a) => claimed.get(foldKey(a))).find((e) => e !== undefined)
    const entry =
      owner ??
      addEntry({
        id: slug(label),
        name: label,
        kind: soft ? 's' : 'h',
        category: soft ? 'Soft skills' : digitalKnowledge ? 'Digital' : knowledge ? 'Knowledge' : 'Skills',
        hot: false,
        source: 'e',
      })
    entry.sources.add('e')
    // Curated entries keep their own aliases: ESCO's alternative labels are too loose for them ("Mocha", "Ext").
    if (entry.sources.has('r')) continue
    for (const a of aliases.slice(0, competence ? 2 : 5)) claim(entry, a)
  }

  // Unique ids (the first entry keeps the plain slug).
  const seenIds = new Map<string, number>()
  for (const entry of entries) {
    const n = seenIds.get(entry.id) ?? 0
    seenIds.set(entry.id, n + 1)
    if (n > 0) entry.id = `${entry.id}-${n + 1}`
  }

  return entries
    .filter((e) => e.aliases.size + e.exact.size > 0)
    .map((e) => [
      e.id,
      e.name,
      e.kind,
      e.category,
      // The name is matched as an alias at run time (unless it is exact-case), so it is not repeated here.
      [...e.aliases].filter((alias) => alias !== e.name),
      [...e.exact],
      [...e.sources].sort().join(''),
      e.hot ? 1 : 0,
    ])
}
