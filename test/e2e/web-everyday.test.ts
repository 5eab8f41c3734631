import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumPresent, launchChromium, seriousViolations, signedInPage as signedIn } from '../helpers/browser.js'
import { buildWebApp, SCREENSHOTS, VIEWPORTS } from '../helpers/web-app.js'

/** Everyday use of the resume list and the editor in Debian's Chromium: search, the trash, dates as people type them. */
const hasChromium = chromiumPresent('web everyday e2e')

let webApp: Awaited<ReturnType<typeof buildWebApp>> | undefined
let browser: Browser | undefined

async function signedInPage(): Promise<{ page: Page; base: string; problems: string[] }> {
  if (!webApp || !browser) throw new Error('not set up')
  return signedIn(browser, webApp.root, 'everyday')
}

/** Creates a resume through the API from the page (its session cookie); answers its id. */
async function apiCreate(page: Page, body: Record<string, unknown>): Promise<string> {
  return page.evaluate(async (payload) => {
    const response = await fetch('/api/resumes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    })
    return ((await response.json()) as { id: string }).id
  }, body)
}

async function apiTrash(page: Page, id: string): Promise<void> {
  await page.evaluate(async (resumeId) => {
    await fetch(`/api/resumes/${resumeId}`, { method: 'DELETE' })
  }, id)
}

const titles = (page: Page) => page.locator('.resume-list h2').allTextContents()

describe.skipIf(!hasChromium)('everyday use of the web app', () => {
  beforeAll(async () => {
    webApp = await buildWebApp()
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await webApp?.remove()
  })

  it('offers a new account three ways to begin, and the sample opens as a fictional, tagged resume', async () => {
    const { page, base, problems } = await signedInPage()
    const choices = page.getByRole('region', { name: 'Start your first resume' })
    await choices.waitFor()
    expect(await choices.getByRole('link', { name: 'Import what I have' }).getAttribute('href')).toBe('/import')
    expect(await seriousViolations(page)).toEqual([])
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport)
      await page.screenshot({ path: join(SCREENSHOTS, `first-run-${size}.png`), fullPage: true })
      // Nothing wider than the screen.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width)
    }
    await page.setViewportSize(VIEWPORTS.laptop)
    await choices.getByRole('button', { name: 'Start from a sample' }).click()
    await page.waitForURL(/\/resumes\/[0-9a-f-]{36}$/)
    await expect.poll(() => page.getByLabel('Full name', { exact: true }).inputValue()).toBe('Alex Morgan')
    await page.goto(base)
    await page.locator('.resume-list').waitFor()
    expect(await titles(page)).toEqual(['Sample resume (fictional person)'])
    expect(await page.locator('.resume-list').textContent()).toContain('sample')
    expect(problems).toEqual([])
  })

  it('searches titles and content through the API, with the tag filter still applied', async () => {
    const { page, base, problems } = await signedInPage()
    await apiCreate(page, {
      title: 'Backend',
      tags: ['go'],
      content: { basics: { name: 'Ada' }, skills: [{ name: 'Kubernetes' }] },
    })
    await apiCreate(page, { title: 'Frontend', tags: ['web'], content: { basics: { name: 'Ada' } } })
    await apiCreate(page, {
      title: 'Platform',
      tags: ['web'],
      content: { basics: { name: 'Ada' }, work: [{ name: 'Kube Corp', summary: 'Ran Kubernetes clusters' }] },
    })
    await page.goto(base)
    await page.locator('.resume-list').waitFor()
    expect((await titles(page)).sort()).toEqual(['Backend', 'Frontend', 'Platform'])

    // A word only in the content finds the resumes holding it: the search is the API's, not the titles'.
    await page.getByLabel('Search titles and content').fill('kubern')
    await expect.poll(() => titles(page)).toEqual(['Platform', 'Backend'])
    await page.getByLabel('Tag', { exact: true }).selectOption('web')
    await expect.poll(() => titles(page)).toEqual(['Platform'])
    await page.getByLabel('Search titles and content').fill('nothing-like-this')
    await page.getByText('No resume matches the search.').waitFor()
    await page.getByLabel('Search titles and content').fill('')
    await expect.poll(() => titles(page)).toEqual(['Platform', 'Frontend'])
    // The tag menu still offers every tag.
    expect(await page.getByLabel('Tag', { exact: true }).locator('option').allTextContents()).toEqual([
      'All tags',
      'go',
      'web',
    ])
    expect(problems).toEqual([])
  })

  it('deletes a trashed resume forever and empties the trash, each after a confirmation Escape cancels', async () => {
    const { page, base, problems } = await signedInPage()
    const ids = [
      await apiCreate(page, { title: 'Old one', content: { basics: { name: 'Ada' } } }),
      await apiCreate(page, { title: 'Older one', content: { basics: { name: 'Ada' } } }),
      await apiCreate(page, { title: 'Oldest one', content: { basics: { name: 'Ada' } } }),
    ]
    for (const id of ids) await apiTrash(page, id)
    await page.goto(`${base}/trash`)
    await page.locator('.resume-list').waitFor()

    const deleteOld = page.getByRole('button', { name: 'Delete Old one forever' })
    await deleteOld.click()
    const dialog = page.getByRole('dialog', { name: 'Delete “Old one” forever?' })
    await dialog.waitFor()
    // Focus moves into the dialog, on Cancel; Escape closes it, deletes nothing and gives focus back.
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Cancel')
    expect(await seriousViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect
      .poll(() => page.evaluate('document.activeElement.getAttribute("aria-label")'))
      .toBe('Delete Old one forever')
    expect((await titles(page)).sort()).toEqual(['Old one', 'Older one', 'Oldest one'])

    await deleteOld.click()
    await dialog.getByRole('button', { name: 'Delete forever' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByText('Deleted “Old one” for good.').waitFor()
    expect((await titles(page)).sort()).toEqual(['Older one', 'Oldest one'])
    // The row is gone, so the screen's heading has the focus.
    await expect.poll(() => page.evaluate('document.activeElement.tagName')).toBe('H1')
    const gone = await page.evaluate(
      async (id) => (await fetch(`/api/resumes/${id}/restore`, { method: 'POST' })).status,
      ids[0],
    )
    expect(gone).toBe(404)

    await page.getByRole('button', { name: 'Empty trash' }).click()
    const emptyDialog = page.getByRole('dialog', { name: 'Empty the trash?' })
    await emptyDialog.getByRole('button', { name: 'Cancel' }).click()
    await emptyDialog.waitFor({ state: 'detached' })
    expect(await titles(page)).toHaveLength(2)
    await page.getByRole('button', { name: 'Empty trash' }).click()
    await emptyDialog.getByRole('button', { name: 'Empty trash' }).click()
    await page.getByText('The trash is empty.').waitFor()
    await page.getByText('Emptied the trash: 2 resumes deleted for good.').waitFor()
    expect(problems).toEqual([])
  })

  it('reads dates as people type them, keeps what was typed while typing, and says what is wrong in words', async () => {
    const { page, base, problems } = await signedInPage()
    const id = await apiCreate(page, { title: 'Dates', content: { basics: { name: 'Ada' } } })
    await page.goto(`${base}/resumes/${id}`)
    await page.getByText('Work experience (0)').click()
    await page.getByRole('button', { name: 'Add position' }).click()
    const saved = () => page.locator('[data-testid="save-state"]', { hasText: /^Saved$/ }).waitFor({ timeout: 15_000 })
    const work = async () =>
      page.evaluate(async (resumeId) => {
        const response = await fetch(`/api/resumes/${resumeId}/draft`)
        return ((await response.json()) as { content: { work?: Record<string, unknown>[] } }).content.work?.[0]
      }, id)

    const start = page.getByLabel('Start date')
    await start.fill('May 2017')
    await saved()
    expect(await start.inputValue()).toBe('May 2017')
    expect(await work()).toMatchObject({ startDate: '2017-05' })
    await start.press('Tab')
    expect(await start.inputValue()).toBe('2017-05')

    const end = page.getByLabel('End date (empty if current)')
    await end.fill('Sept 2019')
    await end.press('Tab')
    expect(await end.inputValue()).toBe('2019-09')
    await end.fill('present')
    await end.press('Tab')
    expect(await end.inputValue()).toBe('')
    await saved()
    expect(await work()).not.toHaveProperty('endDate')

    await end.fill('sometime')
    expect(await end.getAttribute('aria-invalid')).toBeNull()
    await end.press('Tab')
    expect(await end.getAttribute('aria-invalid')).toBe('true')
    const describedBy = (await end.getAttribute('aria-describedby')) ?? ''
    const message = page.locator(`[id="${describedBy.split(' ')[0]}"]`)
    expect(await message.textContent()).toBe('Write the date like “May 2017”, “05/2017” or “2017”.')
    expect(await end.inputValue()).toBe('sometime')

    // A problem the service reports on autosave is shown at its field, in words.
    const email = page.getByLabel('Email', { exact: true })
    await email.fill('not an address')
    await saved()
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true')
    const emailMessage = page.locator(`[id="${await email.getAttribute('aria-describedby')}"]`)
    expect(await emailMessage.textContent()).toBe('Email is not an email address.')
    expect(await page.locator('body').textContent()).not.toContain('must match')
    expect(await seriousViolations(page)).toEqual([])
    expect(problems).toEqual([])
  })
})
