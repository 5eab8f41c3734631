/**
 * Import accuracy on the committed corpus (eval/import): files drawn from hand-written JSON Resume truths by
 * independent generators. Each family's precision and recall must stay at or above the floors below, set a little
 * under the figures measured when they were written (eval/import/README.md), so a change that loses fields fails
 * here. Raise a floor when a change lifts its family; never lower one to let a change through.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { evaluateCorpus, type FamilyResult } from '../../eval/import/evaluate.js'
import { FAMILIES } from '../../eval/import/families.js'
import { precision, recall, totalOf } from '../../eval/import/metrics.js'

/** [precision, recall] floors per family; measured 2026-12-07 in brackets. */
const FLOORS: Record<string, readonly [number, number]> = {
  'theme-even': [0.94, 0.88], // 0.96 / 0.90
  'theme-macchiato': [0.82, 0.5], // 0.84 / 0.52
  'theme-elegant': [0.94, 0.81], // 0.96 / 0.83
  'theme-stackoverflow': [0.93, 0.8], // 0.95 / 0.82
  pandoc: [0.95, 0.95], // 0.97 / 0.97
  docx: [0.96, 0.94], // 0.98 / 0.96
  roleready: [0.98, 0.98], // 1.00 / 1.00
  libreoffice: [0.88, 0.82], // 0.90 / 0.84 (held out until one of its files was opened; see eval/import/README.md)
  // Held out of tuning: measured, never tuned on.
  'theme-kendall': [0.53, 0.57], // 0.55 / 0.59
  'pandoc-docx': [0.97, 0.97], // 0.99 / 0.99
}

let results: FamilyResult[]

describe('import accuracy on the corpus', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    results = await evaluateCorpus()
  }, 300_000)

  it('has a floor for every family and at least 150 files', () => {
    expect(Object.keys(FLOORS).sort()).toEqual(FAMILIES.map((f) => f.id).sort())
    expect(results.reduce((n, r) => n + r.files.length, 0)).toBeGreaterThanOrEqual(150)
  })

  for (const family of FAMILIES) {
    it(`${family.id} (${family.split}) stays at or above its precision and recall floors`, () => {
      const result = results.find((r) => r.family.id === family.id)
      expect(result, `${family.id} has files in the corpus`).toBeDefined()
      const total = totalOf((result as FamilyResult).scores)
      const [minPrecision, minRecall] = FLOORS[family.id] as readonly [number, number]
      expect(precision(total)).toBeGreaterThanOrEqual(minPrecision)
      expect(recall(total)).toBeGreaterThanOrEqual(minRecall)
      expect((result as FamilyResult).files.filter((f) => f.error).map((f) => `${f.file}: ${f.error}`)).toEqual([])
    })
  }
})
