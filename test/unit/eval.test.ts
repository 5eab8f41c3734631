import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { EvalSetError, loadEvalSet, MAX_WORDS, MIN_WORDS, splitOf, wordCount } from '../../eval/eval-set.js'
import {
  conceptOf,
  scoreExtraction,
  scoreInjection,
  scoreRankings,
  scoreRewrites,
  scoreStatuses,
} from '../../eval/metrics.js'

// Floors a little below the figures measured when they were set (eval/README.md, "Figures"), per split: a change to
// the taxonomy, the analysis or the report that loses more than that fails here. Raise them when the engine improves.
const FLOORS = {
  importanceAccuracy: 0.95,
  dev: { precision: 0.81, recall: 0.63, statusAccuracy: 0.75, statusCoverage: 0.88, intendedFirst: 0.76 },
  heldOut: { precision: 0.67, recall: 0.27, statusAccuracy: 0.87, statusCoverage: 0.45, intendedFirst: 0.85 },
}

const set = loadEvalSet()

describe('evaluation set', () => {
  it('holds at least 100 postings from 30 fields, 20 resume/posting pairs and 20 ranking groups', () => {
    expect(set.postings.length).toBeGreaterThanOrEqual(100)
    expect(new Set(set.postings.map((p) => p.field)).size).toBeGreaterThanOrEqual(30)
    expect(set.pairs.length).toBeGreaterThanOrEqual(20)
    expect(set.rankings.length).toBeGreaterThanOrEqual(20)
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
  const splits = [
    ['dev', FLOORS.dev],
    ['held-out', FLOORS.heldOut],
  ] as const
  const ofSplit = (split: 'dev' | 'held-out') => {
    const postings = set.postings.filter((p) => splitOf(p) === split)
    const ids = new Set(postings.map((p) => p.id))
    return {
      postings,
      pairs: set.pairs.filter((pair) => ids.has(pair.postingId)),
      rankings: set.rankings.filter((r) => splitOf(r) === split),
    }
  }

  it.each(splits)('keeps %s skill-extraction precision, recall and importance above their floors', (split, floor) => {
    const { postings } = ofSplit(split)
    expect(postings.length).toBeGreaterThanOrEqual(40)
    const extraction = scoreExtraction(postings)
    expect(extraction.precision).toBeGreaterThanOrEqual(floor.precision)
    expect(extraction.recall).toBeGreaterThanOrEqual(floor.recall)
    expect(extraction.importanceAccuracy).toBeGreaterThanOrEqual(FLOORS.importanceAccuracy)
  })

  it.each(splits)('keeps %s requirement-status accuracy and coverage above their floors', (split, floor) => {
    const statuses = scoreStatuses({ ...set, ...ofSplit(split) })
    expect(statuses.outcomes.length).toBeGreaterThanOrEqual(60)
    expect(statuses.accuracy).toBeGreaterThanOrEqual(floor.statusAccuracy)
    expect(statuses.coverage).toBeGreaterThanOrEqual(floor.statusCoverage)
    const total = Object.values(statuses.confusion).reduce(
      (n, row) => n + Object.values(row).reduce((a, b) => a + b, 0),
      0,
    )
    expect(total).toBe(statuses.outcomes.length)
  })

  it.each(splits)('ranks the intended candidate first in the %s ranking groups often enough', (split, floor) => {
    const rankings = scoreRankings({ ...set, ...ofSplit(split) })
    expect(rankings.groups.length).toBeGreaterThanOrEqual(7)
    expect(rankings.intendedFirst).toBeGreaterThanOrEqual(floor.intendedFirst)
  })

  it('reads no analysis field from instruction text planted in postings', () => {
    const outcomes = scoreInjection(set.postings)
    expect(outcomes.length).toBeGreaterThanOrEqual(5)
    expect(outcomes.flatMap((o) => o.leaks)).toEqual([])
  })

  it("never lowers a resume's score by the built-in tailoring, and raises it on average", () => {
    const rewrites = scoreRewrites(set)
    expect(rewrites.worse).toBe(0)
    expect(rewrites.meanDelta).toBeGreaterThan(0)
  })
})
