import { describe, expect, it } from 'vitest'
import { SECTION_KEYS } from '../resumes/resume-design.js'
import { readJsonResume } from './json-resume.js'
import { layoutResume, mailHref, phoneHref, sectionPlan, webHref } from './resume-layout.js'

describe('resume layout', () => {
  it('plans sections in the standard order, or the design order first, without hidden ones, under its titles', () => {
    expect(sectionPlan().map((s) => s.key)).toEqual([...SECTION_KEYS])
    const plan = sectionPlan({
      sectionOrder: ['skills', 'work'],
      hiddenSections: ['summary', 'references'],
      sectionTitles: { work: 'Professional Experience' },
    })
    expect(plan.slice(0, 3)).toEqual([
      { key: 'skills', title: 'Skills' },
      { key: 'work', title: 'Professional Experience' },
      { key: 'education', title: 'Education' },
    ])
    expect(plan.map((s) => s.key)).not.toContain('summary')
    expect(plan).toHaveLength(10)
  })

  it('links only addresses it can open safely', () => {
    expect(webHref('https://example.com/a b')).toBeUndefined()
    expect(webHref('example.com/ada')).toBe('https://example.com/ada')
    expect(webHref('http://example.com')).toBe('http://example.com/')
    expect(webHref('javascript:alert(1)')).toBeUndefined()
    expect(webHref('data:text/html,hi')).toBeUndefined()
    expect(webHref('ftp://example.com')).toBeUndefined()
    expect(webHref('localhost')).toBeUndefined()
    expect(mailHref('ada@example.com')).toBe('mailto:ada@example.com')
    expect(mailHref('ada at example')).toBeUndefined()
    expect(phoneHref('+1 (555) 010-0199')).toBe('tel:+15550100199')
    expect(phoneHref('call me')).toBeUndefined()
    expect(phoneHref('12')).toBeUndefined()
  })

  it('marks contact parts and an entry address as links, keeping the text as written', () => {
    const blocks = layoutResume(
      readJsonResume({
        basics: { name: 'Ada', email: 'ada@example.com', location: { city: 'London' } },
        projects: [{ name: 'Engine', url: 'example.com/engine', startDate: '1843' }],
      }),
    )
    expect(blocks).toContainEqual({
      kind: 'contact',
      parts: ['ada@example.com', 'London'],
      links: ['mailto:ada@example.com', undefined],
    })
    expect(blocks).toContainEqual({
      kind: 'entryMeta',
      text: '1843 – Present · example.com/engine',
      link: { text: 'example.com/engine', href: 'https://example.com/engine' },
    })
  })
})
