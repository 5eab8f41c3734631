import type { Template } from './template.types.js'

const ALL_FORMATS = ['pdf', 'docx', 'html', 'md', 'txt', 'json'] as const

/**
 * The built-in templates: real text and standard headings, so people and ATS parsers read them alike. Most are one
 * column; `sidebar` and `two-column` set two columns in PDF and HTML and read in one column in DOCX, Markdown and
 * text.
 */
export const BUILTIN_TEMPLATES: readonly Template[] = [
  {
    id: 'classic',
    name: 'Classic',
    description: 'Serif type, centred name, upper-case headings over a thin rule: the traditional one-column resume.',
    source: 'builtin',
    formats: ALL_FORMATS,
    style: {
      font: 'serif',
      baseSize: 10.5,
      nameSize: 22,
      headingSize: 12,
      accent: '#000000',
      nameAlign: 'center',
      headingCase: 'upper',
      headingRule: true,
      blockGap: 3,
      margin: 54,
    },
  },
  {
    id: 'modern',
    name: 'Modern',
    description: 'Sans-serif type, left-aligned name and headings in a deep blue accent, generous spacing.',
    source: 'builtin',
    formats: ALL_FORMATS,
    style: {
      font: 'sans',
      baseSize: 10,
      nameSize: 24,
      headingSize: 13,
      accent: '#1f4e79',
      nameAlign: 'left',
      headingCase: 'as-is',
      headingRule: false,
      blockGap: 4,
      margin: 50,
    },
  },
  {
    id: 'compact',
    name: 'Compact',
    description: 'Condensed sans-serif at a smaller size with tight spacing: fits a long career on fewer pages.',
    source: 'builtin',
    formats: ALL_FORMATS,
    style: {
      font: 'condensed',
      baseSize: 9,
      nameSize: 17,
      headingSize: 10.5,
      accent: '#333333',
      nameAlign: 'left',
      headingCase: 'upper',
      headingRule: true,
      blockGap: 2,
      margin: 36,
    },
  },
  {
    id: 'sidebar',
    name: 'Sidebar',
    description:
      'Two columns: a tinted sidebar on the left with contact details, skills, languages, certificates and interests; the name, summary and experience beside it. PDF and HTML; DOCX, Markdown and text keep one column with the same fonts and accent.',
    source: 'builtin',
    formats: ALL_FORMATS,
    style: {
      font: 'sans',
      baseSize: 9.5,
      nameSize: 24,
      headingSize: 11.5,
      accent: '#2a5d67',
      nameAlign: 'left',
      headingCase: 'upper',
      headingRule: false,
      blockGap: 3,
      margin: 40,
      columns: {
        asideSide: 'left',
        asideWidth: 0.27,
        gutter: 28,
        asideTint: 0.1,
        identity: 'main',
        contact: 'aside',
        asideSections: ['skills', 'languages', 'certificates', 'interests'],
      },
    },
  },
  {
    id: 'two-column',
    name: 'Two column',
    description:
      'A header across the page with the name and contact line, then experience on the left and a narrow column of skills, languages, education and certificates on the right. PDF and HTML; DOCX, Markdown and text keep one column with the same fonts and accent.',
    source: 'builtin',
    formats: ALL_FORMATS,
    style: {
      font: 'sans',
      baseSize: 9.5,
      nameSize: 24,
      headingSize: 11.5,
      accent: '#7a2e3b',
      nameAlign: 'left',
      headingCase: 'upper',
      headingRule: true,
      blockGap: 3,
      margin: 42,
      columns: {
        asideSide: 'right',
        asideWidth: 0.32,
        gutter: 22,
        asideTint: 0,
        identity: 'top',
        contact: 'top',
        asideSections: ['skills', 'languages', 'education', 'certificates', 'interests'],
      },
    },
  },
]
