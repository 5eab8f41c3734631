import { describe, expect, it } from 'vitest'
import { appendIn, fieldId, getIn, moveIn, pathOf, pointerOf, removeIn, setIn } from '../../web/src/editor/json.js'
import { applyToDraft, type DraftHandle } from '../../web/src/editor/use-draft.js'
import { beforeAndAfter, engineLine, linesOf } from '../../web/src/intelligence/rewrite-text.js'
import { ApiError, fieldName } from '../../web/src/problem.js'
import { readablePath, readableValue } from '../../web/src/readable.js'
import type { PatchOperation } from '../../web/src/types.js'

describe('editor document edits', () => {
  const resume = { basics: { name: 'Ada' }, work: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] }

  it('sets nested values without touching the original, creating objects on the way', () => {
    const next = setIn(resume, ['basics', 'location', 'city'], 'London')
    expect(next.basics).toEqual({ name: 'Ada', location: { city: 'London' } })
    expect(resume.basics).toEqual({ name: 'Ada' })
    expect(next.work).toBe(resume.work)
  })

  it('removes a key when the value is emptied, so no empty dates or URLs reach the draft', () => {
    expect(setIn(resume, ['basics', 'name'], undefined)).toEqual({ basics: {}, work: resume.work })
  })

  it('moves, removes and appends entries of an array', () => {
    expect(getIn(moveIn(resume, ['work'], 0, 2), ['work'])).toEqual([{ name: 'B' }, { name: 'C' }, { name: 'A' }])
    expect(getIn(moveIn(resume, ['work'], 2, 1), ['work'])).toEqual([{ name: 'A' }, { name: 'C' }, { name: 'B' }])
    expect(moveIn(resume, ['work'], 0, -1)).toBe(resume)
    expect(getIn(removeIn(resume, ['work'], 1), ['work'])).toEqual([{ name: 'A' }, { name: 'C' }])
    expect(removeIn({ skills: [{ name: 'Go' }] }, ['skills'], 0)).toEqual({})
    expect(getIn(appendIn(resume, ['work', 0, 'highlights'], 'Shipped'), ['work', 0])).toEqual({
      name: 'A',
      highlights: ['Shipped'],
    })
  })

  it('round-trips JSON Pointers and names the field editing a pointer', () => {
    expect(pointerOf(['work', 0, 'highlights', 1])).toBe('/work/0/highlights/1')
    expect(pointerOf(['a/b', 'c~d'])).toBe('/a~1b/c~0d')
    expect(pathOf('/a~1b/c~0d')).toEqual(['a/b', 'c~d'])
    expect(getIn(resume, pathOf('/work/1/name'))).toBe('B')
    expect(fieldId('/work/0/highlights/1')).toBe('field.work.0.highlights.1')
  })
})

describe('API problems in plain words', () => {
  it('uses the detail, and names invalid fields in words people read', () => {
    const error = new ApiError(400, {
      title: 'Bad Request',
      detail: 'The request is not valid; see `errors`.',
      code: 'VALIDATION_FAILED',
      errors: [{ pointer: '/body/content/work/0/startDate', message: 'must match format "date"' }],
    })
    expect(error.message).toBe('The request is not valid; see `errors`. work 1 startDate must match format "date".')
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(fieldName('/body/password')).toBe('password')
  })

  it('falls back to the title, then to the status', () => {
    expect(new ApiError(404, { title: 'Not Found' }).message).toBe('Not Found')
    expect(new ApiError(502, {}).message).toBe('The request failed (HTTP 502).')
  })

  it('says when to retry after a 429', () => {
    expect(new ApiError(429, { detail: 'Rate limit exceeded.' }, 42).message).toBe(
      'Too many requests for now. Try again in 42 seconds.',
    )
    expect(new ApiError(429, {}, 1).message).toBe('Too many requests for now. Try again in 1 second.')
    expect(new ApiError(429, {}).message).toBe('Too many requests for now. Try again in a minute.')
  })
})

describe('diff values as people read them', () => {
  it('shows text as is, lists as bullets and entries as field lines', () => {
    expect(readableValue('Ada')).toBe('Ada')
    expect(readableValue(['Go', 'SQL'])).toBe('• Go\n• SQL')
    expect(readableValue([{ name: 'Initech', highlights: ['Built services', 'Tuned queries'], remote: true }])).toBe(
      '• name: Initech\n  highlights:\n    • Built services\n    • Tuned queries\n  remote: true',
    )
    expect(readableValue(undefined)).toBe('')
    expect(readablePath('/work/0/highlights/1')).toBe('work 1 › highlights 2')
  })
})

describe('proposed rewrites', () => {
  it('shows the value an edit replaces and the one it writes, as readable lines', () => {
    const edit = beforeAndAfter([
      { op: 'test', path: '/work/0/highlights', value: ['Tuned queries', 'Built Go services'] },
      { op: 'replace', path: '/work/0/highlights', value: ['Built Go services', 'Tuned queries'] },
    ])
    expect(edit).toEqual({
      path: '/work/0/highlights',
      before: ['Tuned queries', 'Built Go services'],
      after: ['Built Go services', 'Tuned queries'],
    })
    expect(beforeAndAfter([{ op: 'add', path: '/skills', value: [{ name: 'Go' }] }]).before).toBeUndefined()
    expect(linesOf('A summary.')).toEqual(['A summary.'])
    expect(linesOf([{ name: 'Databases', keywords: ['PostgreSQL', 'Redis'] }, { name: 'Go' }])).toEqual([
      'Databases: PostgreSQL, Redis',
      'Go',
    ])
    expect(linesOf(undefined)).toEqual([])
    expect(linesOf('')).toEqual([])
  })

  it('says which engine wrote the rewrites and, in words, why the model did not', () => {
    expect(engineLine({ engine: 'llm', model: 'qwen2.5-7b' })).toBe('Written by qwen2.5-7b.')
    expect(engineLine({ engine: 'deterministic', fallbackReason: 'timeout' })).toBe(
      'Written by RoleReady’s built-in engine: the AI model took too long to answer.',
    )
    expect(engineLine({ engine: 'deterministic', fallbackReason: 'not-configured' })).toContain(
      'no AI model is configured',
    )
  })
})

describe('applying an API patch to the draft', () => {
  const handle = (content: DraftHandle['content']) => {
    const updates: unknown[] = []
    return { updates, draft: { content, update: (next: unknown) => updates.push(next) } as unknown as DraftHandle }
  }

  it('applies a patch whose test still holds, and refuses one whose text changed since, leaving the draft alone', () => {
    const content = { basics: { summary: 'Backend engineer.' } }
    const patch: PatchOperation[] = [
      { op: 'test', path: '/basics/summary', value: 'Backend engineer.' },
      { op: 'replace', path: '/basics/summary', value: 'Backend engineer: Go and PostgreSQL.' },
    ]
    const fits = handle(content)
    expect(applyToDraft(fits.draft, patch)).toBe(true)
    expect(fits.updates).toEqual([{ basics: { summary: 'Backend engineer: Go and PostgreSQL.' } }])
    expect(content.basics.summary).toBe('Backend engineer.')

    const changed = handle({ basics: { summary: 'Edited in another tab.' } })
    expect(applyToDraft(changed.draft, patch)).toBe(false)
    expect(changed.updates).toEqual([])
    expect(applyToDraft(handle(null).draft, patch)).toBe(false)
  })
})
