/** What each export format promises: escaping, metadata, paper sizes, pages, embedded fonts, file names, themes. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it, onTestFinished } from 'vitest'
import yauzl from 'yauzl'
import { visualWordOrder } from '../../src/adapters/documents/pdf.renderer.js'
import { catalogOf, loadThemeCatalog } from '../../src/adapters/documents/theme-catalog.js'
import { safeFileName } from '../../src/domain/documents/document.service.js'
import { DomainError } from '../../src/domain/errors.js'
import { FIXTURE_DIR } from '../helpers/document-accuracy.js'
import { documentServices, pdfOf } from '../helpers/document-files.js'

const fixture = (name: string) => JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${name}.json`), 'utf8'))
const { documents } = documentServices()
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

async function pdfFacts(bytes: Uint8Array) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise
  const info = (await pdf.getMetadata()).info as unknown as Record<string, string>
  const pages: { width: number; height: number; text: string; outside: number }[] = []
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n)
    const { width, height } = page.getViewport({ scale: 1 })
    const content = await page.getTextContent()
    let outside = 0
    const parts: string[] = []
    for (const item of content.items) {
      if (!('str' in item)) continue
      parts.push(item.str)
      const [, , , , x, y] = item.transform as number[]
      if ((x as number) < 0 || (x as number) + item.width > width + 0.5 || (y as number) < 0 || (y as number) > height)
        outside += 1
    }
    pages.push({ width, height, text: parts.join(' '), outside })
  }
  await pdf.destroy()
  return { info, pages }
}

function docxEntry(bytes: Uint8Array, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error)
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry()
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError)
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
        })
      })
      zip.on('end', () => reject(new Error(`${name} not in archive`)))
      zip.readEntry()
    })
  })
}

describe('HTML, Markdown and text export', () => {
  it('escapes every user string in HTML: markup in fields shows as text', async () => {
    const exported = await documents.exportResume(fixture('markup-in-fields'), {
      format: 'html',
      templateId: 'classic',
      paper: 'letter',
      title: '<Robin> "CV"',
    })
    expect(exported.contentType).toBe('text/html; charset=utf-8')
    const html = text(exported.body)
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<\/li><li>injected|<Ltd>/i)
    expect(html).toContain('<h1>Robin &lt;script&gt;alert(1)&lt;/script&gt; Tables</h1>')
    expect(html).toContain('<li>Escaped &lt;/li&gt;&lt;li&gt;injected items</li>')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('<title>&lt;Robin&gt; &quot;CV&quot;</title>')
    expect(html).toContain('<meta name="author" content="Robin &lt;script&gt;alert(1)&lt;/script&gt; Tables">')
  })

  it('writes Markdown with standard headings and escaped markup', async () => {
    const md = text(
      (
        await documents.exportResume(fixture('markup-in-fields'), {
          format: 'md',
          templateId: 'modern',
          paper: 'letter',
          title: 'r',
        })
      ).body,
    )
    expect(md.split('\n')[0]).toBe('# Robin \\<script\\>alert(1)\\</script\\> Tables')
    expect(md).toContain("## Experience\n\n### Developer — O'Reilly & Sons \\<Ltd\\>")
    expect(md).toContain('- Used \\[links\\](http://evil.example) in text')
    const backend = text(
      (
        await documents.exportResume(fixture('backend-engineer'), {
          format: 'md',
          templateId: 'classic',
          paper: 'letter',
          title: 'r',
        })
      ).body,
    )
    expect(backend).toContain('*Mar 2020 – Present · Portland, OR*')
    expect(backend).toContain('**Languages:** TypeScript, Go, SQL')
  })

  it('writes plain text with upper-case headings and bullets', async () => {
    const exported = await documents.exportResume(fixture('backend-engineer'), {
      format: 'txt',
      templateId: 'compact',
      paper: 'letter',
      title: 'Alex CV',
    })
    expect(exported.contentType).toBe('text/plain; charset=utf-8')
    expect(exported.fileName).toBe('Alex-CV.txt')
    const lines = text(exported.body).split('\n')
    expect(lines.slice(0, 3)).toEqual([
      'Alex Morgan',
      'Senior Software Engineer',
      'alex.morgan@example.com · +1 555 010 0199 · https://alexmorgan.example.com · Portland, OR, US',
    ])
    expect(lines).toContain('EXPERIENCE')
    expect(lines).toContain('• Led the migration of 120 services to PostgreSQL 15')
  })

  it('folds titles into safe file names', () => {
    expect(safeFileName('Zoë Ångström — CV 2024', 'pdf')).toBe('Zoe-Angstrom-CV-2024.pdf')
    expect(safeFileName('../../etc/passwd', 'docx')).toBe('etc-passwd.docx')
    expect(safeFileName('山田', 'md')).toBe('resume.md')
  })
})

describe('PDF export', { timeout: 90_000 }, () => {
  it('carries title and author metadata, embeds its fonts and has a selectable text layer', async () => {
    const exported = await documents.exportResume(fixture('non-ascii-names'), {
      format: 'pdf',
      templateId: 'classic',
      paper: 'letter',
      title: 'Zoë — Lebenslauf',
    })
    expect(exported.contentType).toBe('application/pdf')
    expect(exported.fileName).toBe('Zoe-Lebenslauf.pdf')
    const { info, pages } = await pdfFacts(exported.body)
    expect(info.Title).toBe('Zoë — Lebenslauf')
    expect(info.Author).toBe('Zoë Ångström-Müller')
    expect(info.Creator).toBe('RoleReady')
    const raw = Buffer.from(exported.body).toString('latin1')
    expect(raw).toContain('/FontFile2')
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSerif-Bold/)
    expect(pages[0]?.text).toContain('Zoë Ångström-Müller')
    expect(pages[0]?.text).toContain('Łódź Software Spółka')
  })

  it('uses US Letter or A4 as asked', async () => {
    for (const [paper, width, height] of [
      ['letter', 612, 792],
      ['a4', 595.28, 841.89],
    ] as const) {
      const exported = await documents.exportResume(fixture('minimal'), {
        format: 'pdf',
        templateId: 'modern',
        paper,
        title: 'r',
      })
      const { pages } = await pdfFacts(exported.body)
      expect(pages[0]?.width).toBeCloseTo(width, 1)
      expect(pages[0]?.height).toBeCloseTo(height, 1)
    }
  })

  it('breaks a long resume over several pages without text outside any page', async () => {
    for (const templateId of ['classic', 'modern', 'compact']) {
      const exported = await documents.exportResume(fixture('two-page-veteran'), {
        format: 'pdf',
        templateId,
        paper: 'letter',
        title: 'r',
      })
      const { pages } = await pdfFacts(exported.body)
      expect(pages.length, templateId).toBeGreaterThanOrEqual(2)
      expect(pages.map((p) => p.outside)).toEqual(pages.map(() => 0))
      expect(pages.at(-1)?.text).toContain('AWS Certified Solutions Architect')
    }
  })

  it('draws Hebrew and Arabic in reading order, with DejaVu Sans standing in where the serif font lacks them', async () => {
    expect(visualWordOrder('דנה לוי')).toBe('דנה\u00a0לוי')
    expect(visualWordOrder('Dana Levi')).toBe('Dana Levi')
    const exported = await documents.exportResume(
      { basics: { name: 'דנה לוי', label: 'مهندسة برمجيات', email: 'dana@example.com' } },
      { format: 'pdf', templateId: 'classic', paper: 'letter', title: 'r' },
    )
    const raw = Buffer.from(exported.body).toString('latin1')
    expect(raw).toMatch(/\+DejaVuSans-Bold/)
    const imported = await documents.importFile(exported.body)
    expect(imported.content).toMatchObject({
      basics: { name: 'דנה לוי', label: 'مهندسة برمجيات', email: 'dana@example.com' },
    })
  })
})

describe('DOCX export', () => {
  it('sets title and author, the paper size, and Word heading styles', async () => {
    const exported = await documents.exportResume(fixture('backend-engineer'), {
      format: 'docx',
      templateId: 'modern',
      paper: 'a4',
      title: 'Alex Morgan CV',
    })
    expect(exported.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(exported.fileName).toBe('Alex-Morgan-CV.docx')
    const core = await docxEntry(exported.body, 'docProps/core.xml')
    expect(core).toContain('<dc:title>Alex Morgan CV</dc:title>')
    expect(core).toContain('<dc:creator>Alex Morgan</dc:creator>')
    const body = await docxEntry(exported.body, 'word/document.xml')
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(body).toContain('<w:pStyle w:val="Heading1"/>')
    expect(body).toContain('<w:pStyle w:val="Heading2"/>')
    expect(body).toContain('<w:numPr>')
  })
})

describe('JSON Resume themes', () => {
  it('lists an installed theme package as an HTML-only template and renders with it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rr-themes-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    mkdirSync(path.join(dir, 'jsonresume-theme-plain'))
    writeFileSync(
      path.join(dir, 'jsonresume-theme-plain', 'package.json'),
      JSON.stringify({
        name: 'jsonresume-theme-plain',
        version: '1.2.3',
        description: 'Plain theme',
        main: 'index.js',
      }),
    )
    writeFileSync(
      path.join(dir, 'jsonresume-theme-plain', 'index.js'),
      "exports.render = (resume) => '<html><body><h1>' + resume.basics.name + '</h1></body></html>'",
    )
    mkdirSync(path.join(dir, 'jsonresume-theme-broken'))
    writeFileSync(
      path.join(dir, 'jsonresume-theme-broken', 'package.json'),
      '{"name":"jsonresume-theme-broken","main":"none.js"}',
    )
    const skipped: string[] = []
    const themes = await loadThemeCatalog(dir, (name) => skipped.push(name))
    expect(themes.list()).toEqual([
      { id: 'theme-plain', packageName: 'jsonresume-theme-plain', version: '1.2.3', description: 'Plain theme' },
    ])
    expect(skipped).toEqual(['jsonresume-theme-broken'])

    const { templates, documents: withThemes } = documentServices({}, themes)
    expect(templates.get('theme-plain')).toMatchObject({ source: 'theme', formats: ['html', 'json'] })
    expect(await templates.preview('theme-plain')).toBe('<html><body><h1>Alex Morgan</h1></body></html>')
    const html = await withThemes.exportResume(fixture('minimal'), {
      format: 'html',
      templateId: 'theme-plain',
      paper: 'letter',
      title: 'r',
    })
    expect(text(html.body)).toBe('<html><body><h1>Kim Nguyen</h1></body></html>')
    const pdf = withThemes.exportResume(fixture('minimal'), {
      format: 'pdf',
      templateId: 'theme-plain',
      paper: 'letter',
      title: 'r',
    })
    await expect(pdf).rejects.toSatisfy((e) => e instanceof DomainError && e.code === 'EXPORT_FORMAT_UNSUPPORTED')
  })

  it('has no themes when none are installed', () => {
    expect(catalogOf([]).list()).toEqual([])
  })
})

describe('two-column PDFs from elsewhere', () => {
  it('reads a sidebar layout column by column', async () => {
    const bytes = await pdfOf((doc) => {
      doc.font('Helvetica-Bold').fontSize(20).text('Maria Silva', 40, 40, { width: 530 })
      const sideX = 40
      const mainX = 230
      let y = 90
      doc.font('Helvetica-Bold').fontSize(11).text('CONTACT', sideX, y, { width: 160 })
      doc.font('Helvetica').fontSize(9.5)
      doc.text('maria.silva@example.pt', sideX, y + 18, { width: 160 })
      doc.text('+351 21 555 0100', sideX, y + 32, { width: 160 })
      doc.text('Lisbon, Portugal', sideX, y + 46, { width: 160 })
      doc
        .font('Helvetica-Bold')
        .fontSize(11)
        .text('SKILLS', sideX, y + 80, { width: 160 })
      doc.font('Helvetica').fontSize(9.5)
      doc.text('Python, Django, PostgreSQL', sideX, y + 98, { width: 160 })
      doc.text('Docker, AWS', sideX, y + 112, { width: 160 })
      doc.font('Helvetica-Bold').fontSize(11).text('EXPERIENCE', mainX, y, { width: 340 })
      y += 18
      for (const [title, dates, bullets] of [
        [
          'Backend Developer — Farfetch',
          'Mar 2019 – Present',
          ['Built the returns service used in 190 countries', 'Cut API latency by half'],
        ],
        ['Software Engineer — OutSystems', 'Sep 2015 – Feb 2019', ['Maintained the deployment pipeline']],
      ] as const) {
        doc.font('Helvetica-Bold').fontSize(9.5).text(title, mainX, y, { width: 340 })
        doc.font('Helvetica').text(dates, mainX, y + 13, { width: 340 })
        y += 28
        for (const bullet of bullets) {
          doc.text(`• ${bullet}`, mainX, y, { width: 340 })
          y += 13
        }
        y += 8
      }
      doc.font('Helvetica-Bold').fontSize(11).text('EDUCATION', mainX, y, { width: 340 })
      doc
        .font('Helvetica-Bold')
        .fontSize(9.5)
        .text('MSc, Informatics — University of Lisbon', mainX, y + 18, { width: 340 })
      doc.font('Helvetica').text('2013 – 2015', mainX, y + 31, { width: 340 })
    })
    const imported = await documents.importFile(bytes)
    expect(imported.content).toMatchObject({
      basics: {
        name: 'Maria Silva',
        email: 'maria.silva@example.pt',
        phone: '+351 21 555 0100',
        location: { city: 'Lisbon' },
      },
      skills: [{ keywords: ['Python', 'Django', 'PostgreSQL'] }, { keywords: ['Docker', 'AWS'] }],
      work: [
        {
          name: 'Farfetch',
          position: 'Backend Developer',
          startDate: '2019-03',
          highlights: ['Built the returns service used in 190 countries', 'Cut API latency by half'],
        },
        {
          name: 'OutSystems',
          position: 'Software Engineer',
          startDate: '2015-09',
          endDate: '2019-02',
          highlights: ['Maintained the deployment pipeline'],
        },
      ],
      education: [
        {
          institution: 'University of Lisbon',
          studyType: 'MSc',
          area: 'Informatics',
          startDate: '2013',
          endDate: '2015',
        },
      ],
    })
    expect(imported.content.basics).not.toHaveProperty('label')
    expect(imported.report.unrecognised).toEqual([])
    expect(imported.report.sections).toEqual({ basics: 1, skills: 2, work: 2, education: 1 })
  })
})
