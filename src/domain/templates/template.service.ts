import type { DocumentRenderer } from '../documents/document.ports.js'
import type { JsonResumeDocument } from '../documents/document.types.js'
import { readJsonResume } from '../documents/json-resume.js'
import { DomainError } from '../errors.js'
import { BUILTIN_TEMPLATES } from './builtin-templates.js'
import { SAMPLE_RESUME } from './sample-resume.js'
import type { ThemeCatalog } from './template.ports.js'
import type { Template } from './template.types.js'

export interface TemplateServiceDeps {
  themes: ThemeCatalog
  html: DocumentRenderer
}

export function createTemplateService({ themes, html }: TemplateServiceDeps) {
  const templates: Template[] = [
    ...BUILTIN_TEMPLATES,
    ...themes.list().map(
      (theme): Template => ({
        id: theme.id,
        name: theme.packageName,
        description: theme.description || `JSON Resume theme ${theme.packageName} ${theme.version} (HTML only).`,
        source: 'theme',
        formats: ['html', 'json'],
        style: undefined,
      }),
    ),
  ]
  const byId = new Map(templates.map((t) => [t.id, t]))

  return {
    /** Built-in templates first, then installed themes. */
    list(): readonly Template[] {
      return templates
    },

    /** Throws TEMPLATE_NOT_FOUND for an unknown id. */
    get(id: string): Template {
      const template = byId.get(id)
      if (!template) throw new DomainError('TEMPLATE_NOT_FOUND', `No template has the id "${id}".`)
      return template
    },

    async renderTheme(id: string, content: JsonResumeDocument): Promise<string> {
      return themes.render(id, content)
    },

    /** The template drawn with the sample resume, as a whole HTML page. */
    async preview(id: string): Promise<string> {
      const template = this.get(id)
      if (template.source === 'theme') return themes.render(id, SAMPLE_RESUME)
      const bytes = await html.render(readJsonResume(SAMPLE_RESUME), template, {
        paper: 'letter',
        title: `${template.name} template preview`,
        author: 'RoleReady',
      })
      return new TextDecoder().decode(bytes)
    },
  }
}

export type TemplateService = ReturnType<typeof createTemplateService>
