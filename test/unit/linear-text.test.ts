/**
 * Hostile text through the domain's scanners: each input below took 5–60 s before the scanners were made linear
 * (super-linear patterns, a rescan per mention or per token, a column search over the page width). Each must now
 * finish well within a second of CPU time (the process's, so time spent waiting for a core on a shared machine does
 * not count; the bound is loose still). Results must stay right too.
 */
import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import { htmlToBlocks } from '../../src/adapters/documents/docx.reader.js'
import { pdfReader, splitColumns } from '../../src/adapters/documents/pdf.reader.js'
import type { TextBlock } from '../../src/domain/documents/document.types.js'
import { parseResumeBlocks } from '../../src/domain/documents/resume-text-parser.js'
import { sectionOfHeading } from '../../src/domain/documents/section-vocabulary.js'
import { analyzeJob } from '../../src/domain/intelligence/analysis/job-analysis.js'
import { checkParseability } from '../../src/domain/intelligence/ats/parseability.js'
import { suggest } from '../../src/domain/intelligence/suggestions/suggestions.js'
import { newNames } from '../../src/domain/intelligence/tailoring/truthfulness.js'
import { scrubJsonLine, scrubText } from '../../src/observability/redaction.js'
import { BACKEND_POSTING } from '../fixtures/postings.js'
import { BACKEND_RESUME } from '../fixtures/resumes.js'
import { TEST_IMPORT_LIMITS } from '../helpers/document-files.js'

const BOUND_MS = 1500

/** CPU milliseconds (user and system) the process has used since `since` (a process.cpuUsage() reading). */
function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

/** Runs `work` and fails when it uses more CPU time than the bound; returns its result. */
function quick<T>(work: () => T): T {
  const started = process.cpuUsage()
  const result = work()
  expect(cpuMsSince(started)).toBeLessThan(BOUND_MS)
  return result
}

async function quickAsync<T>(work: () => Promise<T>): Promise<T> {
  const started = process.cpuUsage()
  const result = await work()
  expect(cpuMsSince(started)).toBeLessThan(BOUND_MS)
  return result
}

const emailIssue = (email: string) =>
  checkParseability({ basics: { email } }).issues.find((i) => i.pointer === '/basics/email')?.code

describe('the parseability email check', () => {
  it.each([
    ['dots between two "@"', `a@${'.'.repeat(100_000)}@`],
    ['labels and dots', `a@${'b.'.repeat(50_000)}@`],
    ['a long local part', `${'a'.repeat(100_000)}@`],
    ['a run of "@"', '@'.repeat(100_000)],
    ['a trailing space', `a@b${'.c'.repeat(50_000)} x`],
  ])('rejects %s in linear time', (_, email) => {
    expect(quick(() => emailIssue(email))).toBe('INVALID_EMAIL')
  })

  it('still accepts an address and refuses near misses', () => {
    expect(emailIssue('jana.novak@example.com')).toBeUndefined()
    expect(emailIssue('a@b.c')).toBeUndefined()
    for (const bad of ['a@b', 'a@.b', 'a@b.', '@b.c', 'a b@c.d', 'a@b@c.d'])
      expect(emailIssue(bad)).toBe('INVALID_EMAIL')
  })
})

