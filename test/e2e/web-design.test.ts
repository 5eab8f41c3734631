import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWebApp, SCREENSHOTS, startWebServer, VIEWPORTS } from '../helpers/web-app.js'

/**
 * The Design screen in real Chromium: the preview shows uncommitted edits, design options change the preview as they
 * are chosen, and the downloaded PDF reads as the preview does.
 */
const CHROMIUM = '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) console.warn(`web design e2e skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`)

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

let webApp: Awaited<ReturnType<typeof buildWebApp>> | undefined
let browser: Browser

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

async function previewText(page: Page): Promise<string> {
  return squash((await page.frameLocator('iframe.preview-frame').locator('main').textContent()) ?? '')
}

/** Waits until the preview's text satisfies `test` (it reloads after each autosave and design change). */
async function previewUntil(page: Page, test: (text: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 20_000
  for (;;) {
    const text = await previewText(page).catch(() => '')
    if (test(text)) return text
    if (Date.now() > deadline) throw new Error(`the preview never showed ${what}: ${text.slice(0, 300)}`)
    await page.waitForTimeout(200)
  }
}

describe.skipIf(!hasChromium)('Design screen in Chromium', () => {
  beforeAll(async () => {
    webApp = await buildWebApp()
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await webApp?.remove()
  })

  it('previews the uncommitted draft, follows design changes, and downloads a PDF that reads like the preview', async () => {
    if (!webApp) throw new Error('the web app is not built')
    const base = await startWebServer(webApp.root)
    const context = await browser.newContext({ viewport: VIEWPORTS.laptop, acceptDownloads: true })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))

    await page.goto(`${base}/signup`)
    await page.getByLabel('Email').fill(`grace.${Date.now()}@example.com`)
    await page.getByLabel('Password').fill('correct horse battery')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.getByRole('heading', { name: 'Your resumes' }).waitFor()
    await page.getByLabel('New resume title').fill('Compiler engineer')
    await page.getByRole('button', { name: 'Create resume' }).click()
    await page.getByRole('heading', { name: 'Compiler engineer', level: 1 }).waitFor()

    // Edits autosave into the draft; nothing is committed.
    await page.getByLabel('Full name').fill('Grace Hopper')
    await page.getByLabel('Email', { exact: true }).fill('grace@example.com')
    await page.getByLabel('Summary').fill('Compiler pioneer who made programming readable.')
    await page.getByText('Work experience (0)').click()
    await page.getByRole('button', { name: 'Add position' }).click()
    await page.getByLabel('Company', { exact: true }).fill('Remington Rand')
    await page.getByLabel('Position', { exact: true }).fill('Senior Mathematician')
    await page.getByLabel('Start date').first().fill('1949-01')
    await page.locator('[data-testid="save-state"]', { hasText: /^Saved$/ }).waitFor({ timeout: 15_000 })

    await page.getByRole('link', { name: 'Design & export' }).click()
    const before = await previewUntil(page, (t) => t.includes('Remington Rand'), 'the uncommitted position')
    expect(before).toContain('Grace Hopper')
    expect(before.indexOf('Summary')).toBeLessThan(before.indexOf('Experience'))

    // Design options: each is saved at once and the preview follows.
    await page.getByLabel('Title of the Experience section').fill('Professional Experience')
    await page.getByLabel('Title of the Experience section').press('Tab')
    await previewUntil(page, (t) => t.includes('Professional Experience'), 'the renamed section')
    await page.getByRole('button', { name: 'Move Experience up' }).click()
    await previewUntil(
      page,
      (t) => t.indexOf('Professional Experience') >= 0 && t.indexOf('Professional Experience') < t.indexOf('Summary'),
      'Experience before Summary',
    )
    await page.getByLabel('Show Summary').uncheck()
    await previewUntil(page, (t) => !t.includes('Compiler pioneer'), 'the summary hidden')
    await page.getByLabel('Font', { exact: true }).selectOption('liberation-sans')
    await page.getByLabel('Font size').selectOption('12')
    await page.getByLabel('Page size').selectOption('a4')
    const frame = page.frameLocator('iframe.preview-frame')
    await expect
      .poll(async () => frame.locator('body').evaluate((b) => getComputedStyle(b).fontSize), { timeout: 20_000 })
      .toBe('16px')
    expect(await frame.locator('body').evaluate((b) => getComputedStyle(b).fontFamily)).toMatch(/^"Liberation Sans"/)
    const preview = await previewText(page)
    // No serious or critical accessibility problem among the new controls (axe-core).
    await page.evaluate(await readFile(AXE_SOURCE, 'utf8'))
    const violations = await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) =>
      result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)
    expect(violations).toEqual([])
    await frame.getByText('Grace Hopper').first().waitFor()
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport)
      await page.screenshot({ path: join(SCREENSHOTS, `design-options-${size}.png`), fullPage: true })
    }
    await page.setViewportSize(VIEWPORTS.laptop)
    await page.locator('iframe.preview-frame').screenshot({ path: join(SCREENSHOTS, 'design-preview.png') })

    // The PDF is the draft with the design: the preview's words in the preview's order, on A4, in Liberation Sans.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PDF' }).click(),
    ])
    const pdfPath = join(webApp.root, 'design.pdf')
    await download.saveAs(pdfPath)
    const pdfText = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }))
    // Case aside: the HTML upper-cases headings with CSS, the PDF with the letters themselves.
    const words = (text: string) => text.toLowerCase().replace(/[·—–]/g, ' ').split(/\s+/).filter(Boolean)
    expect(words(pdfText)).toEqual(words(preview))
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts/)
    expect(execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' })).toContain('LiberationSans')
    expect(await readFile(pdfPath)).toBeTruthy()

    // Still nothing committed: History downloads version 1, the empty resume it was created as.
    await page.getByRole('link', { name: 'History', exact: true }).first().click()
    const [versionOne] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download version 1 as PDF' }).click(),
    ])
    const versionPath = join(webApp.root, 'version-1.pdf')
    await versionOne.saveAs(versionPath)
    const versionText = execFileSync('pdftotext', ['-enc', 'UTF-8', versionPath, '-'], { encoding: 'utf8' })
    expect(versionText).not.toContain('Grace Hopper')
    expect(versionText).not.toContain('Remington Rand')
    expect(problems).toEqual([])
    await context.close()
  }, 180_000)
})
