import type { Template } from './template.types.js'

const ALL_FORMATS = ['pdf', 'docx', 'html', 'md', 'txt', 'json'] as const

/** The built-in templates: single column, real text, standard headings, so people and ATS parsers read them alike. */
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
]
