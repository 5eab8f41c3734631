/**
 * Refreshes taxonomy/sources/esco-skills.json and onet-technology-skills.json from a full conversion of ESCO and
 * O*NET (one JSON record per line, as described in taxonomy/README.md), keeping only the fields
 * scripts/build-taxonomy.ts reads. Needed only when moving to a newer ESCO or O*NET release.
 * Usage: SKILLS_DATA_DIR=/path/to/full/skills npx tsx scripts/build-taxonomy.extract.ts
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

interface FullEscoSkill {
  label: string
  alt: string[]
  type: string
  reuse: string
  pillars: string[]
  collections: string[]
}
interface FullOnetTech {
  example: string
  commodities: { code: string; title: string }[]
  hot: boolean
  occupations: string[]
  inDemandFor: string[]
}

const fullDir = process.env.SKILLS_DATA_DIR
if (!fullDir) {
  console.error('set SKILLS_DATA_DIR to the folder holding the full esco-skills.json and onet-technology-skills.json')
  process.exit(1)
}
const sourcesDir = fileURLToPath(new URL('../taxonomy/sources/', import.meta.url))
const read = <T>(name: string) => JSON.parse(readFileSync(path.join(fullDir, name), 'utf8')) as T[]

/** One compact record per line, in the order of the full file, so diffs stay line-based. */
function write(name: string, records: readonly unknown[]): void {
  const file = path.join(sourcesDir, name)
  writeFileSync(file, `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`)
  console.log(`wrote ${file}: ${records.length} records`)
}

write(
  'esco-skills.json',
  read<FullEscoSkill>('esco-skills.json').map(({ label, alt, type, reuse, pillars, collections }) => ({
    label,
    alt,
    type,
    reuse,
    pillars,
    collections,
  })),
)
write(
  'onet-technology-skills.json',
  read<FullOnetTech>('onet-technology-skills.json').map((tech) => ({
    example: tech.example,
    commodities: tech.commodities.map((c) => c.title),
    hot: tech.hot,
    occupationCount: tech.occupations.length,
    inDemandCount: tech.inDemandFor.length,
  })),
)
