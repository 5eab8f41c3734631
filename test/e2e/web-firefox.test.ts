import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import puppeteer, { type Browser, type Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWebApp, POSTING, SCREENSHOTS, startWebServer, VIEWPORTS } from '../helpers/web-app.js'

/**
 * The web app in real Firefox: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (nothing is
 * downloaded). The Chromium test (web.test.ts) covers every feature; this one walks the main path in the other
 * engine and checks that no screen overflows a phone's width.
 */
const FIREFOX = '/usr/bin/firefox-esr'
const hasFirefox = existsSync(FIREFOX)
if (!hasFirefox) {
  // Printed so a skipped run says why (CI installs the package in .ci/run).
  console.warn(`web e2e in Firefox skipped: ${FIREFOX} is missing (apt-get install -y firefox-esr)`)
}

let browser: Browser | undefined
let webApp: Awaited<ReturnType<typeof buildWebApp>> | undefined

/** An element by its tag and whole visible text (XPath runs in the page, so it works in every engine). */
const byText = (tag: string, text: string) => `::-p-xpath(//${tag}[normalize-space()="${text}"])`

/** Scripts run in the page are strings: the tests' tsconfig has no DOM types. */
const inPage = (value: unknown) => JSON.stringify(value)

async function waitForText(page: Page, selector: string, text: string | RegExp): Promise<void> {
  const pattern = typeof text === 'string' ? `^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : text.source
  await page.waitForFunction(
    `new RegExp(${inPage(pattern)}).test(document.querySelector(${inPage(selector)})?.textContent?.trim() ?? '')`,
    { timeout: 15_000 },
  )
}

/** Waits for the element to show, then clicks it with real pointer events. */
async function click(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { visible: true, timeout: 15_000 })
  await page.click(selector)
}

const waitForSaved = (page: Page) => waitForText(page, '[data-testid="save-state"]', 'Saved')

/** Screenshots at laptop and phone widths; at phone width nothing may be wider than the screen. */
async function checkScreen(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewport(viewport)
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')
    expect(overflow, `${name} is wider than the ${size} screen`).toBeLessThanOrEqual(0)
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-firefox-${size}.png`) as `${string}.png`, fullPage: true })
  }
  await page.setViewport(VIEWPORTS.laptop)
}

describe.skipIf(!hasFirefox)('web app in Firefox', () => {
  beforeAll(async () => {
    webApp = await buildWebApp()
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // A finished download must not open the downloads panel over the page.
      extraPrefsFirefox: { 'browser.download.alwaysOpenPanel': false },
    })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await webApp?.remove()
  })

  it('signs up, edits with autosave that survives a reload, commits, scores a posting and previews and exports, at laptop and phone widths', async () => {
    if (!browser || !webApp) throw new Error('not started')
    const base = await startWebServer(webApp.root)
    // Downloads land in a folder of this run, with no downloads panel in the way of the next click.
    const context = await browser.createBrowserContext({
      downloadBehavior: { policy: 'allow', downloadPath: join(webApp.root, 'downloads') },
    })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`))
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
        problems.push(`console error: ${message.text()}`)
      }
    })
    await page.setViewport(VIEWPORTS.laptop)

    await page.goto(`${base}/signup`)
    await page.locator('input[name="email"]').fill(`zoe.${Date.now()}@example.com`)
    await page.locator('input[name="password"]').fill('correct horse battery')
    await click(page, byText('button', 'Create account'))
    await page.locator(byText('h1', 'Your resumes')).wait()

    await page.locator('input[name="title"]').fill('Platform engineer')
    await page.locator('input[name="tags"]').fill('backend')
    await click(page, byText('button', 'Create resume'))
    await page.locator(byText('h1', 'Platform engineer')).wait()
    await waitForSaved(page)
    const id = /\/resumes\/([0-9a-f-]{36})/.exec(page.url())?.[1]
    expect(id).toBeDefined()

    // Typing autosaves (If-Match) and a reload shows what was typed, accents included.
    await page.locator('[id="field.basics.name"]').fill('Zoë Åkesson')
    await page.locator('[id="field.basics.label"]').fill('Platform Engineer')
    await waitForSaved(page)
    await page.reload()
    await page.locator('[id="field.basics.name"]').wait()
    expect(await page.evaluate(`document.getElementById('field.basics.name').value`)).toBe('Zoë Åkesson')
    await checkScreen(page, 'editor')

    await click(page, byText('a', 'History'))
    await page.locator('input[name="message"]').fill('Name and headline')
    await click(page, byText('button', 'Commit version'))
    await page.locator(byText('*', 'Committed version 2.')).wait()
    await checkScreen(page, 'history')

    await click(page, byText('a', 'Job match'))
    await page.locator('textarea[name="posting"]').fill(POSTING)
    await click(page, byText('button', 'Analyse posting'))
    await waitForText(page, '[data-testid="overall-score"]', /^\d+$/)
    expect(await page.$eval('.analysis', (element) => element.textContent)).toContain('PostgreSQL')
    await checkScreen(page, 'job-report')

    // The preview renders the committed version; the PDF download is a real PDF file.
    await click(page, byText('a', 'Design & export'))
    await page.waitForFunction(`document.querySelector('iframe')?.getAttribute('srcdoc')?.includes('Zoë Åkesson')`, {
      timeout: 15_000,
    })
    await click(page, byText('button', 'Download PDF'))
    await waitForText(page, '[role="status"].hint', 'PDF download started.')
    // Named after the resume, as the export's Content-Disposition says.
    const downloaded = join(webApp.root, 'downloads', 'Platform-engineer.pdf')
    await expect.poll(() => existsSync(downloaded), { timeout: 15_000 }).toBe(true)
    expect((await readFile(downloaded)).subarray(0, 5).toString()).toBe('%PDF-')
    await checkScreen(page, 'design')

    await click(page, byText('a', 'Resumes'))
    await page.locator(byText('h1', 'Your resumes')).wait()
    await checkScreen(page, 'resume-list')
    await click(page, byText('button', 'Sign out'))
    await page.locator(byText('h1', 'Sign in')).wait()
    expect(problems).toEqual([])
    await context.close()
  }, 180_000)
})
