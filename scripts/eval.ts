/**
 * Prints how well RoleReady's deterministic engine reads the evaluation set in eval/: skill-extraction precision and
 * recall per posting and overall, required-vs-preferred accuracy, and requirement-status accuracy over the
 * resume/posting pairs with a confusion table. It reports and never gates: exit 0, or 1 when a file is malformed.
 * resume/posting pairs with a confusion table, how often the intended candidate of each ranking group ranks first, and
 * whether instruction text planted in postings reaches any analysis field.
 * Run: npm run eval [-- --details] [-- --split dev|held-out]
 *   --details  lists every missed, extra and misclassified skill
 *   --split    only that part of the set: tune with `--split dev`, never by reading the held-out figures
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { EVAL_DIR, type EvalSet, EvalSetError, loadEvalSet, type Split, splitOf } from '../eval/eval-set.js'
import {
  EVAL_AS_OF,
  scoreExtraction,
  scoreInjection,
  scoreRankings,
  scoreRewrites,
  scoreStatuses,
  VERDICTS,
} from '../eval/metrics.js'

const details = process.argv.includes('--details')
const splitArgument = process.argv[process.argv.indexOf('--split') + 1]
const only: Split | undefined = process.argv.includes('--split') ? (splitArgument as Split) : undefined
if (only !== undefined && only !== 'dev' && only !== 'held-out') {
  console.error('--split takes dev or held-out')
  process.exit(1)
}
const pct = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(6)
const fixed = (value: number) => value.toFixed(3)

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

let set: EvalSet
try {
  const whole = loadEvalSet()
  const postingSplit = new Map(whole.postings.map((p) => [p.id, splitOf(p)]))
  const kept = (item: { split?: Split }) => only === undefined || splitOf(item) === only
  set = {
    postings: whole.postings.filter(kept),
    pairs: whole.pairs.filter((pair) => only === undefined || postingSplit.get(pair.postingId) === only),
    rankings: whole.rankings.filter(kept),
  }
  console.log(`Held-out postings: sha256 ${heldOutHash(whole)} (eval/HELD-OUT.md)`)
} catch (error) {
  if (error instanceof EvalSetError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}

/** The hash eval/HELD-OUT.md records: the held-out posting files' bytes, concatenated in file-name order. */
function heldOutHash(whole: EvalSet): string {
  const hash = createHash('sha256')
  for (const id of whole.postings
    .filter((p) => splitOf(p) === 'held-out')
    .map((p) => p.id)
    .sort())
    hash.update(readFileSync(path.join(EVAL_DIR, 'postings', `${id}.json`)))
  return hash.digest('hex')
}

const fields = new Set(set.postings.map((p) => p.field))
console.log(
  `RoleReady evaluation set${only ? ` (${only} only)` : ''}: ${set.postings.length} postings in ${fields.size} fields, ${set.pairs.length} pairs, ${set.rankings.length} ranking groups\n`,
)

const extraction = scoreExtraction(set.postings)
console.log('Skill extraction (required + preferred, labels and engine output normalised through the taxonomy)\n')
console.log(
  table(
    ['posting', 'split', 'field', 'labels', 'found', 'hits', 'precision', 'recall', 'req/pref ok'],
    extraction.postings.map((s, i) => [
      s.id,
      splitOf(set.postings[i] as (typeof set.postings)[number]),
      s.field,
      String(s.gold),
      String(s.predicted),
      String(s.truePositives),
      fixed(s.precision),
      fixed(s.recall),
      `${s.importanceCorrect}/${s.truePositives}`,
    ]),
  ),
)
if (details) {
  console.log('\nPer posting: missed labels, extra skills, importance disagreements')
  for (const s of extraction.postings) {
    console.log(`\n${s.id}`)
    if (s.missed.length) console.log(`  missed: ${s.missed.join('; ')}`)
    if (s.extra.length) console.log(`  extra: ${s.extra.join('; ')}`)
    if (s.misclassified.length) console.log(`  importance: ${s.misclassified.join('; ')}`)
  }
}
console.log(`
Overall (micro)  precision ${fixed(extraction.precision)}  recall ${fixed(extraction.recall)}  F1 ${fixed(extraction.f1)}
Overall (macro)  precision ${fixed(extraction.macroPrecision)}  recall ${fixed(extraction.macroRecall)}
Recall of required skills ${fixed(extraction.recallByImportance.required)}, of preferred skills ${fixed(extraction.recallByImportance.preferred)}
Required-vs-preferred accuracy on skills found ${fixed(extraction.importanceAccuracy)}
Targets: recall >= 0.85, precision >= 0.80
`)
for (const split of ['dev', 'held-out'] as const) {
  const postings = set.postings.filter((p) => splitOf(p) === split)
  if (postings.length === 0) continue
  const s = scoreExtraction(postings)
  console.log(
    `${split.padEnd(8)} (${String(postings.length).padStart(2)} postings)  precision ${fixed(s.precision)}  recall ${fixed(s.recall)}  F1 ${fixed(s.f1)}  required-vs-preferred ${fixed(s.importanceAccuracy)}`,
  )
}
console.log('')

