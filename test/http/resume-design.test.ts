/**
 * The design stored with a resume: created, read, changed and reset over HTTP, refused with 400 VALIDATION_FAILED
 * when a value is out of bounds, and honoured by every export format (checked in the real files: pdftotext words and
 * boxes, pdffonts and pdfinfo for PDF, the DOCX's XML, the HTML page, Markdown and text).
 */
import { describe, expect, it } from 'vitest'
import { BACKEND_POSTING } from '../fixtures/postings.js'
import { BACKEND_RESUME } from '../fixtures/resumes.js'
import { docxText, docxXml, pdfFonts, pdfInfo, pdfText, pdfWords, unzipped } from '../helpers/exported-files.js'
import { type Client, clientOf } from '../helpers/resumes.js'
import { problemOf, registerUser, startTestServer } from '../helpers/server.js'

const ENV = { RATE_LIMIT_ENABLED: 'false' }
const flat = (text: string) => text.replace(/\s+/g, ' ')

async function setup(design?: Record<string, unknown>) {
  const { server } = await startTestServer(ENV)
  const { token } = await registerUser(server)
  const client = clientOf(server, token)
  const created = await client.post('/api/resumes', {
    title: 'Jana',
    content: BACKEND_RESUME,
    ...(design && { design }),
  })
  expect(created.statusCode, created.body).toBe(201)
  return { server, client, id: created.json().id as string }
}

async function download(client: Client, id: string, format: string, query = ''): Promise<Buffer> {
  const response = await client.get(`/api/resumes/${id}/export?format=${format}${query}`)
  expect(response.statusCode, `${format}${query}: ${response.body.slice(0, 300)}`).toBe(200)
  return response.rawPayload
}

const setDesign = async (client: Client, id: string, design: Record<string, unknown>) => {
  const response = await client.patch(`/api/resumes/${id}`, { design })
  expect(response.statusCode, response.body).toBe(200)
  return response.json()
}

/** Every format's text, to compare before and after a design change. */
async function texts(client: Client, id: string) {
  return {
    pdf: flat(pdfText(await download(client, id, 'pdf'))),
    docx: flat(docxText(await download(client, id, 'docx'))),
    html: (await download(client, id, 'html')).toString('utf8'),
    md: (await download(client, id, 'md')).toString('utf8'),
    txt: (await download(client, id, 'txt')).toString('utf8'),
  }
}

/** The first word box of `text` in the PDF. */
function wordBox(pdf: Buffer, text: string) {
  const word = pdfWords(pdf).find((w) => w.text === text)
  if (!word) throw new Error(`no word ${text}`)
  return word
}

