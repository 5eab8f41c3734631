/**
 * npm run corpus: draws every truth of the import corpus with its family's generator and writes
 * eval/import/corpus/<family>/<id>.<pdf|docx> beside <id>.json (the truth), plus manifest.json with the tools'
 * exact versions. A family whose tool is not installed is skipped and its committed files are kept, so the
 * evaluation always runs on the committed corpus. Nothing is downloaded: themes come from this folder's
 * package.json (npm ci --prefix scripts/corpus), Chromium, pandoc and LibreOffice from Debian
 * (apt-get install chromium pandoc libreoffice-writer-nogui).
 * Run: npm run corpus [-- --only theme-even,pandoc]
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import puppeteer, { type Browser } from 'puppeteer-core'
import { FAMILIES, type Family } from '../../eval/import/families.js'
import { loadTruths, type Truth, type TruthDocument } from '../../eval/import/truths.js'
import { documentServices } from '../../test/helpers/document-files.js'
import { type DocxLayout, docxOf, markdownOf } from './writers.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const OUT = path.join(ROOT, 'eval/import/corpus')
const HERE = import.meta.dirname
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const PER_FAMILY = 22
const LAYOUTS: readonly DocxLayout[] = ['plain', 'table', 'header']
const TEMPLATES = ['classic', 'modern', 'compact']

const onlyArg = process.argv.indexOf('--only')
const only = onlyArg > 0 ? new Set((process.argv[onlyArg + 1] ?? '').split(',')) : undefined

function version(command: string, args: string[]): string | undefined {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')[0]
      ?.trim()
  } catch {
    return undefined
  }
}

function themeVersion(name: string): string | undefined {
  const file = path.join(HERE, 'node_modules', name, 'package.json')
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : undefined
}

/** The truths a family draws: a window of the list that starts at a different place for each family. */
function truthsOf(truths: readonly TruthDocument[], index: number): TruthDocument[] {
  return Array.from({ length: PER_FAMILY }, (_, j) => truths[(index * 13 + j) % truths.length] as TruthDocument)
}

function renderTheme(name: string, resume: Truth): string {
  return execFileSync(process.execPath, [path.join(HERE, 'render-theme.mjs'), name], {
    cwd: HERE,
    input: JSON.stringify(resume),
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
  })
}

let browser: Browser | undefined
async function printHtml(html: string): Promise<Uint8Array> {
  browser ??= await puppeteer.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
  })
  const page = await browser.newPage()
  try {
    // Offline by construction: anything but inline data (web fonts, icon CDNs, gravatar) is refused, as a machine
    // without a network would.
    await page.setRequestInterception(true)
    page.on('request', (request) => {
      const url = request.url()
      if (url.startsWith('data:') || url === 'about:blank') void request.continue()
      else void request.abort()
    })
    await page.setContent(html, { waitUntil: 'load', timeout: 30_000 })
    return await page.pdf({ format: 'Letter', printBackground: true, timeout: 30_000 })
  } finally {
    await page.close()
  }
}

function soffice(docx: Buffer): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lo-'))
  try {
    writeFileSync(path.join(dir, 'in.docx'), docx)
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        path.join(dir, 'in.docx'),
      ],
      { stdio: 'ignore', timeout: 120_000 },
    )
    return readFileSync(path.join(dir, 'in.pdf'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function pandocHtml(markdown: string, title: string): string {
  return execFileSync(
    'pandoc',
    ['--from', 'markdown', '--to', 'html5', '--standalone', '--metadata', `pagetitle=${title}`],
    {
      input: markdown,
      encoding: 'utf8',
    },
  )
}

function pandocDocx(markdown: string): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-pandoc-'))
  try {
    execFileSync('pandoc', ['--from', 'markdown', '--to', 'docx', '--output', path.join(dir, 'out.docx')], {
      input: markdown,
    })
    return readFileSync(path.join(dir, 'out.docx'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const renderer = documentServices().documents

async function draw(family: Family, doc: TruthDocument, j: number): Promise<Uint8Array> {
  const { resume } = doc
  if (family.id.startsWith('theme-')) {
    return printHtml(renderTheme(`jsonresume-theme-${family.id.slice('theme-'.length)}`, resume))
  }
  switch (family.id) {
    case 'pandoc':
      return printHtml(pandocHtml(markdownOf(resume), String(resume.basics?.name ?? 'Resume')))
    case 'docx':
      return docxOf(resume, LAYOUTS[j % LAYOUTS.length] as DocxLayout)
    case 'pandoc-docx':
      return pandocDocx(markdownOf(resume))
    case 'libreoffice':
      return soffice(await docxOf(resume, LAYOUTS[j % LAYOUTS.length] as DocxLayout))
    case 'roleready': {
      const exported = await renderer.exportResume(resume, {
        format: 'pdf',
        templateId: TEMPLATES[j % TEMPLATES.length] as string,
        paper: 'letter',
        title: String(resume.basics?.name ?? 'Resume'),
      })
      return exported.body
    }
  }
  throw new Error(`no generator for ${family.id}`)
}

function available(family: Family): string | undefined {
  if (family.id.startsWith('theme-')) {
    const name = `jsonresume-theme-${family.id.slice('theme-'.length)}`
    const theme = themeVersion(name)
    const chromium = version(CHROMIUM, ['--version'])
    return theme && chromium ? `${name} ${theme}; ${chromium}` : undefined
  }
  switch (family.id) {
    case 'pandoc': {
      const pandoc = version('pandoc', ['--version'])
      const chromium = version(CHROMIUM, ['--version'])
      return pandoc && chromium ? `${pandoc}; ${chromium}` : undefined
    }
    case 'docx':
      return `docx ${themeVersionOfRoot('docx')}`
    case 'pandoc-docx':
      return version('pandoc', ['--version'])
    case 'libreoffice': {
      const lo = version('soffice', ['--version'])
      return lo ? `docx ${themeVersionOfRoot('docx')}; ${lo}` : undefined
    }
    case 'roleready':
      return `RoleReady PDF templates (${TEMPLATES.join(', ')}); pdfkit ${themeVersionOfRoot('pdfkit')}`
  }
  return undefined
}

function themeVersionOfRoot(name: string): string {
  return (
    JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }
  ).version
}

const truths = loadTruths()
const manifestFile = path.join(OUT, 'manifest.json')
const manifest = (existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : { families: {} }) as {
  families: Record<string, { split: string; tools: string; files: string[] }>
}
for (const [index, family] of FAMILIES.entries()) {
  if (only && !only.has(family.id)) continue
  const tools = available(family)
  if (!tools) {
    console.log(`${family.id}: tool not installed, keeping the committed files`)
    continue
  }
  const dir = path.join(OUT, family.id)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const files: string[] = []
  for (const [j, doc] of truthsOf(truths, index).entries()) {
    try {
      const bytes = await draw(family, doc, j)
      writeFileSync(path.join(dir, `${doc.id}.${family.ext}`), bytes)
      writeFileSync(path.join(dir, `${doc.id}.json`), `${JSON.stringify(doc.resume, null, 2)}\n`)
      files.push(`${doc.id}.${family.ext}`)
    } catch (error) {
      console.log(`${family.id}/${doc.id}: ${(error as Error).message}`)
    }
  }
  manifest.families[family.id] = { split: family.split, tools, files }
  console.log(`${family.id}: ${files.length} files (${tools})`)
}
manifest.families = Object.fromEntries(Object.entries(manifest.families).sort(([a], [b]) => a.localeCompare(b)))
writeFileSync(manifestFile, `${JSON.stringify({ node: process.version, ...manifest }, null, 2)}\n`)
await browser?.close()