describe('job analysis', () => {
  const postings: [string, string][] = [
    ['one mention after another', `Backend engineer\n${'C/'.repeat(24_991)}`],
    ['a digit, tabs and a word', `Backend engineer\n5${'\t'.repeat(49_981)}x`],
    ['a number, spaces, a dash and spaces', `Backend engineer\n5 ${' '.repeat(24_990)}-${' '.repeat(24_990)}`],
    ['a long run of colons', `Backend engineer\nSkills${':'.repeat(49_980)}x`],
    ['mentions between commas', `Engineer\nRequirements:\n${'Python, '.repeat(6_240)}nice to have`],
    ['cues after every mention', `Engineer\n${'SQL is a plus; '.repeat(3_300)}`],
    ['"offers a" without a perk', `Engineer\n${'We offers a '.repeat(4_150)}`],
    ['degree words without a field', `Engineer\nRequirements:\n${"bachelor' in ".repeat(3_800)}`],
    ['blank lines before a label', `Engineer\n${'\n'.repeat(49_000)}office`],
    ['a title line of white space', `Engineer${'\t'.repeat(49_000)}- x`],
    ['a title line of separators', `Engineer${' - '.repeat(16_000)}\r`],
    ['years and ranges', `Engineer\n${'5 - 5 '.repeat(8_300)}`],
  ]

  it.each(postings)('reads %s in linear time', (_, description) => {
    expect(quick(() => analyzeJob({ description })).algorithmVersion).toBeDefined()
  })

  it('still finds the skills, years and title of an ordinary posting', () => {
    const analysis = analyzeJob({ description: BACKEND_POSTING })
    expect(analysis.title).toBe('Senior Backend Engineer')
    expect(analysis.requiredSkills.map((s) => s.id)).toEqual(
      expect.arrayContaining(['typescript', 'postgresql', 'kubernetes']),
    )
    expect(analysis.yearsOfExperience).toMatchObject({ min: 5, importance: 'required' })
    const perks = analyzeJob({ description: 'Engineer\nArcline offers a generous bonus and Python training.' })
    expect(perks.requiredSkills).toEqual([])
  })
})

const block = (text: string, kind: TextBlock['kind'] = 'text'): TextBlock => ({ text, kind, bold: false, scale: 1 })

describe('the resume text parser', () => {
  const inputs: [string, TextBlock[]][] = [
    ['a run of dots (email)', [block('.'.repeat(50_000))]],
    ['a run of address characters', [block(`${'a'.repeat(50_000)} x`)]],
    ['many "@" without a domain', [block('a@'.repeat(25_000))]],
    ['alternating title separators', [block('Experience', 'heading'), block(`Engineer${' - x'.repeat(12_000)}`)]],
    ['opening parentheses (languages)', [block('Languages', 'heading'), block(`${'('.repeat(50_000)})`)]],
    ['dashes (languages)', [block('Languages', 'heading'), block(`a${'-'.repeat(50_000)}`)]],
    ['"in" after "in" (education)', [block('Education', 'heading'), block(`BSc, ${'in '.repeat(16_000)}`)]],
    ['a long skills lead', [block('Skills', 'heading'), block(`${'('.repeat(50_000)}): Go`)]],
    ['"at" after "at"', [block('Experience', 'heading'), block(`Engineer${' at x'.repeat(12_000)}`, 'heading')]],
  ]

  it.each(inputs)('reads %s in linear time', (_, blocks) => {
    expect(quick(() => parseResumeBlocks(blocks, 'pdf')).report).toBeDefined()
  })

  it('still reads a header, a role and languages', () => {
    const { content } = parseResumeBlocks(
      [
        { text: 'Jana Novak', kind: 'heading', bold: true, scale: 2 },
        block('jana.novak@example.com | +420 601 123 456'),
        block('Experience', 'heading'),
        { text: 'Senior Engineer at Parcelly', kind: 'text', bold: true, scale: 1 },
        block('Jan 2020 – Present'),
        block('Languages', 'heading'),
        block('Czech (native), English - fluent'),
      ],
      'pdf',
    )
    expect(content.basics).toMatchObject({ name: 'Jana Novak', email: 'jana.novak@example.com' })
    expect(content.work?.[0]).toMatchObject({ position: 'Senior Engineer', name: 'Parcelly', startDate: '2020-01' })
    expect(content.languages).toEqual([
      { language: 'Czech', fluency: 'native' },
      { language: 'English', fluency: 'fluent' },
    ])
  })

  it('spells out "&" in a heading padded with spaces', () => {
    expect(quick(() => sectionOfHeading(`${' '.repeat(100_000)}x&`))).toBeUndefined()
    expect(sectionOfHeading('Skills  &  Tools')).toBe('skills')
  })
})