describe('the design stored with a resume', { timeout: 180_000 }, () => {
  it('is created, read, changed field by field, reset with null and kept apart from versions', async () => {
    const { client, id } = await setup({ template: 'modern', fontSize: 11, sectionTitles: { work: ' Career ' } })
    const read = (await client.get(`/api/resumes/${id}`)).json()
    expect(read.templateId).toBe('modern')
    expect(read.design).toEqual({
      template: 'modern',
      pageSize: 'letter',
      fontSize: 11,
      sectionTitles: { work: 'Career' },
    })
    const changed = await setDesign(client, id, {
      fontSize: null,
      accentColor: '#AA3300',
      sectionOrder: ['skills'],
      template: 'compact',
    })
    expect(changed).toMatchObject({ templateId: 'compact', headVersion: 1 })
    expect(changed.design).toEqual({
      template: 'compact',
      pageSize: 'letter',
      accentColor: '#AA3300',
      sectionOrder: ['skills'],
      sectionTitles: { work: 'Career' },
    })
    // templateId and design.template are one field.
    expect((await setDesign(client, id, {})).design.template).toBe('compact')
    expect((await client.patch(`/api/resumes/${id}`, { templateId: 'classic' })).json().design.template).toBe('classic')
    expect((await client.get('/api/resumes')).json().items[0].design.accentColor).toBe('#AA3300')
  })

  it('takes its page size from the owner settings, and a tailored copy takes its base design', async () => {
    const { client } = await setup()
    const settings = (await client.get('/api/me/settings')).json()
    expect((await client.put('/api/me/settings', { ...settings, pageSize: 'a4' })).statusCode).toBe(200)
    const base = (await client.post('/api/resumes', { content: BACKEND_RESUME, design: { margins: 40 } })).json()
    expect(base.design).toEqual({ template: 'classic', pageSize: 'a4', margins: 40 })
    const letter = await client.post('/api/resumes', { content: BACKEND_RESUME, design: { pageSize: 'letter' } })
    expect(letter.json().design.pageSize).toBe('letter')
    const job = (await client.post('/api/jobs', { title: 'Backend', description: BACKEND_POSTING })).json()
    const tailored = (await client.post(`/api/resumes/${base.id}/tailor`, { jobId: job.id })).json()
    const copy = (await client.get(`/api/resumes/${tailored.resume.id}`)).json()
    expect(copy.design).toEqual({ template: 'classic', pageSize: 'a4', margins: 40 })
  })

  it('answers 400 VALIDATION_FAILED naming each bad value, and stores nothing', async () => {
    const { client, id } = await setup()
    const bad: [Record<string, unknown>, string][] = [
      [{ pageSize: 'legal' }, '/body/design/pageSize'],
      [{ accentColor: 'red' }, '/body/design/accentColor'],
      [{ accentColor: '#12345' }, '/body/design/accentColor'],
      [{ fontFamily: 'comic-sans' }, '/body/design/fontFamily'],
      [{ fontSize: 30 }, '/body/design/fontSize'],
      [{ fontSize: 'large' }, '/body/design/fontSize'],
      [{ lineSpacing: 0.5 }, '/body/design/lineSpacing'],
      [{ margins: 5 }, '/body/design/margins'],
      [{ margins: 500 }, '/body/design/margins'],
      [{ sectionOrder: ['work', 'work'] }, '/body/design/sectionOrder'],
      [{ sectionOrder: ['hobbies'] }, '/body/design/sectionOrder/0'],
      [{ hiddenSections: 42 }, '/body/design/hiddenSections'],
      [{ sectionTitles: { work: '' } }, '/body/design/sectionTitles/work'],
      [{ sectionTitles: { work: 'x'.repeat(61) } }, '/body/design/sectionTitles/work'],
      [{ sectionTitles: { hobbies: 'Fun' } }, '/body/design/sectionTitles'],
      [{ showPhoto: 'yes' }, '/body/design/showPhoto'],
      [{ colour: '#000000' }, '/body/design'],
      [{ template: 'Not A Template' }, '/body/design/template'],
    ]
    for (const [design, pointer] of bad) {
      for (const response of [
        await client.patch(`/api/resumes/${id}`, { design }),
        await client.post('/api/resumes', { content: BACKEND_RESUME, design }),
      ]) {
        const problem = problemOf(response, 400, 'VALIDATION_FAILED')
        const pointers = (problem.errors as { pointer: string }[]).map((e) => e.pointer)
        expect(
          pointers.some((p) => p === pointer || p.startsWith(`${pointer}/`)),
          `${JSON.stringify(design)}: ${pointers.join(', ')}`,
        ).toBe(true)
      }
    }
    const conflict = await client.patch(`/api/resumes/${id}`, { templateId: 'modern', design: { template: 'compact' } })
    expect(problemOf(conflict, 400, 'VALIDATION_FAILED').errors).toEqual([
      { pointer: '/body/design/template', message: 'must equal templateId when both are given' },
    ])
    for (const query of ['fontSize=99', 'accentColor=blue', 'fontFamily=papyrus', 'margins=1', 'lineSpacing=3']) {
      problemOf(await client.get(`/api/resumes/${id}/export?format=pdf&${query}`), 400, 'VALIDATION_FAILED')
    }
    expect((await client.get(`/api/resumes/${id}`)).json().design).toEqual({ template: 'classic', pageSize: 'letter' })
    expect((await client.get('/api/resumes')).json().items).toHaveLength(1)
  })
})

