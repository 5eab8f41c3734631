import type { JsonResumeDocument } from '../documents/document.types.js'

export interface ThemeInfo {
  /** Template id, e.g. `theme-even` for the package `jsonresume-theme-even`. */
  readonly id: string
  readonly packageName: string
  readonly version: string
  readonly description: string
}

/** JSON Resume theme packages installed alongside the service (`jsonresume-theme-*`). */
export interface ThemeCatalog {
  /** The installed themes that export `render(resume)`; found once, at start-up. */
  list(): readonly ThemeInfo[]
  /** Renders a whole HTML page with the theme; throws when the theme fails. */
  render(id: string, resume: JsonResumeDocument): Promise<string>
}
