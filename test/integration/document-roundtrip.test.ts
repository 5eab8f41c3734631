/**
 * Export → import round trips over every built-in template and every sample resume in test/fixtures/resumes:
 * field-level precision and recall of the parsed resume against the original, printed per template and format,
 * and a pdftotext check that each PDF's text layer reads in the order the resume was laid out (column by column for
 * two-column templates).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readJsonResume } from '../../src/domain/documents/json-resume.js'
import { layoutColumns } from '../../src/domain/documents/resume-columns.js'
import { type LayoutBlock, layoutResume, PART_SEPARATOR } from '../../src/domain/documents/resume-layout.js'
import { BUILTIN_TEMPLATES } from '../../src/domain/templates/builtin-templates.js'
import type { Template } from '../../src/domain/templates/template.types.js'
import { type Accuracy, accuracyOf, loadResumeFixtures } from '../helpers/document-accuracy.js'
import { documentServices } from '../helpers/document-files.js'

const fixtures = loadResumeFixtures()
const { documents } = documentServices()
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
const workDir = mkdtempSync(path.join(tmpdir(), 'rr-roundtrip-'))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

// pdftotext joins words hyphenated at a line end (Urbana-|Champaign → UrbanaChampaign) and marks right-to-left
// runs with bidi controls, so hyphens and those marks are ignored along with white space.
const squash = (s: string) => s.replace(/[\s\-\u00ad\u2010\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, '').toLowerCase()

/**
 * The layout's texts in order; each must be found in the extracted text after the previous one. A two-column
 * template's band across the top, main column and narrow column are each read in order on their own.
 */
function readingOrderProblems(extracted: string, content: Record<string, unknown>, template: Template): string[] {
  const resume = readJsonResume(content)
  const columns = template.style?.columns
  if (!columns) return inOrderProblems(extracted, layoutResume(resume))
  const { top, main, aside } = layoutColumns(resume, {}, columns)
  return [top, main, aside].flatMap((blocks) => inOrderProblems(extracted, blocks))
}

function inOrderProblems(extracted: string, blocks: readonly LayoutBlock[]): string[] {
  const haystack = squash(extracted)
  const problems: string[] = []
  let at = 0
  for (const block of blocks) {
    const text =
      block.kind === 'contact'
        ? block.parts.join(PART_SEPARATOR)
        : block.kind === 'paragraph' && block.lead
          ? `${block.lead}: ${block.text}`
          : block.text
    const needle = squash(text)
    const found = haystack.indexOf(needle, at)
    if (found < 0) problems.push(`${block.kind} "${text.slice(0, 60)}" missing or out of order`)
    else at = found + needle.length
  }
  return problems
}

function summarise(label: string, results: { name: string; accuracy: Accuracy }[]) {
  const mean = (key: 'precision' | 'recall') => results.reduce((sum, r) => sum + r.accuracy[key], 0) / results.length
  const lowest = (key: 'precision' | 'recall') => Math.min(...results.map((r) => r.accuracy[key]))
  const facts = results.reduce((sum, r) => sum + r.accuracy.expected, 0)
  console.log(
    `${label}: ${results.length} resumes, ${facts} facts — precision mean ${mean('precision').toFixed(3)} (min ${lowest('precision').toFixed(3)}), recall mean ${mean('recall').toFixed(3)} (min ${lowest('recall').toFixed(3)})`,
  )
  for (const r of results.filter((x) => x.accuracy.precision < 1 || x.accuracy.recall < 1)) {
    console.log(
      `  ${r.name}: P ${r.accuracy.precision.toFixed(3)} R ${r.accuracy.recall.toFixed(3)} missing ${JSON.stringify(r.accuracy.missing)} extra ${JSON.stringify(r.accuracy.extra)}`,
    )
  }
  return {
    precision: mean('precision'),
    recall: mean('recall'),
    minPrecision: lowest('precision'),
    minRecall: lowest('recall'),
  }
}

// Dozens of renders and parses per test: generous time on a shared 2-core machine.
describe('document round trips', { timeout: 180_000 }, () => {
  it('has at least ten varied sample resumes', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10)
    const names = fixtures.map((f) => f.name)
    expect(names).toEqual(expect.arrayContaining(['two-page-veteran', 'non-ascii-names', 'few-sections', 'minimal']))
  })

  for (const template of BUILTIN_TEMPLATES) {
    for (const paper of ['letter', 'a4'] as const) {
      it(`PDF (${template.id}, ${paper}) → import recovers the fields and pdftotext reads them in order`, async () => {
        const results: { name: string; accuracy: Accuracy }[] = []
        for (const fixture of fixtures) {
          const exported = await documents.exportResume(fixture.content, {
            format: 'pdf',
            templateId: template.id,
            paper,
            title: `${fixture.name} resume`,
          })
          const imported = await documents.importFile(exported.body)
          expect(imported.report.type).toBe('pdf')
          results.push({ name: fixture.name, accuracy: accuracyOf(fixture.content, imported.content) })
          if (hasPdftotext) {
            const file = path.join(workDir, `${template.id}-${paper}-${fixture.name}.pdf`)
            writeFileSync(file, exported.body)
            const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
            expect(readingOrderProblems(text, fixture.content, template), `${fixture.name} reading order`).toEqual([])
          }
        }
        const summary = summarise(`PDF ${template.id} ${paper}`, results)
        // Two-column PDFs read back less exactly (short sidebar lines, entries split over pages): a lower floor
        // that still catches a column read into the wrong sections.
        const floor = template.style?.columns ? { mean: 0.9, min: 0.65 } : { mean: 0.95, min: 0.9 }
        expect(summary.precision).toBeGreaterThanOrEqual(floor.mean)
        expect(summary.recall).toBeGreaterThanOrEqual(floor.mean)
        expect(summary.minRecall).toBeGreaterThanOrEqual(floor.min)
      })
    }

    it(`DOCX (${template.id}) → import recovers the fields`, async () => {
      const results: { name: string; accuracy: Accuracy }[] = []
      for (const fixture of fixtures) {
        const exported = await documents.exportResume(fixture.content, {
          format: 'docx',
          templateId: template.id,
          paper: 'letter',
          title: `${fixture.name} resume`,
        })
        const imported = await documents.importFile(exported.body)
        expect(imported.report.type).toBe('docx')
        results.push({ name: fixture.name, accuracy: accuracyOf(fixture.content, imported.content) })
      }
      const summary = summarise(`DOCX ${template.id}`, results)
      expect(summary.precision).toBeGreaterThanOrEqual(0.95)
      expect(summary.recall).toBeGreaterThanOrEqual(0.95)
      expect(summary.minRecall).toBeGreaterThanOrEqual(0.9)
    })
  }

  it.runIf(!hasPdftotext && process.env.CI)('pdftotext is installed in CI (poppler-utils)', () => {
    expect(hasPdftotext).toBe(true)
  })

  it('JSON Resume export and import are lossless (deep-equal), unknown fields included', async () => {
    for (const fixture of fixtures) {
      const content = {
        ...fixture.content,
        meta: { version: 'v1.0.0', canonical: 'https://example.com/r.json' },
        'x-custom': [1, { a: null }],
      }
      const exported = await documents.exportResume(content, {
        format: 'json',
        templateId: 'classic',
        paper: 'letter',
        title: 'r',
      })
      expect(exported.contentType).toBe('application/json; charset=utf-8')
      expect(JSON.parse(new TextDecoder().decode(exported.body))).toEqual(content)
      const imported = await documents.importFile(exported.body)
      expect(imported.content).toEqual(content)
      expect(imported.report.type).toBe('json')
    }
  })
})
