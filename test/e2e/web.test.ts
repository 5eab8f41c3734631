import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWebApp, POSTING, SCREENSHOTS, startWebServer, VIEWPORTS } from '../helpers/web-app.js'

/**
 * The web app in real Chromium (Debian's /usr/bin/chromium, driven by playwright-core; nothing is downloaded) against
 * the service on an ephemeral port, with the app built by Vite the same way `npm run build` does.
 */
const CHROMIUM = '/usr/bin/chromium'
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

let webApp: Awaited<ReturnType<typeof buildWebApp>> | undefined
const webRootOf = (): string => {
  if (!webApp) throw new Error('the web app is not built')
  return webApp.root
}
let browser: Browser

const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) {
  // Printed so a skipped run says why (CI installs the package in .ci/run).
  console.warn(`web e2e skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`)
}

/** Fails the test on a script error or a Content-Security-Policy refusal in the page. */
function watchConsole(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
      problems.push(`console error: ${message.text()}`)
    }
  })
}

async function axeCheck(page: Page, screen: string): Promise<void> {
  // evaluate() runs outside the page's CSP, so axe need not be served by the app.
  await page.evaluate(await readFile(AXE_SOURCE, 'utf8'))
  // A string runs in the page as it is (the test's own tsconfig has no DOM types).
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) =>
    result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[]
  expect(violations, `accessibility violations on ${screen}`).toEqual([])
}

/** Screenshots at laptop and phone widths, then back to the laptop size. */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport)
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size}.png`), fullPage: true })
  }
  await page.setViewportSize(VIEWPORTS.laptop)
}

async function mainScreen(page: Page, name: string): Promise<void> {
  await axeCheck(page, name)
  await screenshots(page, name)
}

const saveState = (page: Page): Locator => page.getByTestId('save-state')

async function waitForSaved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-state"]', { hasText: /^Saved$/ }).waitFor({ timeout: 15_000 })
}

async function signUp(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/signup`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('correct horse battery')
  await page.getByRole('button', { name: 'Create account' }).click()
  await page.getByRole('heading', { name: 'Your resumes' }).waitFor()
}

async function createResume(page: Page, title: string): Promise<string> {
  await page.getByLabel('New resume title').fill(title)
  await page.getByLabel('Tags (comma separated)').fill('backend, go')
  await page.getByRole('button', { name: 'Create resume' }).click()
  await page.getByRole('heading', { name: title, level: 1 }).waitFor()
  await waitForSaved(page)
  const id = /\/resumes\/([0-9a-f-]{36})/.exec(page.url())?.[1]
  if (!id) throw new Error(`not on a resume page: ${page.url()}`)
  return id
}

async function draftOf(page: Page, id: string): Promise<Record<string, unknown>> {
  return page.evaluate(async (resumeId) => {
    const response = await fetch(`/api/resumes/${resumeId}/draft`)
    return ((await response.json()) as { content: Record<string, unknown> }).content
  }, id)
}

