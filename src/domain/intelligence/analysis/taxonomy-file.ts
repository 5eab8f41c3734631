import { type Static, Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

/** Where the built taxonomy lives, from the repository root; written by `npm run build:taxonomy`. */
export const TAXONOMY_FILE = 'taxonomy/taxonomy.json'

const SkillRowSchema = Type.Tuple([
  Type.String({ minLength: 1 }), // id
  Type.String({ minLength: 1 }), // name
  Type.Union([Type.Literal('h'), Type.Literal('s')]), // hard or soft
  Type.String(), // category
  Type.Array(Type.String({ minLength: 1 })), // aliases besides the name, matched case-insensitively
  Type.Array(Type.String({ minLength: 1 })), // aliases matched only as written
  Type.String({ pattern: '^[eor]+$' }), // sources: ESCO, O*NET, RoleReady
  Type.Union([Type.Literal(0), Type.Literal(1)]), // an O*NET hot technology
])

const TaxonomyFileSchema = Type.Object({
  format: Type.Literal(1),
  notice: Type.String(),
  skills: Type.Array(SkillRowSchema, { minItems: 1 }),
})

/** One built record: id, name, kind (h/s), category, aliases besides the name, exact-case aliases, sources, hot. */
export type SkillRow = Readonly<Static<typeof SkillRowSchema>>

/** The whole built file, as the generator writes it. */
export type TaxonomyFile = Static<typeof TaxonomyFileSchema>

const MAX_REPORTED = 5

/**
 * The skill records of a parsed taxonomy file. Throws an error naming `file` and the first problems found when the
 * data is not a taxonomy file of this format or two records share an id.
 */
export function readTaxonomyFile(data: unknown, file: string = TAXONOMY_FILE): readonly SkillRow[] {
  if (!Value.Check(TaxonomyFileSchema, data)) {
    const problems: string[] = []
    for (const error of Value.Errors(TaxonomyFileSchema, data)) {
      problems.push(`${error.path || '/'}: ${error.message}`)
      if (problems.length === MAX_REPORTED) break
    }
    throw invalid(file, problems)
  }
  const seen = new Set<string>()
  const duplicates = data.skills.map(([id]) => id).filter((id) => seen.size === seen.add(id).size)
  if (duplicates.length > 0) {
    throw invalid(
      file,
      duplicates.slice(0, MAX_REPORTED).map((id) => `duplicate skill id "${id}"`),
    )
  }
  return data.skills
}

function invalid(file: string, problems: readonly string[]): Error {
  return new Error(
    `Invalid skills taxonomy in ${file} (rebuild it with \`npm run build:taxonomy\`):\n  ${problems.join('\n  ')}`,
  )
}