describe('the PDF column split', () => {
  const item = (x: number, y: number, width: number) => ({ x, y, width })

  it('takes time by the number of text items, not by the width of the page', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => item((i % 2) * 5e11 + (i % 7), 800 - (i % 400) * 2, 100))
    expect(quick(() => splitColumns(items, 1e12)).length).toBe(2)
    expect(quick(() => splitColumns(items.slice(0, 40), Number.POSITIVE_INFINITY))).toEqual([items.slice(0, 40)])
  })

  it('still splits two columns under a full-width header', () => {
    const header = item(40, 780, 500)
    const left = [0, 1, 2, 3, 4].map((row) => item(40, 700 - row * 14, 200))
    const right = [0, 1, 2, 3, 4].map((row) => item(330, 700 - row * 14, 200))
    expect(splitColumns([header, ...left, ...right], 612)).toEqual([[header], left, right])
    expect(splitColumns([...left, ...left.map((it) => item(it.x, it.y - 100, it.width))], 612)).toHaveLength(1)
  })

  it('reads a PDF with a page a billion units wide', async () => {
    const bytes = await widePdf(1e9)
    // pdf.js loads its fonts and workers on first use; time the second read.
    await pdfReader.read(await widePdf(612), TEST_IMPORT_LIMITS)
    const blocks = await quickAsync(() => pdfReader.read(bytes, TEST_IMPORT_LIMITS))
    expect(blocks.map((b) => b.text).join(' ')).toContain('Line 11 of the resume')
  })
})

function widePdf(width: number): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: [width, 800], margin: 0 })
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    for (let i = 0; i < 12; i += 1) {
      doc.fontSize(10).text(`Line ${i} of the resume`, 10, 20 + i * 14, { lineBreak: false })
    }
    doc.end()
  })
}

describe('the DOCX tokenizer', () => {
  it.each([
    ['unclosed "<"', '<'.repeat(100_000)],
    ['a tag name that never closes', `<p${'a'.repeat(100_000)}/`],
  ])('reads %s in linear time', (_, html) => {
    expect(quick(() => htmlToBlocks(html))).toBeDefined()
  })
})

describe('redaction', () => {
  it.each([
    ['a run of address characters', '-'.repeat(100_000)],
    ['dots after an "@"', `a@${'.'.repeat(100_000)}`],
    ['an array of strings split by new lines', `{"DSN":[""${'\n'.repeat(100_000)}N`],
  ])('scrubs %s in linear time', (_, line) => {
    expect(quick(() => scrubJsonLine(line))).toBeDefined()
    expect(quick(() => scrubText(line))).toBeDefined()
  })

  it('still masks emails and sensitive values', () => {
    expect(scrubText('write to a.b@example.com or c@d.io')).toBe('write to [REDACTED] or [REDACTED]')
    expect(scrubJsonLine('{"password":"hunter2","emails":["x@y.io"]}')).toBe(
      '{"password":"[REDACTED]","emails":["[REDACTED]"]}',
    )
  })
})

describe('suggestions and edit checks', () => {
  it('scores every missing skill of a posting that names thousands', () => {
    const names = ['Python', 'Go', 'Rust', 'Kotlin', 'Terraform', 'Kafka', 'Redis', 'GraphQL', 'Django', 'Figma']
    const many = analyzeJob({ description: BACKEND_POSTING })
    const asks = Array.from({ length: 3_000 }, (_, i) => ({
      ...(many.requiredSkills[0] as (typeof many.requiredSkills)[number]),
      id: `skill-${i}`,
      name: `${names[i % names.length]} ${i}`,
    }))
    const analysis = { ...many, requiredSkills: asks, preferredSkills: [] }
    const items = quick(() => suggest(BACKEND_RESUME, analysis, { asOf: '2026-11' }))
    expect(items.filter((i) => i.code === 'ADD_REQUIRED_SKILL')).toHaveLength(3_000)
  })

  it('finds new names in a long rewrite', () => {
    const text = 'Built Parcelly tooling with Acme partners. '.repeat(2_000)
    expect(quick(() => newNames(text, { work: [{ name: 'Parcelly' }] }))).toEqual(['Acme'])
  })
})