describe.skipIf(!hasChromium)('web app in Chromium', () => {
  beforeAll(async () => {
    webApp = await buildWebApp()
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await webApp?.remove()
  })

  it('signs up, edits with autosave, commits, diffs, scores a posting, applies a suggestion, exports a PDF and imports it', async () => {
    const base = await startWebServer(webRootOf())
    // The real build: content-hashed assets cached for a year, the page itself revalidated.
    const index = await fetch(base, { headers: { accept: 'text/html' } })
    expect(index.headers.get('cache-control')).toBe('no-cache')
    const assets = [...(await index.text()).matchAll(/\/assets\/[\w.-]+-[\w-]{8}\.(?:js|css)/g)].map((m) => m[0])
    expect(assets.length).toBeGreaterThanOrEqual(2)
    for (const asset of assets) {
      const response = await fetch(`${base}${asset}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    }

    const context = await browser.newContext({ viewport: VIEWPORTS.laptop, acceptDownloads: true })
    const page = await context.newPage()
    const problems: string[] = []
    watchConsole(page, problems)

    await signUp(page, base, `ada.${Date.now()}@example.com`)
    const id = await createResume(page, 'Backend engineer')

    // Edit: basics, a position with highlights, a skill; autosave shows "Saved" and survives a reload.
    await page.getByLabel('Full name').fill('Ada Lovelace')
    await page.getByLabel('Headline (e.g. Backend Engineer)').fill('Backend Engineer')
    await page.getByLabel('Email', { exact: true }).fill('ada@example.com')
    await page.getByText('Work experience (0)').click()
    await page.getByRole('button', { name: 'Add position' }).click()
    await page.getByLabel('Company', { exact: true }).fill('Initech')
    await page.getByLabel('Position', { exact: true }).fill('Backend Engineer')
    await page.getByLabel('Start date').first().fill('2015-03')
    await page.getByRole('button', { name: 'Add highlight' }).click()
    await page
      .getByRole('textbox', { name: 'Highlight 1', exact: true })
      .fill('Built Go services on Kubernetes handling 2 million requests a day')
    await page.getByRole('button', { name: 'Add highlight' }).click()
    await page
      .getByRole('textbox', { name: 'Highlight 2', exact: true })
      .fill('Tuned PostgreSQL queries, cutting p99 latency by 40%')
    // Reorder with the keyboard: focus "move down" on the first highlight and press Enter.
    await page.getByRole('button', { name: 'Move highlight 1 down' }).focus()
    await page.keyboard.press('Enter')
    expect(await page.getByRole('textbox', { name: 'Highlight 1', exact: true }).inputValue()).toContain('PostgreSQL')
    await page.getByText('Skills (0)').click()
    await page.getByRole('button', { name: 'Add skill' }).click()
    await page.getByLabel('Skill', { exact: true }).fill('Go')
    // An invalid date is saved but named, with a way back to its field; fixing it clears the warning.
    await page.getByLabel('End date (empty if current)').fill('sometime')
    const fix = page.getByRole('button', { name: 'work 1 endDate' })
    await fix.click()
    await page.waitForFunction(`document.activeElement?.id === 'field.work.0.endDate'`)
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.press('Backspace')
    await fix.waitFor({ state: 'detached' })
    expect(await page.title()).toBe('Backend engineer: Edit · RoleReady')
    await waitForSaved(page)
    expect(await saveState(page).textContent()).toBe('Saved')
    await mainScreen(page, 'editor')

    await page.reload()
    await page.getByLabel('Full name').waitFor()
    expect(await page.getByLabel('Full name').inputValue()).toBe('Ada Lovelace')
    expect(await page.getByRole('textbox', { name: 'Highlight 2', exact: true }).inputValue()).toContain('Kubernetes')

    // Commit, then the side-by-side diff of versions 1 and 2.
    await page.getByRole('link', { name: 'History' }).click()
    await page.getByLabel('What changed').fill('First full draft')
    await page.getByRole('button', { name: 'Commit version' }).click()
    await page.getByText('Committed version 2.').waitFor()
    const diff = page.getByRole('table', { name: 'Changes from version 1 to version 2' })
    await diff.waitFor()
    expect(await diff.textContent()).toContain('Ada Lovelace')
    await mainScreen(page, 'history-diff')

    // Paste a posting: its analysis, the ATS report with evidence, and suggestions.
    await page.getByRole('link', { name: 'Job match' }).click()
    await page.getByLabel('Posting text').fill(POSTING)
    await page.getByRole('button', { name: 'Analyse posting' }).click()
    await page.getByRole('heading', { name: 'Required skills' }).waitFor()
    const required = await page.locator('.analysis').textContent()
    expect(required).toContain('PostgreSQL')
    await page.getByTestId('overall-score').waitFor()
    const scoreBefore = Number(await page.getByTestId('overall-score').textContent())
    expect(scoreBefore).toBeGreaterThan(0)
    expect(await page.locator('.requirements mark').count()).toBeGreaterThan(0)
    await page.locator('.suggestions').waitFor()
    await mainScreen(page, 'job-report')

    // Apply one suggestion with one click: its patch lands in the draft and is autosaved.
    const before = JSON.stringify(await draftOf(page, id))
    const apply = page.getByRole('button', { name: 'Apply' }).first()
    const applied = await apply.locator('xpath=ancestor::li[1]').locator('p').first().textContent()
    await apply.click()
    await page.locator('.suggestions li', { hasText: applied ?? '' }).waitFor({ state: 'detached' })
    await expect.poll(async () => JSON.stringify(await draftOf(page, id)), { timeout: 15_000 }).not.toBe(before)
    await waitForSaved(page)

    // Rewrites for the posting: no model is configured, so the built-in engine proposes them and says so; one
    // click puts a rewrite into the draft, which is autosaved and re-scored.
    await page.getByRole('button', { name: 'Propose rewrites' }).click()
    const rewrites = page.locator('.rewrites')
    await rewrites.waitFor()
    expect(await rewrites.textContent()).toContain('built-in engine: no AI model is configured')
    const rewrite = page.getByRole('button', { name: 'Apply rewrite' }).first()
    await rewrite.waitFor()
    await mainScreen(page, 'job-rewrites')
    const beforeRewrite = JSON.stringify(await draftOf(page, id))
    await rewrite.click()
    await expect.poll(async () => JSON.stringify(await draftOf(page, id)), { timeout: 15_000 }).not.toBe(beforeRewrite)
    await waitForSaved(page)

    // Tailor a copy to the posting.
    await page.getByRole('button', { name: 'Tailor a copy' }).click()
    await page.getByRole('link', { name: 'Backend engineer — Senior Backend Engineer' }).waitFor()

    // Evidence links back to the field in the editor.
    await page
      .getByRole('button', { name: /^Show in editor/ })
      .first()
      .click()
    await page.getByRole('heading', { name: 'Basics' }).waitFor()
    await page.waitForFunction(`document.activeElement?.id.startsWith('field.')`)

    // Template preview and a real PDF download.
    await page.getByRole('link', { name: 'Design & export' }).click()
    await page.frameLocator('iframe.preview-frame').getByText('Ada Lovelace').first().waitFor()
    await page.getByRole('radio', { name: /^Modern/ }).check()
    await page.getByRole('radio', { name: /^Modern/, checked: true }).waitFor()
    await page.frameLocator('iframe.preview-frame').getByText('Ada Lovelace').first().waitFor()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PDF' }).click(),
    ])
    const pdfPath = join(webRootOf(), 'exported.pdf')
    await download.saveAs(pdfPath)
    const pdf = await readFile(pdfPath)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(download.suggestedFilename()).toMatch(/\.pdf$/)
    await screenshots(page, 'design-export')

    // Import the PDF back and review what was recognised before keeping it.
    await page.getByRole('link', { name: 'Import' }).click()
    await page.getByLabel('Resume file').setInputFiles(pdfPath)
    await page.getByRole('button', { name: 'Import' }).click()
    await page.getByRole('heading', { name: 'Review what was recognised' }).waitFor({ timeout: 30_000 })
    expect(await page.locator('.review').textContent()).toContain('Ada Lovelace')
    await mainScreen(page, 'import-review')
    await page.getByRole('button', { name: 'Keep and edit' }).click()
    await page.getByLabel('Full name').waitFor()
    expect(await page.getByLabel('Full name').inputValue()).toBe('Ada Lovelace')

    // Saved postings with their analysis.
    await page.getByRole('link', { name: 'Jobs', exact: true }).click()
    await page.getByRole('button', { name: /^Show analysis of Senior Backend Engineer/ }).click()
    await page.getByRole('heading', { name: 'Required skills' }).waitFor()
    await mainScreen(page, 'jobs')

    // The list: search, filter by tag, duplicate, trash and restore.
    await page.getByRole('link', { name: 'Resumes' }).click()
    await page.getByRole('link', { name: 'Backend engineer', exact: true }).waitFor()
    await page.getByRole('button', { name: 'Duplicate Backend engineer', exact: true }).click()
    await page.getByRole('link', { name: 'Copy of Backend engineer' }).waitFor()
    // The search asks the API once typing pauses.
    await page.getByLabel('Search titles and content').fill('copy of')
    await expect.poll(() => page.locator('.resume-row').count()).toBe(1)
    await page.getByLabel('Search titles and content').fill('')
    await page.getByRole('link', { name: 'Backend engineer', exact: true }).waitFor()
    await page.getByLabel('Tag', { exact: true }).selectOption('go')
    await page.getByRole('link', { name: 'Copy of Backend engineer' }).waitFor()
    await mainScreen(page, 'resume-list')
    await page.getByRole('button', { name: 'Move Copy of Backend engineer to trash' }).click()
    await page.getByRole('link', { name: 'Copy of Backend engineer' }).waitFor({ state: 'detached' })
    await page.getByRole('link', { name: 'Trash' }).click()
    await page.getByRole('button', { name: 'Restore Copy of Backend engineer' }).click()
    await page.getByText('Restored “Copy of Backend engineer”.').waitFor()

    // Sign out returns to the sign-in screen.
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    await mainScreen(page, 'sign-in')

    expect(problems).toEqual([])
    await context.close()
  }, 240_000)

  it('shows a conflict dialog when another tab saved first (nothing is lost), and API errors and limits in plain words', async () => {
    const base = await startWebServer(webRootOf(), { RATE_LIMIT_UPLOADS: '1' })
    const email = `grace.${Date.now()}@example.com`
    const contexts: BrowserContext[] = []
    const open = async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.laptop })
      contexts.push(context)
      return context.newPage()
    }
    const first = await open()
    await signUp(first, base, email)
    const id = await createResume(first, 'Shared resume')

    const second = await open()
    // The second tab signs in with the keyboard alone (focus starts at the heading); focus is visible.
    await second.goto(`${base}/signin`)
    await second.getByRole('heading', { name: 'Sign in' }).waitFor()
    for (let i = 0; i < 4 && (await second.evaluate(`document.activeElement.name`)) !== 'email'; i++) {
      await second.keyboard.press('Tab')
    }
    expect(await second.evaluate(`document.activeElement.name`)).toBe('email')
    expect(await second.evaluate(`getComputedStyle(document.activeElement).outlineStyle`)).not.toBe('none')
    await second.keyboard.type(email)
    await second.keyboard.press('Tab')
    await second.keyboard.type('correct horse battery')
    await second.keyboard.press('Enter')
    await second.getByRole('heading', { name: 'Your resumes' }).waitFor()
    await second.goto(`${base}/resumes/${id}`)
    await waitForSaved(second)

    // The first tab saves; the second, still on the old ETag, gets a 412 and asks.
    await first.getByLabel('Full name').fill('Grace Hopper')
    await waitForSaved(first)
    await second.getByLabel('Summary').fill('Written in the second tab')
    const dialog = second.getByRole('dialog', { name: 'This resume was changed somewhere else' })
    await dialog.waitFor()
    expect(await saveState(second).textContent()).toBe('Not saved: conflict')
    expect(await second.getByLabel('Summary').inputValue()).toBe('Written in the second tab')
    await axeCheck(second, 'conflict dialog')
    await screenshots(second, 'conflict-dialog')

    // "Keep mine" overwrites with the second tab's content.
    await dialog.getByRole('button', { name: 'Keep mine (overwrite)' }).click()
    await waitForSaved(second)
    expect(await draftOf(second, id)).toMatchObject({ basics: { summary: 'Written in the second tab' } })

    // Now the first tab is stale: "Load their version" brings the second tab's text in.
    await first.getByLabel('Headline (e.g. Backend Engineer)').fill('Rear Admiral')
    const firstDialog = first.getByRole('dialog', { name: 'This resume was changed somewhere else' })
    await firstDialog.waitFor()
    await firstDialog.getByRole('button', { name: 'Load their version' }).click()
    await waitForSaved(first)
    expect(await first.getByLabel('Summary').inputValue()).toBe('Written in the second tab')

    // Commit, then restore the first version: its content comes back as a new version.
    await first.getByRole('link', { name: 'History' }).click()
    await first.getByRole('button', { name: 'Commit version' }).click()
    await first.getByText('Committed version 2.').waitFor()
    await first.getByRole('button', { name: 'Restore version 1' }).click()
    await first.getByText('Restored version 1 as version 3.').waitFor()
    await first.getByRole('link', { name: 'Edit' }).click()
    expect(await first.getByLabel('Summary').inputValue()).toBe('')

    // API errors in plain words: a file that is no resume, then the upload limit with when to retry.
    await first.getByRole('link', { name: 'Import' }).click()
    const notAResume = { name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just some notes') }
    await first.getByLabel('Resume file').setInputFiles(notAResume)
    await first.getByRole('button', { name: 'Import' }).click()
    const alert = first.getByRole('alert')
    await alert.waitFor()
    const rejected = (await alert.textContent()) ?? ''
    expect(rejected).not.toMatch(/HTTP|\{|undefined/)
    expect(rejected.length).toBeGreaterThan(10)
    await first.getByRole('button', { name: 'Import' }).click()
    await first
      .getByRole('alert')
      .filter({ hasText: /Too many requests for now\. Try again in \d+ seconds?\./ })
      .waitFor()

    for (const context of contexts) await context.close()
  }, 150_000)
})
