import { describe, expect, it } from 'vitest'
import { applyDesignChanges, designProblems, normalizeDesignChanges, readDesign } from './resume-design.js'

describe('resume design', () => {
  it('accepts every option within its bounds', () => {
    expect(
      designProblems(
        {
          pageSize: 'a4',
          accentColor: '#1F4e79',
          fontFamily: 'liberation-sans',
          fontSize: 8,
          lineSpacing: 2,
          margins: 108,
          sectionOrder: ['skills', 'work'],
          hiddenSections: ['references'],
          sectionTitles: { work: 'Professional Experience' },
          showPhoto: false,
        },
        '/design',
      ),
    ).toEqual([])
  })

  it('names each bad option by its pointer', () => {
    const problems = designProblems(
      {
        pageSize: 'legal',
        accentColor: 'blue',
        fontFamily: 'papyrus',
        fontSize: 7.5,
        lineSpacing: Number.NaN,
        margins: 200,
        sectionOrder: ['work', 'work'],
        hiddenSections: ['hobbies'],
        sectionTitles: { work: '  ', hobbies: 'Fun' },
        showPhoto: 'yes',
        colour: '#000000',
      } as never,
      '/design',
    )
    expect(problems.map((p) => p.pointer).sort()).toEqual(
      [
        '/design/accentColor',
        '/design/colour',
        '/design/fontFamily',
        '/design/fontSize',
        '/design/hiddenSections',
        '/design/lineSpacing',
        '/design/margins',
        '/design/pageSize',
        '/design/sectionOrder',
        '/design/sectionTitles/hobbies',
        '/design/sectionTitles/work',
        '/design/showPhoto',
      ].sort(),
    )
  })

  it('applies a change: values replace, null removes, titles are trimmed, the rest is kept', () => {
    const current = { pageSize: 'a4', fontSize: 11, sectionTitles: { work: 'Career' } } as const
    expect(applyDesignChanges(current, { fontSize: null, margins: 40, sectionTitles: { skills: ' Tools ' } })).toEqual({
      pageSize: 'a4',
      margins: 40,
      sectionTitles: { skills: 'Tools' },
    })
    expect(normalizeDesignChanges({ showPhoto: null, sectionOrder: ['work'] })).toEqual({
      showPhoto: null,
      sectionOrder: ['work'],
    })
  })

  it('reads a stored design, dropping what it does not know and ignoring one it cannot use', () => {
    expect(readDesign({ margins: 40, legacy: true })).toEqual({ margins: 40 })
    expect(readDesign({ margins: 'wide' })).toEqual({})
    expect(readDesign(null)).toEqual({})
    expect(readDesign([])).toEqual({})
  })
})
