import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumPresent, launchChromium, seriousViolations, signedInPage as signedIn } from '../helpers/browser.js'
import { buildWebApp, POSTING, SCREENSHOTS, VIEWPORTS } from '../helpers/web-app.js'

/** The application tracker in Debian's Chromium: track, move by keyboard, history, conflicts, phone width. */
const hasChromium = chromiumPresent('web applications e2e')

let webApp: Awaited<ReturnType<typeof buildWebApp>> | undefined
let browser: Browser | undefined

async function signedInPage(): Promise<{ page: Page; base: string; problems: string[] }> {
  if (!webApp || !browser) throw new Error('not set up')
  return signedIn(browser, webApp.root, 'tracker')
}

/** POSTs JSON from the page (its session cookie); answers the created resource. */
async function apiPost<T>(page: Page, path: string, body: Record<string, unknown>): Promise<T> {
  return page.evaluate(
    async ({ path, body }) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      return response.json()
    },
    { path, body },
  ) as Promise<T>
}

/** Visible controls in the main area smaller than 24 × 24 CSS pixels (WCAG 2.5.8), by their text. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('main a, main button, main select, main input, main summary'))
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0 && (box.height < 24 || box.width < 24))
      .map(({ element, box }) => `${element.textContent?.trim() || element.id} ${box.width}×${box.height}`),
  )
}

/** Screenshots at laptop and phone widths; at each, nothing wider than the screen; on a phone, no small targets. */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport)
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size}.png`), fullPage: true })
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width)
    if (size === 'phone') expect(await smallTargets(page)).toEqual([])
  }
  await page.setViewportSize(VIEWPORTS.laptop)
}

describe.skipIf(!hasChromium)('the application tracker in the web app', () => {
  beforeAll(async () => {
    webApp = await buildWebApp()
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await webApp?.remove()
  })

  it('tracks an application, moves it by keyboard, lists its history and survives a change made elsewhere', async () => {
    const { page, problems } = await signedInPage()
    const job = await apiPost<{ id: string }>(page, '/api/jobs', {
      description: POSTING,
      title: 'Senior Backend Engineer',
    })
    const resume = await apiPost<{ id: string }>(page, '/api/resumes', {
      title: 'Backend resume',
      content: { basics: { name: 'Ada Lovelace' } },
    })

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Applications' }).click()
    await page.getByRole('heading', { name: 'Applications', level: 1 }).waitFor()
    await page.getByText('No applications tracked yet.').waitFor()
    const form = page.getByRole('form', { name: 'Track an application' })
    await form.getByLabel('Saved job').selectOption(job.id)
    await form.getByLabel('Resume sent').selectOption(resume.id)
    await form.getByLabel('Deadline (optional)').fill('2031-03-15')
    await form.getByLabel('Notes (optional)').fill('Referred by Grace.')

    // The saved job names no company: the service says so, at the Company field.
    await form.getByRole('button', { name: 'Track application' }).click()
    const company = form.getByLabel('Company (optional)')
    await expect.poll(() => company.getAttribute('aria-invalid')).toBe('true')
    const problem = page.locator(`[id="${(await company.getAttribute('aria-describedby'))?.split(' ')[0]}"]`)
    expect(await problem.textContent()).toBe('Company is required: the saved job names no company.')
    expect(await seriousViolations(page)).toEqual([])
    await company.fill('Acme Cloud')
    await form.getByRole('button', { name: 'Track application' }).click()
    await page.getByText('Tracking “Senior Backend Engineer at Acme Cloud” as Saved.').waitFor()

    const saved = page.getByRole('region', { name: /^Saved/ })
    const card = saved.getByRole('article', { name: 'Senior Backend Engineer' })
    await card.waitFor()
    expect(await card.textContent()).toMatch(/Deadline .*2031/)
    expect(await card.getByRole('link', { name: /^Saved job/ }).getAttribute('href')).toBe('/jobs')
    expect(await card.getByRole('link', { name: /^Resume: Backend resume/ }).getAttribute('href')).toBe(
      `/resumes/${resume.id}`,
    )
    expect(await card.getByRole('link', { name: /^ATS match/ }).getAttribute('href')).toBe(`/resumes/${resume.id}/job`)
    expect(await page.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(true)
    expect(await seriousViolations(page)).toEqual([])
    await screenshots(page, 'applications-board')

    // Keyboard only: focus the status menu, choose Interviewing with the arrow keys, Tab to Move, Enter.
    const status = page.getByLabel('Status of Senior Backend Engineer at Acme Cloud')
    await status.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    expect(await status.inputValue()).toBe('interviewing')
    await page.keyboard.press('Tab')
    expect(await page.evaluate('document.activeElement.textContent')).toContain('Move')
    await page.keyboard.press('Enter')
    await page.getByText('Moved “Senior Backend Engineer at Acme Cloud” to Interviewing.').waitFor()
    const interviewing = page.getByRole('region', { name: /^Interviewing/ })
    await interviewing.getByRole('article', { name: 'Senior Backend Engineer' }).waitFor()
    expect(await saved.getByRole('article').count()).toBe(0)
    // Focus follows the card into its new column.
    await expect.poll(() => page.evaluate('document.activeElement.id')).toMatch(/^move-/)

    // Someone changes it in another tab; moving it here is refused, the board reloads and says why.
    const applicationId = String(await page.evaluate('document.activeElement.id')).replace('move-', '')
    const elsewhere = await page.evaluate(async (id) => {
      const current = (await (await fetch(`/api/applications/${id}`)).json()) as { revision: number }
      const response = await fetch(`/api/applications/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'if-match': `"r${current.revision}"` },
        body: JSON.stringify({ status: 'offer', statusNote: 'Changed in another tab' }),
      })
      return response.status
    }, applicationId)
    expect(elsewhere).toBe(200)
    await interviewing.getByLabel(/^Status of/).selectOption('rejected')
    await interviewing.getByRole('button', { name: /^Move/ }).click()
    await page
      .getByRole('alert')
      .getByText(/was changed somewhere else/)
      .waitFor()
    await page
      .getByRole('region', { name: /^Offer/ })
      .getByRole('article')
      .waitFor()
    expect(
      await page
        .getByRole('region', { name: /^Rejected/ })
        .getByRole('article')
        .count(),
    ).toBe(0)

    await page.getByRole('button', { name: 'List', exact: true }).click()
    expect(await page.getByRole('button', { name: 'List', exact: true }).getAttribute('aria-pressed')).toBe('true')
    await page
      .getByRole('list', { name: /most recently changed first/ })
      .locator('.status-offer', { hasText: 'Offer' })
      .waitFor()
    await screenshots(page, 'applications-list')

    // Its page: the history, newest first, with dates.
    await page.getByRole('link', { name: 'Senior Backend Engineer', exact: true }).click()
    await page.getByRole('heading', { name: 'Senior Backend Engineer at Acme Cloud', level: 1 }).waitFor()
    expect(
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Applications' })
        .getAttribute('aria-current'),
    ).toBe('page')
    const history = page.getByRole('region', { name: 'History' }).getByRole('listitem')
    await expect.poll(() => history.count()).toBe(3)
    expect(await history.nth(0).textContent()).toContain('Interviewing → Offer')
    expect(await history.nth(0).textContent()).toContain('Changed in another tab')
    expect(await history.nth(1).textContent()).toContain('Saved → Interviewing')
    expect(await history.nth(1).locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(await page.getByLabel('Notes', { exact: true }).inputValue()).toBe('Referred by Grace.')

    // Details are saved with If-Match; a problem is shown at its field.
    await page.getByLabel('From').fill('90000')
    await page.getByLabel('To', { exact: true }).fill('80000')
    await page.getByLabel('Currency').fill('eur')
    await page.getByRole('button', { name: 'Save changes' }).click()
    const max = page.getByLabel('To', { exact: true })
    await expect.poll(() => max.getAttribute('aria-invalid')).toBe('true')
    await page.getByText('To must not be less than min.').waitFor()
    await max.fill('110000')
    await page.getByLabel('Location').fill('Berlin')
    await page.getByLabel('Where the work is').selectOption('hybrid')
    await page.getByRole('button', { name: 'Add contact' }).click()
    await page.getByLabel('Name (contact 1)').fill('Grace Hopper')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.getByText('Saved the changes.').waitFor()
    const stored = await page.evaluate(
      async (id) => (await (await fetch(`/api/applications/${id}`)).json()) as Record<string, unknown>,
      applicationId,
    )
    expect(stored).toMatchObject({
      salary: { min: 90000, max: 110000, currency: 'EUR', period: 'year' },
      location: 'Berlin',
      remote: 'hybrid',
      contacts: [{ name: 'Grace Hopper' }],
    })
    expect(await seriousViolations(page)).toEqual([])
    await screenshots(page, 'application-detail')

    // Delete, after a confirmation.
    await page.getByRole('button', { name: 'Delete application' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete “Senior Backend Engineer at Acme Cloud”?' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Delete application' }).click()
    await page.getByText('No applications tracked yet.').waitFor()
    expect(problems).toEqual([])
  })
})
