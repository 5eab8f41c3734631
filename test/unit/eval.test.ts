import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { EvalSetError, loadEvalSet, MAX_WORDS, MIN_WORDS, splitOf, wordCount } from '../../eval/eval-set.js'
import { conceptOf, scoreExtraction, scoreStatuses } from '../../eval/metrics.js'

// Floors a little below the figures measured when they were set (eval/README.md, "Figures"): a change to the
// taxonomy or the analysis that loses more than that fails here. Raise them when the engine improves.
const FLOORS = {
  precision: 0.8,
  recall: 0.8,
  importanceAccuracy: 0.95,
  dev: { precision: 0.82, recall: 0.87 },
  heldOut: { precision: 0.7, recall: 0.52 },
  statusAccuracy: 0.72,
  statusCoverage: 0.88,
}

const set = loadEvalSet()

describe('evaluation set', () => {
  it('holds at least 25 postings from 8 fields and 10 resume/posting pairs', () => {
    expect(set.postings.length).toBeGreaterThanOrEqual(25)
    expect(new Set(set.postings.map((p) => p.field)).size).toBeGreaterThanOrEqual(8)
    expect(set.pairs.length).toBeGreaterThanOrEqual(10)
    for (const posting of set.postings) {
      expect(wordCount(posting.description)).toBeGreaterThanOrEqual(MIN_WORDS)
      expect(wordCount(posting.description)).toBeLessThanOrEqual(MAX_WORDS)
      expect(posting.labels.required.length).toBeGreaterThan(0)
    }
    // Pairs cover several postings and every labelled skill of their posting.
    expect(new Set(set.pairs.map((p) => p.postingId)).size).toBeGreaterThanOrEqual(10)
    const postings = new Map(set.postings.map((p) => [p.id, p]))
    for (const pair of set.pairs) {
      const posting = postings.get(pair.postingId)
      expect(Object.keys(pair.labels.skills).sort()).toEqual(
        [...(posting?.labels.required ?? []), ...(posting?.labels.preferred ?? [])].sort(),
      )
    }
  })

  it('matches labels to the engine through the taxonomy, aliases included', () => {
    expect(conceptOf('JS')).toBe(conceptOf('JavaScript'))
    expect(conceptOf('k8s')).toBe('kubernetes')
    expect(conceptOf('Three-way matching')).toBe('text:thre way match')
  })

  it('reports every problem of a malformed set at once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roleready-eval-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    mkdirSync(path.join(dir, 'postings'))
    mkdirSync(path.join(dir, 'pairs'))
    const short = { id: 'short', field: 'x', title: 'T', description: 'too short', labels: { required: [] } }
    writeFileSync(path.join(dir, 'postings', 'short.json'), JSON.stringify(short))
    writeFileSync(path.join(dir, 'pairs', 'broken.json'), '{ not json')
    expect(() => loadEvalSet(dir)).toThrow(EvalSetError)
    try {
      loadEvalSet(dir)
    } catch (error) {
      expect((error as EvalSetError).problems).toEqual([
        'postings/short.json: description has 2 words (150–600)',
        'postings/short.json: labels.preferred must be a list of skill names',
        'postings/short.json: labels.required is empty',
        expect.stringMatching(/^pairs\/broken\.json: not valid JSON/),
      ])
    }
  })
})

describe('engine against the evaluation set', () => {
  it('keeps skill-extraction precision, recall and required-vs-preferred accuracy above their floors', () => {
    const extraction = scoreExtraction(set.postings)
    expect(extraction.precision).toBeGreaterThanOrEqual(FLOORS.precision)
    expect(extraction.recall).toBeGreaterThanOrEqual(FLOORS.recall)
    expect(extraction.importanceAccuracy).toBeGreaterThanOrEqual(FLOORS.importanceAccuracy)
    const dev = scoreExtraction(set.postings.filter((p) => splitOf(p) === 'dev'))
    const heldOut = scoreExtraction(set.postings.filter((p) => splitOf(p) === 'held-out'))
    expect(dev.precision).toBeGreaterThanOrEqual(FLOORS.dev.precision)
    expect(dev.recall).toBeGreaterThanOrEqual(FLOORS.dev.recall)
    expect(heldOut.postings.length).toBeGreaterThanOrEqual(5)
    expect(heldOut.precision).toBeGreaterThanOrEqual(FLOORS.heldOut.precision)
    expect(heldOut.recall).toBeGreaterThanOrEqual(FLOORS.heldOut.recall)
  })

  it('keeps requirement-status accuracy and coverage above their floors', () => {
    const statuses = scoreStatuses(set)
    expect(statuses.accuracy).toBeGreaterThanOrEqual(FLOORS.statusAccuracy)
    expect(statuses.coverage).toBeGreaterThanOrEqual(FLOORS.statusCoverage)
    const total = Object.values(statuses.confusion).reduce(
      (n, row) => n + Object.values(row).reduce((a, b) => a + b, 0),
      0,
    )
    expect(total).toBe(statuses.outcomes.length)
  })
})