const statuses = scoreStatuses(set)
console.log(`Requirement status over ${set.pairs.length} resume/posting pairs (ATS report as of ${EVAL_AS_OF})\n`)
console.log(
  table(
    ['pair', 'labelled', 'assessed', 'correct', 'accuracy', 'overall'],
    statuses.perPair.map((p) => [
      p.id,
      String(p.labelled),
      String(p.assessed),
      String(p.correct),
      fixed(p.assessed ? p.correct / p.assessed : 1),
      String(p.overall),
    ]),
  ),
)
console.log('\nConfusion (rows: labelled status, columns: the report’s status)\n')
console.log(
  table(
    ['labelled \\ engine', ...VERDICTS],
    (['met', 'partial', 'missing'] as const).map((labelled) => [
      labelled,
      ...VERDICTS.map((v) => String(statuses.confusion[labelled][v])),
    ]),
  ),
)
const byKind = (['skill', 'experience', 'education', 'title'] as const).map((kind) => {
  const assessed = statuses.outcomes.filter((o) => o.kind === kind && o.engine !== 'not assessed')
  const correct = assessed.filter((o) => o.engine === o.labelled).length
  return `${kind} ${correct}/${assessed.length}`
})
console.log(`
Accuracy on requirements the report assessed ${fixed(statuses.accuracy)} (${pct(statuses.coverage).trim()} of labelled requirements assessed)
Accuracy counting unassessed requirements as wrong ${fixed(statuses.strictAccuracy)}
Correct by kind: ${byKind.join(', ')}`)
for (const split of ['dev', 'held-out'] as const) {
  const ids = new Set(set.postings.filter((p) => splitOf(p) === split).map((p) => p.id))
  const pairs = set.pairs.filter((pair) => ids.has(pair.postingId))
  if (pairs.length === 0) continue
  const s = scoreStatuses({ ...set, pairs })
  console.log(
    `${split.padEnd(8)} (${String(pairs.length).padStart(2)} pairs, ${s.outcomes.length} verdicts)  accuracy ${fixed(s.accuracy)} on ${pct(s.coverage).trim()} assessed, ${fixed(s.strictAccuracy)} counting unassessed as wrong`,
  )
}
if (details) {
  console.log('\nDisagreements (pair: requirement labelled → engine)')
  for (const o of statuses.outcomes.filter((o) => o.engine !== o.labelled && o.engine !== 'not assessed')) {
    console.log(`  ${o.pairId}: ${o.requirement} ${o.labelled} → ${o.engine}`)
  }
}

const splits = (['dev', 'held-out'] as const).filter((split) => only === undefined || only === split)
const rankings = scoreRankings(set)
if (rankings.groups.length > 0) {
  console.log(`\nRanking: does the intended candidate of each group score first? (${rankings.groups.length} groups)\n`)
  console.log(
    table(
      ['group', 'split', 'first', 'margin', 'scores (intended *)'],
      rankings.groups.map((g, i) => [
        g.id,
        splitOf(set.rankings[i] as (typeof set.rankings)[number]),
        g.intendedFirst ? 'yes' : 'no',
        String(g.margin),
        g.scores.map((s) => `${s.overall}${s.intended ? '*' : ''}`).join(' '),
      ]),
    ),
  )
  console.log('')
  for (const split of splits) {
    const groups = rankings.groups.filter((_, i) => splitOf(set.rankings[i] as (typeof set.rankings)[number]) === split)
    if (groups.length === 0) continue
    const first = groups.filter((g) => g.intendedFirst).length
    const margin = groups.reduce((s, g) => s + g.margin, 0) / groups.length
    console.log(
      `${split.padEnd(8)} (${String(groups.length).padStart(2)} groups)  intended first ${fixed(first / groups.length)} (${first}/${groups.length})  mean margin ${margin.toFixed(1)}`,
    )
  }
}

const injection = scoreInjection(set.postings)
if (injection.length > 0) {
  const leaking = injection.filter((o) => o.leaks.length > 0)
  console.log(
    `\nInstruction text planted in ${injection.length} postings: ${leaking.length} analyses repeat it (target 0)`,
  )
  for (const o of leaking) for (const leak of o.leaks) console.log(`  ${o.postingId} ${leak}`)
}

const rewrites = scoreRewrites(set)
if (rewrites.resumes > 0) {
  console.log(
    `\nBuilt-in tailoring over ${rewrites.resumes} resumes: mean score change ${rewrites.meanDelta >= 0 ? '+' : ''}${rewrites.meanDelta.toFixed(2)}, ${rewrites.improved} improved, ${rewrites.worse} worse`,
  )
}
