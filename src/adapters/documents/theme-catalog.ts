/**
 * JSON Resume themes installed as npm packages (`jsonresume-theme-*` in node_modules), each exporting
 * `render(resume) → HTML`. Found once at start-up; a theme that fails to load is left out and reported.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { JsonResumeDocument } from '../../domain/documents/document.types.js'
import type { ThemeCatalog, ThemeInfo } from '../../domain/templates/template.ports.js'

const require = createRequire(import.meta.url)
const PREFIX = 'jsonresume-theme-'

type Render = (resume: JsonResumeDocument) => string | Promise<string>

/** Looks in `nodeModulesDir` (default: the service's own node_modules) for theme packages. */
export async function loadThemeCatalog(
  nodeModulesDir = path.resolve('node_modules'),
  onSkip: (packageName: string, error: unknown) => void = () => {},
): Promise<ThemeCatalog> {
  const found: { info: ThemeInfo; render: Render }[] = []
  const names = existsSync(nodeModulesDir) ? readdirSync(nodeModulesDir).filter((n) => n.startsWith(PREFIX)) : []
  for (const packageName of names.sort()) {
    try {
      const dir = path.join(nodeModulesDir, packageName)
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        version?: string
        description?: string
      }
      const loaded = (await import(require.resolve(dir))) as { render?: Render; default?: { render?: Render } }
      const render = loaded.render ?? loaded.default?.render
      if (typeof render !== 'function') throw new Error('exports no render(resume) function')
      found.push({
        info: {
          id: `theme-${packageName.slice(PREFIX.length)}`,
          packageName,
          version: manifest.version ?? '',
          description: manifest.description ?? '',
        },
        render,
      })
    } catch (error) {
      onSkip(packageName, error)
    }
  }
  return catalogOf(found)
}

/** A catalog over given render functions (used for themes found on disk, and by tests). */
export function catalogOf(themes: readonly { info: ThemeInfo; render: Render }[]): ThemeCatalog {
  const byId = new Map(themes.map((t) => [t.info.id, t]))
  return {
    list: () => themes.map((t) => t.info),
    async render(id, resume) {
      const theme = byId.get(id)
      if (!theme) throw new Error(`theme ${id} is not installed`)
      return String(await theme.render(resume))
    },
  }
}
