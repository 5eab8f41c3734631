/**
 * Chinese, Japanese and Korean text in PDF exports: drawn with the built-in Noto Sans CJK fallback (or the
 * operator's font when one is configured), readable by pdftotext and by RoleReady's own importer, while Latin text
 * keeps the template's font.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createPdfRenderer } from '../../src/adapters/documents/pdf.renderer.js'
import type { JsonResumeDocument } from '../../src/domain/documents/document.types.js'
import { BUILTIN_TEMPLATES } from '../../src/domain/templates/builtin-templates.js'
import { documentServices } from '../helpers/document-files.js'

const { documents } = documentServices()

const resume = {
  basics: {
    name: '王小明',
    label: '软件工程师 · ソフトウェアエンジニア',
    email: 'xiaoming.wang@example.com',
    phone: '+86 10 1234 5678',
    location: { city: '北京', countryCode: 'CN' },
  },
  work: [
    {
      name: '株式会社さくらテック',
      position: 'シニアエンジニア',
      location: '東京',
      startDate: '2020-04',
      highlights: ['決済システムを設計し、レイテンシを40%削減しました', 'Built the payments API in Go'],
    },
    {
      name: '네이버',
      position: '백엔드 개발자',
      location: '서울',
      startDate: '2016-03',
      endDate: '2020-03',
      highlights: ['검색 서비스의 응답 시간을 절반으로 줄였습니다'],
    },
    {
      name: 'Acme Corporation',
      position: 'Software Engineer',
      startDate: '2013-07',
      endDate: '2016-02',
      highlights: ['Maintained the billing pipeline'],
    },
  ],
  skills: [{ name: 'Languages', keywords: ['中文', '日本語', '한국어', 'English'] }],
} satisfies JsonResumeDocument

const CJK_LINES = [
  '王小明',
  '软件工程师 · ソフトウェアエンジニア',
  'シニアエンジニア — 株式会社さくらテック',
  '• 決済システムを設計し、レイテンシを40%削減しました',
  '백엔드 개발자 — 네이버',
  '• 검색 서비스의 응답 시간을 절반으로 줄였습니다',
  'Languages: 中文, 日本語, 한국어, English',
]

function tempFile(name: string, bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'roleready-cjk-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  const file = path.join(dir, name)
  writeFileSync(file, bytes)
  return file
}

/** Each text item of the first page with the base name of the font pdf.js says it is drawn in. */
async function textItemFonts(bytes: Uint8Array): Promise<{ text: string; font: string }[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise
  try {
    const page = await pdf.getPage(1)
    const content = await page.getTextContent()
    await page.getOperatorList() // loads the fonts, so their names can be looked up
    const items: { text: string; font: string }[] = []
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue
      const font = page.commonObjs.get(item.fontName) as { name: string }
      items.push({ text: item.str, font: font.name.replace(/^[A-Z]{6}\+/, '') })
    }
    return items
  } finally {
    await pdf.destroy()
  }
}

const embeddedFonts = (file: string) =>
  execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [name = '', ...rest] = line.trim().split(/\s+/)
      return { name: name.replace(/^[A-Z]{6}\+/, ''), embedded: rest.at(-4) === 'yes' }
    })

