/**
 * The import corpus's families: each is one independent generator (a tool and a design) drawing resumes from
 * their JSON Resume truth. Two whole families are held out of tuning (see README.md); they were chosen before any
 * import result was read and are reported apart.
 */
export type Split = 'dev' | 'held-out'

export interface Family {
  readonly id: string
  readonly split: Split
  /** The file each truth becomes. */
  readonly ext: 'pdf' | 'docx'
  /** What draws it, in a few words (README and the evaluation's header). */
  readonly generator: string
}

export const FAMILIES: readonly Family[] = [
  { id: 'theme-even', split: 'dev', ext: 'pdf', generator: 'jsonresume-theme-even → Chromium print' },
  {
    id: 'theme-macchiato',
    split: 'dev',
    ext: 'pdf',
    generator: 'jsonresume-theme-macchiato (headings in a gutter) → Chromium print',
  },
  {
    id: 'theme-elegant',
    split: 'dev',
    ext: 'pdf',
    generator: 'jsonresume-theme-elegant (sidebar card, two columns) → Chromium print',
  },
  { id: 'theme-stackoverflow', split: 'dev', ext: 'pdf', generator: 'jsonresume-theme-stackoverflow → Chromium print' },
  { id: 'pandoc', split: 'dev', ext: 'pdf', generator: 'Markdown → pandoc HTML5 → Chromium print' },
  { id: 'docx', split: 'dev', ext: 'docx', generator: 'docx package: plain, two-column table and page-header layouts' },
  { id: 'roleready', split: 'dev', ext: 'pdf', generator: "RoleReady's own PDF templates" },
  {
    id: 'theme-kendall',
    split: 'held-out',
    ext: 'pdf',
    generator: 'jsonresume-theme-kendall (Bootstrap, contact sidebar) → Chromium print',
  },
  // Held out until 2026-12-07, then moved to dev: one of its files was opened to find a regression (README.md).
  {
    id: 'libreoffice',
    split: 'dev',
    ext: 'pdf',
    generator: 'docx package layouts → LibreOffice soffice --convert-to pdf',
  },
  {
    id: 'pandoc-docx',
    split: 'held-out',
    ext: 'docx',
    generator: "Markdown → pandoc's DOCX writer (its default reference document)",
  },
]

export const familyById = (id: string): Family | undefined => FAMILIES.find((f) => f.id === id)