describe('every format honours the design', { timeout: 180_000 }, () => {
  it('pageSize: A4 pages in PDF and DOCX, @page in HTML', async () => {
    const { client, id } = await setup()
    expect(pdfInfo(await download(client, id, 'pdf'))).toMatchObject({ width: 612, height: 792 })
    await setDesign(client, id, { pageSize: 'a4' })
    const a4 = pdfInfo(await download(client, id, 'pdf'))
    expect([Math.round(a4.width), Math.round(a4.height)]).toEqual([595, 842])
    expect(docxXml(await download(client, id, 'docx'))).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect((await download(client, id, 'html')).toString()).toContain('@page{size:A4;')
    // The query still chooses the page of one download.
    expect(pdfInfo(await download(client, id, 'pdf', '&paper=letter'))).toMatchObject({ width: 612 })
  })

  it('accentColor: headings drawn in it in PDF, DOCX and HTML', async () => {
    const { client, id } = await setup()
    const pixelsOf = async () => {
      const { execFileSync } = await import('node:child_process')
      const pdf = await download(client, id, 'pdf')
      // A PPM of the first page at 20 dpi: count pixels close to the accent colour.
      const ppm = execFileSync('pdftoppm', ['-r', '20', '-f', '1', '-l', '1'], { input: pdf })
      let hits = 0
      for (let i = ppm.length - 20 * 11 * 20 * 8.5 * 3; i + 2 < ppm.length; i += 3) {
        if (Math.abs((ppm[i] ?? 0) - 0xaa) < 40 && Math.abs((ppm[i + 1] ?? 0) - 0x33) < 40 && (ppm[i + 2] ?? 0) < 50) {
          hits += 1
        }
      }
      return hits
    }
    expect(await pixelsOf()).toBe(0)
    await setDesign(client, id, { accentColor: '#aa3300' })
    expect(await pixelsOf()).toBeGreaterThan(20)
    expect(docxXml(await download(client, id, 'docx'))).toContain('<w:color w:val="aa3300"/>')
    expect((await download(client, id, 'html')).toString()).toContain('h1{font-size:22pt;color:#aa3300')
    expect(await pixelsOf()).toBeGreaterThan(20)
  })

  it('fontFamily: the PDF embeds it, the DOCX names it with a fallback, the HTML stacks it', async () => {
    const { client, id } = await setup()
    expect(pdfFonts(await download(client, id, 'pdf')).map((f) => f.name)).toContain('DejaVuSerif')
    await setDesign(client, id, { fontFamily: 'liberation-sans' })
    const fonts = pdfFonts(await download(client, id, 'pdf'))
    expect(fonts).toEqual(
      expect.arrayContaining([
        { name: 'LiberationSans', embedded: true },
        { name: 'LiberationSans-Bold', embedded: true },
      ]),
    )
    expect(fonts.map((f) => f.name)).not.toContain('DejaVuSerif')
    const docx = unzipped(await download(client, id, 'docx'))
    expect(docx.get('word/styles.xml')).toContain('w:ascii="Liberation Sans"')
    expect(docx.get('word/fontTable.xml')).toContain(
      '<w:font w:name="Liberation Sans"><w:altName w:val="Arial"/><w:panose1 w:val="020B0604020202020204"/>',
    )
    expect(docx.get('word/fontTable.xml')).toContain('<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/>')
    expect((await download(client, id, 'html')).toString()).toContain("font-family:'Liberation Sans', Arial")
    // Another family for one download only.
    const serif = await download(client, id, 'pdf', '&fontFamily=dejavu-sans-condensed')
    expect(pdfFonts(serif).map((f) => f.name)).toContain('DejaVuSansCondensed')
    // The template's own font (Classic: DejaVu Serif) falls back to Cambria, which Word installs.
    await setDesign(client, id, { fontFamily: null })
    expect(docxXml(await download(client, id, 'docx'), 'word/fontTable.xml')).toContain(
      '<w:font w:name="DejaVu Serif"><w:altName w:val="Cambria"/>',
    )
  })

  it('fontSize: larger words in the PDF, w:sz in DOCX, font-size in HTML', async () => {
    const { client, id } = await setup({ fontSize: 9 })
    const small = wordBox(await download(client, id, 'pdf'), 'Parcelly')
    await setDesign(client, id, { fontSize: 13 })
    const large = wordBox(await download(client, id, 'pdf'), 'Parcelly')
    expect((large.yMax - large.yMin) / (small.yMax - small.yMin)).toBeCloseTo(13 / 9, 1)
    expect(docxXml(await download(client, id, 'docx'), 'word/styles.xml')).toMatch(/<w:sz w:val="26"\/>/)
    expect((await download(client, id, 'html')).toString()).toContain('font-size:13pt')
  })

  it('lineSpacing: lines further apart in the PDF, w:line in DOCX, line-height in HTML', async () => {
    const { client, id } = await setup()
    const gap = (pdf: Buffer) => wordBox(pdf, 'Mentored').yMin - wordBox(pdf, 'Migrated').yMin
    const single = gap(await download(client, id, 'pdf'))
    await setDesign(client, id, { lineSpacing: 1.5 })
    const wide = gap(await download(client, id, 'pdf'))
    expect(wide).toBeGreaterThan(single * 1.3)
    expect(docxXml(await download(client, id, 'docx'), 'word/styles.xml')).toContain('w:line="360"')
    expect((await download(client, id, 'html')).toString()).toContain('line-height:1.95')
  })

  it('margins: text starts at the margin in the PDF, w:pgMar in DOCX, padding and @page in HTML', async () => {
    const { client, id } = await setup({ margins: 36 })
    expect(wordBox(await download(client, id, 'pdf'), 'Mentored').xMin).toBeCloseTo(36 + 12, 0)
    await setDesign(client, id, { margins: 90 })
    expect(wordBox(await download(client, id, 'pdf'), 'Mentored').xMin).toBeCloseTo(90 + 12, 0)
    expect(docxXml(await download(client, id, 'docx'))).toMatch(
      /<w:pgMar w:top="1800" w:right="1800" w:bottom="1800" w:left="1800"/,
    )
    const html = (await download(client, id, 'html')).toString()
    expect(html).toContain('margin:90pt}')
    expect(html).toContain('padding:90pt}')
  })

  it('sectionOrder: sections in that order in every format', async () => {
    const { client, id } = await setup()
    const before = await texts(client, id)
    for (const text of Object.values(before)) {
      expect(text.indexOf('Parcelly')).toBeLessThan(text.indexOf('TypeScript, JavaScript'))
    }
    await setDesign(client, id, { sectionOrder: ['skills', 'education'] })
    const after = await texts(client, id)
    for (const [format, text] of Object.entries(after)) {
      const skills = text.indexOf('TypeScript, JavaScript')
      expect(skills, format).toBeGreaterThan(0)
      expect(skills, format).toBeLessThan(text.indexOf('TU Berlin'))
      expect(text.indexOf('TU Berlin'), format).toBeLessThan(text.indexOf('Parcelly'))
    }
    expect(after.pdf).toMatch(/SKILLS .*EDUCATION .*SUMMARY .*EXPERIENCE/)
  })

  it('hiddenSections: left out of every format', async () => {
    const { client, id } = await setup()
    await setDesign(client, id, { hiddenSections: ['education', 'summary'] })
    for (const [format, text] of Object.entries(await texts(client, id))) {
      expect(text, format).not.toContain('TU Berlin')
      expect(text, format).not.toContain('reliable logistics platforms')
      expect(text, format).toContain('Parcelly')
    }
  })

  it('sectionTitles: headings renamed in every format', async () => {
    const { client, id } = await setup()
    await setDesign(client, id, { sectionTitles: { work: 'Professional Experience', skills: 'Toolbox' } })
    for (const [format, text] of Object.entries(await texts(client, id))) {
      const upper = text.toUpperCase()
      expect(upper, format).toContain('PROFESSIONAL EXPERIENCE')
      expect(upper, format).toContain('TOOLBOX')
    }
  })

  it('showPhoto: stored with the design for templates with a photo slot', async () => {
    const { client, id } = await setup()
    expect((await setDesign(client, id, { showPhoto: true })).design.showPhoto).toBe(true)
    expect((await setDesign(client, id, { showPhoto: false })).design.showPhoto).toBe(false)
    expect((await setDesign(client, id, { showPhoto: null })).design).not.toHaveProperty('showPhoto')
  })

  it('query values override the stored design for one download', async () => {
    const { client, id } = await setup({ fontSize: 9, accentColor: '#aa3300' })
    const html = (await download(client, id, 'html', '&fontSize=12&accentColor=%23005500&margins=40')).toString()
    expect(html).toContain('font-size:12pt')
    expect(html).toContain('color:#005500')
    expect(html).toContain('padding:40pt}')
    expect((await download(client, id, 'html')).toString()).toContain('font-size:9pt')
  })
})
