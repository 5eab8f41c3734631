import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumPresent, launchChromium, seriousViolations } from '../helpers/browser.js'
import { buildWebApp, SCREENSHOTS, startWebServer, VIEWPORTS } from '../helpers/web-app.js'

/** Settings → API keys in Debian's Chromium: create a key, copy its secret once, use it, revoke it. */
const hasChromium = chromiumPresent('web API keys e2e')

let webApp: Awaited<ReturnType<typeof buildWebApp>> | undefined
let browser: Browser | undefined

/** The status a request with the key gets, made from the page (the key as a bearer; cookies left out). */
async function statusWithKey(page: Page, secret: string): Promise<number> {
  return page.evaluate(async (key) => {
    const response = await fetch('/api/resumes', { headers: { authorization: `Bearer ${key}` }, credentials: 'omit' })
    return response.status
  }, secret)
}

describe.skipIf(!hasChromium)('API keys in the web app', () => {
  beforeAll(async () => {
    webApp = await buildWebApp()
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await webApp?.remove()
  })

  it('creates a key, shows its secret once with a copy button, lists it and revokes it', async () => {
    if (!webApp || !browser) throw new Error('not set up')
    const base = await startWebServer(webApp.root)
    const context = await browser.newContext({ viewport: VIEWPORTS.laptop })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))

    await page.goto(`${base}/signup`)
    await page.getByLabel('Email').fill(`keys.${Date.now()}@example.com`)
    await page.getByLabel('Password').fill('correct horse battery')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.getByRole('heading', { name: 'Your resumes' }).waitFor()
    await page.goto(`${base}/settings`)
    await page.getByRole('heading', { name: 'API keys' }).waitFor()
    await page.getByText('No API keys yet.').waitFor()

    const form = page.locator('form.api-key-form')
    await form.getByLabel('Name').fill('Claude Desktop')
    await form.getByRole('checkbox', { name: /resumes:write/ }).check()
    await form.getByLabel('Expires after').selectOption({ label: '30 days' })
    await form.getByRole('button', { name: 'Create key' }).click()

    const secretBox = page.getByLabel('API key secret')
    await secretBox.waitFor()
    const secret = await secretBox.inputValue()
    expect(secret).toMatch(/^rr_live_[A-Za-z0-9_-]{43}$/)
    await page.getByRole('button', { name: 'Copy' }).click()
    await page.getByText('Copied to the clipboard.').waitFor()
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret)
    expect(await seriousViolations(page)).toEqual([])
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport)
      await page.screenshot({ path: join(SCREENSHOTS, `settings-api-keys-${size}.png`), fullPage: true })
    }
    await page.setViewportSize(VIEWPORTS.laptop)

    await page.getByRole('button', { name: 'I have copied it' }).click()
    await expect(secretBox.count()).resolves.toBe(0)
    const item = page.locator('.api-key-item', { hasText: 'Claude Desktop' })
    await expect(item.textContent()).resolves.toContain('resumes:read, resumes:write')
    expect(await page.content()).not.toContain(secret)

    expect(await statusWithKey(page, secret)).toBe(200)
    await page.reload()
    await item.getByText(/last used/).waitFor()

    page.once('dialog', (dialog) => dialog.accept())
    await item.getByRole('button', { name: /Revoke/ }).click()
    await page.getByText('No API keys yet.').waitFor()
    expect(await statusWithKey(page, secret)).toBe(401)
    expect(problems).toEqual([])
    await context.close()
  })
})
