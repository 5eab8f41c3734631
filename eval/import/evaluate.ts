/**
 * Imports every file of the committed corpus through the document service (the readers and parser behind
 * POST /api/resumes/import) and scores it against its truth.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { documentServices } from '../../test/helpers/document-files.js'
import { FAMILIES, type Family } from './families.js'
import { addScores, emptyScores, type Scores, scoreResume } from './metrics.js'

export const CORPUS = path.resolve(import.meta.dirname, 'corpus')

export interface FileResult {
  readonly family: string
  readonly file: string
  readonly ms: number
  readonly scores: Scores
  /** The import failed (the error's code); every truth value then counts as missed. */
  readonly error?: string
}

export interface FamilyResult {
  readonly family: Family
  readonly files: FileResult[]
  readonly scores: Scores
}

export async function evaluateCorpus(filter?: (family: Family) => boolean): Promise<FamilyResult[]> {
  const { documents } = documentServices()
  const results: FamilyResult[] = []
  for (const family of FAMILIES.filter(filter ?? (() => true))) {
    const dir = path.join(CORPUS, family.id)
    if (!existsSync(dir)) continue
    const files: FileResult[] = []
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith(`.${family.ext}`))
      .sort()) {
      const truth = JSON.parse(readFileSync(path.join(dir, name.replace(/\.\w+$/, '.json')), 'utf8'))
      const bytes = readFileSync(path.join(dir, name))
      const start = performance.now()
      let found: Record<string, unknown> = {}
      let error: string | undefined
      try {
        found = (await documents.importFile(new Uint8Array(bytes))).content
      } catch (e) {
        error = (e as { code?: string }).code ?? String(e)
      }
      const ms = performance.now() - start
      files.push({ family: family.id, file: name, ms, scores: scoreResume(truth, found), ...(error && { error }) })
    }
    results.push({ family, files, scores: files.reduce((all, f) => addScores(all, f.scores), emptyScores()) })
  }
  return results
}
