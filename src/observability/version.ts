import { readFileSync } from 'node:fs'

/** RoleReady's version from package.json (two folders up from both src/observability and dist/observability). */
export const SERVICE_VERSION: string = (() => {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string
    }
    return manifest.version ?? '0.0.0'
  } catch {
    return '0.0.0'
  }
})()
