import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { startTestServer } from './server.js'

/** Screenshots of the browser tests (git-ignored), for a person to look at. */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
export const VIEWPORTS = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const

/** The posting the browser tests paste. */
export const POSTING = `Senior Backend Engineer
Acme Cloud is hiring a senior backend engineer to build our payments platform.
Requirements:
- 5+ years of experience building backend services
- Strong experience with Go and PostgreSQL
- Experience with Kubernetes and Docker
- Bachelor's degree in Computer Science or equivalent experience
Nice to have:
- Experience with Kafka
- Terraform`

/** A fresh build of the web app in a temporary folder, made by Vite the same way `npm run build` does. */
export async function buildWebApp(): Promise<{ root: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'roleready-web-e2e-'))
  await mkdir(SCREENSHOTS, { recursive: true })
  await build({
    configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir: root, emptyOutDir: true },
  })
  return { root, remove: () => rm(root, { recursive: true, force: true }) }
}

/** A listening server (PGlite in memory) serving the web app built into `webRoot`; answers its base URL. */
export async function startWebServer(webRoot: string, env: Record<string, string> = {}): Promise<string> {
  const { server } = await startTestServer(
    {
      // The flows make more calls a minute than the free tier allows one person; limits have their own tests.
      RATE_LIMIT_PER_USER: '10000',
      RATE_LIMIT_AI: '1000',
      RATE_LIMIT_EXPORTS: '1000',
      RATE_LIMIT_UPLOADS: '1000',
      ...env,
    },
    { webRoot },
  )
  const address = await server.listen({ port: 0, host: '127.0.0.1' })
  return address.replace('localhost', '127.0.0.1')
}