describe('CJK text in PDF exports', { timeout: 90_000 }, () => {
  for (const templateId of ['classic', 'modern', 'compact']) {
    it(`draws Chinese, Japanese and Korean with Noto Sans CJK and reads them back (${templateId})`, async () => {
      const exported = await documents.exportResume(resume, { format: 'pdf', templateId, paper: 'letter', title: 'r' })
      const file = tempFile('cjk.pdf', exported.body)

      // (a) the CJK fallbacks are embedded (regular and bold: the name and job titles are bold)
      const fonts = embeddedFonts(file)
      for (const name of ['NotoSansHans-Regular', 'NotoSansHans-Bold', 'NotoSansKR-Regular', 'NotoSansKR-Bold'])
        expect(fonts, name).toContainEqual({ name, embedded: true })

      // (b) pdftotext reads the exact strings, line by line, in reading order
      const lines = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
        .split('\n')
        .map((line) => line.trim())
      let at = -1
      for (const expected of CJK_LINES) {
        const found = lines.indexOf(expected, at + 1)
        expect(found, `"${expected}" after line ${at} of\n${lines.join('\n')}`).toBeGreaterThan(at)
        at = found
      }
      expect(lines).toContain('xiaoming.wang@example.com · +86 10 1234 5678 · 北京, CN')

      // (c) the importer reads the CJK fields back
      const imported = await documents.importFile(exported.body)
      expect(imported.content).toMatchObject({
        basics: { name: '王小明', label: resume.basics.label, email: resume.basics.email },
        work: [
          { name: '株式会社さくらテック', position: 'シニアエンジニア', highlights: resume.work[0]?.highlights },
          { name: '네이버', position: '백엔드 개발자', highlights: resume.work[1]?.highlights },
          { name: 'Acme Corporation', position: 'Software Engineer' },
        ],
      })

      // (d) Latin text stays in the template's font, CJK text is in Noto Sans CJK
      const items = await textItemFonts(exported.body)
      const fontOf = (text: string) => items.find((item) => item.text.includes(text))?.font
      const template = { classic: 'DejaVuSerif', modern: 'DejaVuSans', compact: 'DejaVuSansCondensed' }[templateId]
      expect(fontOf('Built the payments API in Go')).toBe(template)
      expect(fontOf('xiaoming.wang@example.com')).toBe(template)
      expect(fontOf('Acme Corporation')).toBe(`${template}-Bold`)
      expect(fontOf('王小明')).toBe('NotoSansHans-Bold')
      expect(fontOf('決済システム')).toBe('NotoSansHans-Regular')
      expect(fontOf('검색 서비스의')).toBe('NotoSansKR-Regular')
    })
  }

  it('keeps CJK text on the line it shares with Latin text (same baseline)', async () => {
    const exported = await documents.exportResume(
      { basics: { name: 'Wang 王小明 Xiaoming' } },
      { format: 'pdf', templateId: 'modern', paper: 'letter', title: 'r' },
    )
    const pdf = await getDocument({ data: new Uint8Array(exported.body), verbosity: 0, isEvalSupported: false }).promise
    const page = await pdf.getPage(1)
    const items = (await page.getTextContent()).items.filter((i) => 'str' in i && i.str.trim() !== '')
    const baselines = new Set(items.map((i) => ('transform' in i ? (i.transform[5] as number).toFixed(2) : '')))
    await pdf.destroy()
    expect(items.length).toBeGreaterThan(1)
    expect([...baselines]).toHaveLength(1)
  })

  it('embeds no CJK font in a resume without CJK text', async () => {
    const exported = await documents.exportResume(
      { basics: { name: 'Zoë Ångström', label: 'Инженер' } },
      { format: 'pdf', templateId: 'classic', paper: 'letter', title: 'r' },
    )
    expect(Buffer.from(exported.body).toString('latin1')).not.toMatch(/NotoSans/)
  })

  it("tries the operator's fallback font before the built-in ones", async () => {
    // Noto Sans CJK KR named as the operator's font: it has 王小明 (as Hanja) but not 软师, which still reach the
    // built-in Simplified Chinese font. The operator's font has one weight, used for bold too.
    const require = createRequire(import.meta.url)
    const fallbackFontFile = path.join(
      path.dirname(require.resolve('@embedpdf/fonts-kr')),
      '..',
      'fonts',
      'NotoSansKR-Regular.otf',
    )
    const template = BUILTIN_TEMPLATES.find((t) => t.id === 'classic')
    if (!template) throw new Error('classic template missing')
    const bytes = await createPdfRenderer({ fallbackFontFile }).render(
      { basics: { name: '王小明', label: '软师' } },
      template,
      { paper: 'letter', title: 'r', author: '王小明' },
    )
    const items = await textItemFonts(bytes)
    expect(items).toEqual([
      { text: '王小明', font: 'NotoSansKR-Regular' },
      { text: '软师', font: 'NotoSansHans-Regular' },
    ])
  })
})
