/**
 * npm run eval:import: field precision and recall of PDF/DOCX import on the corpus, per family and per field kind,
 * the held-out families apart. `--family theme-even` limits the run (dev families only while tuning);
 * `--files` lists each file's recall.
 */
import { evaluateCorpus, type FamilyResult } from './evaluate.js'
import { FAMILIES } from './families.js'
import { addScores, emptyScores, FIELD_KINDS, precision, recall, type Scores, type Tally, totalOf } from './metrics.js'

const familyArg = process.argv.indexOf('--family')
const only = familyArg > 0 ? new Set((process.argv[familyArg + 1] ?? '').split(',')) : undefined
const showFiles = process.argv.includes('--files')

const results = await evaluateCorpus((family) => !only || only.has(family.id))
const f2 = (n: number) => n.toFixed(2)
const cell = (t: Tally) => (t.truth + t.found === 0 ? '–' : `${f2(precision(t))} / ${f2(recall(t))}`)

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`
  console.log(line(header))
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`)
  for (const row of rows) console.log(line(row))
}

for (const split of ['dev', 'held-out'] as const) {
  const inSplit = results.filter((r) => r.family.split === split)
  if (inSplit.length === 0) continue
  console.log(`\n## ${split} families: precision / recall\n`)
  const rows = inSplit.map((r) => {
    const total = totalOf(r.scores)
    const failed = r.files.filter((f) => f.error).length
    return [r.family.id, String(r.files.length), String(failed), f2(precision(total)), f2(recall(total))]
  })
  const all = inSplit.reduce((acc, r) => addScores(acc, r.scores), emptyScores())
  rows.push([
    `all ${split}`,
    String(inSplit.reduce((n, r) => n + r.files.length, 0)),
    '',
    f2(precision(totalOf(all))),
    f2(recall(totalOf(all))),
  ])
  table(['family', 'files', 'failed', 'precision', 'recall'], rows)

  console.log(`\n### ${split}: per field kind (precision / recall, truth values)\n`)
  const byKind = (scores: Scores) => FIELD_KINDS.map((k) => scores[k])
  table(
    ['field', ...inSplit.map((r) => r.family.id), `all ${split}`, 'n'],
    FIELD_KINDS.map((kind, i) => [
      kind,
      ...inSplit.map((r) => cell(byKind(r.scores)[i] as Tally)),
      cell(all[kind]),
      String(all[kind].truth),
    ]),
  )
}

if (showFiles) {
  console.log('\n## files (recall, precision)\n')
  for (const r of results as FamilyResult[]) {
    for (const f of r.files) {
      const t = totalOf(f.scores)
      console.log(`${r.family.id}/${f.file}\t${f2(recall(t))}\t${f2(precision(t))}${f.error ? `\t${f.error}` : ''}`)
    }
  }
}
const heldOut = FAMILIES.filter((f) => f.split === 'held-out').map((f) => f.id)
console.log(`\nHeld-out families (never tuned on): ${heldOut.join(', ')}`)
