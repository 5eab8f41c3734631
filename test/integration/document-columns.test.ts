/**
 * The two-column templates over one page and three pages of content: page counts, every section's heading is drawn, the project's PDF import reads the resume back, and the HTML
 * puts each section in its column.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readJsonResume } from '../../src/domain/documents/json-resume.js'
import { layoutColumns } from '../../src/domain/documents/resume-columns.js'
import { type LayoutBlock, layoutSections, paragraphText } from '../../src/domain/documents/resume-layout.js'
import { BUILTIN_TEMPLATES } from '../../src/domain/templates/builtin-templates.js'
import { FIXTURE_DIR } from '../helpers/document-accuracy.js'
import { documentServices } from '../helpers/document-files.js'

const { documents } = documentServices()
const fixture = (name: string) => JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${name}.json`), 'utf8'))
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
const workDir = mkdtempSync(path.join(tmpdir(), 'rr-columns-'))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

/** A resume long enough for three pages: the veteran's career twice over and 24 groups of skills. */
function longResume() {
  const resume = fixture('two-page-veteran')
  resume.work = [...resume.work, ...resume.work.map((w: { name: string }) => ({ ...w, name: `${w.name} Europe` }))]
  resume.skills = Array.from({ length: 24 }, (_, i) => ({
    name: `Skill group ${i + 1}`,
    keywords: ['PostgreSQL', 'Kubernetes', 'Terraform', 'Go'],
  }))
  return resume
}

interface Sample {
  readonly name: string
  readonly content: { basics: { name: string; email: string }; work: { position: string }[] }
  readonly pages: readonly [number, number]
}
const CONTENT: readonly Sample[] = [
  { name: 'one page', content: fixture('backend-engineer'), pages: [1, 1] },
  { name: 'three pages', content: longResume(), pages: [3, 4] },
]
const COLUMN_TEMPLATES = BUILTIN_TEMPLATES.filter((t) => t.style?.columns)

const squash = (s: string) => s.replace(/[\s\-\u00ad\u2010]+/g, '').toLowerCase()
const textOf = (block: LayoutBlock) =>
  block.kind === 'contact' ? block.parts.join(' ') : block.kind === 'paragraph' ? paragraphText(block) : block.text

/**
 * Which column each line of a page's text comes from, in order ('main' or 'aside'; lines found in both or neither
 * are left out), read by the blocks each column holds.
 */
function columnSequence(pageText: string, main: readonly LayoutBlock[], aside: readonly LayoutBlock[]): string[] {
  const mainText = squash(main.map(textOf).join('\n'))
  const asideText = squash(aside.map(textOf).join('\n'))
  return pageText
    .split('\n')
    .map(squash)
    .filter((line) => line.length >= 6)
    .flatMap((line) => {
      const inMain = mainText.includes(line)
      const inAside = asideText.includes(line)
      return inMain === inAside ? [] : [inMain ? 'main' : 'aside']
    })
}

/** Runs of the same column: one column's block then the other's is [x, y]; interleaved lines make more runs. */
const runs = (sequence: readonly string[]) => sequence.filter((c, i) => c !== sequence[i - 1])

describe('two-column templates', { timeout: 90_000 }, () => {
  it('are listed with descriptions that say DOCX, Markdown and text keep one column', () => {
    expect(COLUMN_TEMPLATES.map((t) => t.id)).toEqual(['sidebar', 'two-column'])
    for (const template of COLUMN_TEMPLATES) expect(template.description).toMatch(/DOCX, Markdown and text keep one/)
  })

  for (const template of COLUMN_TEMPLATES) {
    for (const [index, { name, content, pages }] of CONTENT.entries()) {
      it(`${template.id}, ${name}: PDF keeps every heading, its pages and links, and imports back`, async () => {
        const exported = await documents.exportResume(content, {
          format: 'pdf',
          templateId: template.id,
          paper: 'letter',
          title: `${name} resume`,
        })
        const resume = readJsonResume(content)
        const columns = template.style?.columns
        if (!columns) throw new Error('a column template has columns')
        const placed = layoutColumns(resume, {}, columns)

        const imported = readJsonResume((await documents.importFile(exported.body)).content)
        expect(imported.basics?.name).toBe(content.basics.name)
        expect(imported.basics?.email).toBe(content.basics.email)
        expect(imported.work?.map((w) => w.position)).toEqual(content.work.map((w) => w.position))
        expect(Buffer.from(exported.body).toString('latin1')).toContain(`mailto:${content.basics.email}`)

        if (!hasPdftotext) return
        const file = path.join(workDir, `${template.id}-${index}.pdf`)
        writeFileSync(file, exported.body)
        const pdftotext = (...args: string[]) =>
          execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8' })
        const count = pdftotext()
          .split('\f')
          .filter((page) => page.trim()).length
        expect(count).toBeGreaterThanOrEqual(pages[0])
        expect(count).toBeLessThanOrEqual(pages[1])
        // The project's import reads each column whole (checked above); pdftotext's own reading order still
        // interleaves blocks of the two columns where headings of both share a row, so that is only reported here.
        for (let page = 1; page <= count; page += 1) {
          const sequence = columnSequence(pdftotext('-f', `${page}`, '-l', `${page}`), placed.main, placed.aside)
          if (runs(sequence).length > 2) console.log(`${template.id} ${name} page ${page}: ${runs(sequence).join(' ')}`)
        }
        const all = squash(pdftotext())
        for (const { blocks } of layoutSections(resume)) expect(all).toContain(squash(textOf(blocks[0] as LayoutBlock)))
        if (columns.contact === 'aside') expect(all).toContain('contact')
      })
    }

    it(`${template.id}: HTML puts each section in its column, in the design's order, without hidden ones`, async () => {
      const design = { sectionOrder: ['education', 'skills', 'work'] as const, hiddenSections: ['summary'] as const }
      const exported = await documents.exportResume(fixture('backend-engineer'), {
        format: 'html',
        templateId: template.id,
        paper: 'letter',
        title: 'r',
        design: { sectionOrder: [...design.sectionOrder], hiddenSections: [...design.hiddenSections] },
      })
      const html = new TextDecoder().decode(exported.body)
      const main = html.slice(html.indexOf('<div class="column-main">'), html.indexOf('<aside class="column-aside">'))
      const aside = html.slice(html.indexOf('<aside class="column-aside">'), html.indexOf('</aside>'))
      expect(main).not.toBe('')
      expect(aside).not.toBe('')
      const headings = (part: string) => [...part.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1])
      const asideSections = new Set(template.style?.columns?.asideSections)
      expect(headings(main)).toEqual(
        ['Education', 'Experience'].filter((h) => !(h === 'Education' && asideSections.has('education'))),
      )
      expect(headings(aside)).toEqual([
        ...(template.id === 'sidebar' ? ['Contact'] : []),
        ...(asideSections.has('education') ? ['Education'] : []),
        'Skills',
      ])
      expect(html).not.toContain('<h2>Summary</h2>')
      expect(html.indexOf('<h1>Alex Morgan</h1>')).toBeLessThan(html.indexOf('<aside'))
      expect(html).toContain('<a href="mailto:alex.morgan@example.com">alex.morgan@example.com</a>')
    })
  }
})
