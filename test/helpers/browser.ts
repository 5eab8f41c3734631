import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { type Browser, chromium, type Page } from 'playwright-core'
import { startWebServer, VIEWPORTS } from './web-app.js'

/** Debian's Chromium, which the browser tests drive (`.ci/run` installs it). */
export const CHROMIUM = '/usr/bin/chromium'
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** Whether Chromium is installed; when not, says which suite is skipped and why. */
export function chromiumPresent(suite: string): boolean {
  const present = existsSync(CHROMIUM)
  if (!present) console.warn(`${suite} skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`)
  return present
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] })
}

/** axe-core's serious and critical violations on the page, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(await readFile(AXE_SOURCE, 'utf8'))
  return (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) =>
    result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[]
}

/**
 * A fresh server for the built web app and a laptop-sized page signed up as a new user (email `<prefix>.<time>@…`),
 * on the resume list; `problems` collects the page's uncaught errors.
 */
export async function signedInPage(
  browser: Browser,
  webRoot: string,
  prefix: string,
): Promise<{ page: Page; base: string; problems: string[] }> {
  const base = await startWebServer(webRoot)
  const context = await browser.newContext({ viewport: VIEWPORTS.laptop })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  await page.goto(`${base}/signup`)
  await page.getByLabel('Email').fill(`${prefix}.${Date.now()}@example.com`)
  await page.getByLabel('Password').fill('correct horse battery')
  await page.getByRole('button', { name: 'Create account' }).click()
  await page.getByRole('heading', { name: 'Your resumes' }).waitFor()
  return { page, base, problems }
}
