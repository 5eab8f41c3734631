/**
 * Document export and import timing: PDF against DOCX, per built-in template, over the sample resumes in
 * test/fixtures/resumes. Prints the median time per resume and per file, and the PDF/DOCX ratios. Then import of
 * every file of the import corpus (eval/import/corpus, files made by other tools): median and worst time per file,
 * per family, against the budget (200 ms median, 2 s worst).
 * Run: npm run bench:documents [-- --rounds 3]
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { CORPUS } from '../eval/import/evaluate.js'
import { FAMILIES } from '../eval/import/families.js'
import { loadResumeFixtures } from '../test/helpers/document-accuracy.js'
import { documentServices } from '../test/helpers/document-files.js'

const roundsArg = process.argv.indexOf('--rounds')
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3
const { documents, templates } = documentServices()
const fixtures = loadResumeFixtures()

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}
const ms = (value: number) => `${value.toFixed(1)} ms`

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const result = await work()
  return [result, performance.now() - start]
}

// Warm up: fonts, pdf.js and mammoth load once per process.
for (const format of ['pdf', 'docx'] as const) {
  const warm = await documents.exportResume(fixtures[0]?.content ?? {}, {
    format,
    templateId: 'classic',
    paper: 'letter',
    title: 'w',
  })
  await documents.importFile(warm.body)
}

const rows: string[][] = []
const all = {
  pdfExport: [] as number[],
  docxExport: [] as number[],
  pdfImport: [] as number[],
  docxImport: [] as number[],
}
for (const template of templates.list().filter((t) => t.source === 'builtin')) {
  const times = {
    pdfExport: [] as number[],
    docxExport: [] as number[],
    pdfImport: [] as number[],
    docxImport: [] as number[],
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const { content } of fixtures) {
      const request = { templateId: template.id, paper: 'letter' as const, title: 'bench' }
      const [pdf, pdfMs] = await timed(() => documents.exportResume(content, { ...request, format: 'pdf' }))
      const [docx, docxMs] = await timed(() => documents.exportResume(content, { ...request, format: 'docx' }))
      const [, pdfIn] = await timed(() => documents.importFile(pdf.body))
      const [, docxIn] = await timed(() => documents.importFile(docx.body))
      times.pdfExport.push(pdfMs)
      times.docxExport.push(docxMs)
      times.pdfImport.push(pdfIn)
      times.docxImport.push(docxIn)
    }
  }
  for (const key of Object.keys(all) as (keyof typeof all)[]) all[key].push(...times[key])
  rows.push([
    template.id,
    ms(median(times.pdfExport)),
    ms(median(times.docxExport)),
    (median(times.pdfExport) / median(times.docxExport)).toFixed(2),
    ms(median(times.pdfImport)),
    ms(median(times.docxImport)),
    (median(times.pdfImport) / median(times.docxImport)).toFixed(2),
  ])
}
rows.push([
  'all',
  ms(median(all.pdfExport)),
  ms(median(all.docxExport)),
  (median(all.pdfExport) / median(all.docxExport)).toFixed(2),
  ms(median(all.pdfImport)),
  ms(median(all.docxImport)),
  (median(all.pdfImport) / median(all.docxImport)).toFixed(2),
])

console.log(`${fixtures.length} sample resumes × ${ROUNDS} rounds per template (median per resume / per file)`)
const header = ['template', 'PDF export', 'DOCX export', 'PDF/DOCX', 'PDF import', 'DOCX import', 'PDF/DOCX']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)))
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`
console.log(line(header))
console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`)
for (const row of rows) console.log(line(row))

// Import of files made by other tools: each file read ROUNDS times, its median kept; then per family the median
// of those and the worst single read.
const corpusRows: string[][] = []
const allMedians: number[] = []
let worstOverall = { ms: 0, file: '' }
for (const family of FAMILIES) {
  const dir = path.join(CORPUS, family.id)
  const files = readdirSync(dir).filter((name) => name.endsWith(`.${family.ext}`))
  const medians: number[] = []
  let worst = { ms: 0, file: '' }
  for (const name of files) {
    const bytes = new Uint8Array(readFileSync(path.join(dir, name)))
    const times: number[] = []
    for (let round = 0; round < ROUNDS; round += 1) {
      const [, took] = await timed(() => documents.importFile(bytes))
      times.push(took)
      if (took > worst.ms) worst = { ms: took, file: name }
    }
    medians.push(median(times))
  }
  allMedians.push(...medians)
  if (worst.ms > worstOverall.ms) worstOverall = { ms: worst.ms, file: `${family.id}/${worst.file}` }
  corpusRows.push([family.id, String(files.length), ms(median(medians)), ms(worst.ms), worst.file])
}
corpusRows.push(['all', String(allMedians.length), ms(median(allMedians)), ms(worstOverall.ms), worstOverall.file])
console.log(`\nImport of the corpus (eval/import/corpus), ${ROUNDS} rounds per file; budget 200 ms median, 2 s worst`)
const corpusHeader = ['family', 'files', 'median per file', 'worst', 'worst file']
const corpusWidths = corpusHeader.map((h, i) => Math.max(h.length, ...corpusRows.map((r) => (r[i] as string).length)))
const corpusLine = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(corpusWidths[i] as number)).join(' | ')} |`
console.log(corpusLine(corpusHeader))
console.log(`| ${corpusWidths.map((w) => '-'.repeat(w)).join(' | ')} |`)
for (const row of corpusRows) console.log(corpusLine(row))
