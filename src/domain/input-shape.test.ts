import { describe, expect, it } from 'vitest'
import { INPUT_LIMIT_DEFAULTS } from '../config/defaults.js'
import { DomainError } from './errors.js'
import { assertInputShape, type InputLimits, inputShapeProblems } from './input-shape.js'

const limits: InputLimits = { maxDepth: 4, maxStringLength: 10, maxArrayLength: 3 }

/** `[[[…]]]` nested `depth` levels, built without recursion. */
function nestedArrays(depth: number): unknown {
  let value: unknown = []
  for (let i = 1; i < depth; i += 1) value = [value]
  return value
}

/** `{"a":{"a":…}}` nested `depth` levels. */
function nestedObjects(depth: number): unknown {
  let value: unknown = {}
  for (let i = 1; i < depth; i += 1) value = { a: value }
  return value
}

describe('inputShapeProblems', () => {
  it('accepts a value exactly at every limit', () => {
    const value = { a: [[['0123456789', 1, 2]]], b: 'x', c: null }
    expect(inputShapeProblems(value, limits, '/body')).toEqual([])
    expect(inputShapeProblems(nestedArrays(4), limits)).toEqual([])
    expect(inputShapeProblems(nestedObjects(4), limits)).toEqual([])
  })

  it('reports nesting one level past maxDepth at the container that is too deep', () => {
    expect(inputShapeProblems(nestedArrays(5), limits, '/body')).toEqual([
      { pointer: '/body/0/0/0/0', message: 'must not nest objects and arrays more than 4 levels deep' },
    ])
    expect(inputShapeProblems({ content: nestedObjects(4) }, limits, '/body')).toEqual([
      { pointer: '/body/content/a/a/a', message: 'must not nest objects and arrays more than 4 levels deep' },
    ])
  })

  it('walks arrays and objects nested 100,000 deep without overflowing the stack', () => {
    const deepArray = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)
    const deepObject = JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`)
    const defaults = INPUT_LIMIT_DEFAULTS
    expect(inputShapeProblems(deepArray, defaults, '/body')).toEqual([
      { pointer: `/body${'/0'.repeat(32)}`, message: 'must not nest objects and arrays more than 32 levels deep' },
    ])
    expect(inputShapeProblems(deepObject, defaults, '')).toEqual([
      { pointer: '/a'.repeat(32), message: 'must not nest objects and arrays more than 32 levels deep' },
    ])
  })

  it('reports strings and property names one character over maxStringLength', () => {
    expect(inputShapeProblems({ ok: '0123456789', long: '0123456789A' }, limits, '/body')).toEqual([
      { pointer: '/body/long', message: 'must be at most 10 characters long' },
    ])
    expect(inputShapeProblems({ x: { '0123456789A': 1, '0123456789': 2 } }, limits, '/body')).toEqual([
      { pointer: '/body/x', message: 'must not have a property name longer than 10 characters' },
    ])
    expect(inputShapeProblems('a'.repeat(100_001), INPUT_LIMIT_DEFAULTS, '/body/description')).toEqual([
      { pointer: '/body/description', message: 'must be at most 100000 characters long' },
    ])
  })

  it('reports arrays and objects one entry wider than maxArrayLength, without entering them', () => {
    expect(inputShapeProblems({ a: [1, 2, 3], b: ['x\u0000', 2, 3, 4] }, limits, '/body')).toEqual([
      { pointer: '/body/b', message: 'must have at most 3 items' },
    ])
    expect(inputShapeProblems({ o: { a: 1, b: 2, c: 3, d: 4 } }, limits, '')).toEqual([
      { pointer: '/o', message: 'must have at most 3 properties' },
    ])
    const wide = Array.from({ length: 10_001 }, () => 0)
    expect(inputShapeProblems(wide, INPUT_LIMIT_DEFAULTS, '/body')).toEqual([
      { pointer: '/body', message: 'must have at most 10000 items' },
    ])
    expect(inputShapeProblems(wide.slice(1), INPUT_LIMIT_DEFAULTS, '/body')).toEqual([])
  })

  it('reports numbers that are not finite (JSON cannot hold them, other sources can)', () => {
    const value = { a: Number.POSITIVE_INFINITY, b: [Number.NaN, -Infinity], c: [1e308, -0] }
    expect(inputShapeProblems(value, limits, '')).toEqual([
      { pointer: '/a', message: 'must be a finite number' },
      { pointer: '/b/0', message: 'must be a finite number' },
      { pointer: '/b/1', message: 'must be a finite number' },
    ])
  })

  it('reports NUL characters in strings and property names, with escaped pointers', () => {
    expect(inputShapeProblems({ 'a/b~': ['ok', 'n\u0000l'], 'k\u0000': 1 }, limits, '/body')).toEqual([
      { pointer: '/body/k\u0000', message: 'must not contain NUL characters' },
      { pointer: '/body/a~1b~0/1', message: 'must not contain NUL characters' },
    ])
  })

  it('reports __proto__ properties and constructor.prototype, as parsed from JSON', () => {
    const named = { ...limits, maxStringLength: 20 }
    const parsed = JSON.parse('{"a":{"__proto__":{"polluted":true}},"b":{"constructor":{"prototype":{"x":1}}}}')
    expect(inputShapeProblems(parsed, named, '/file')).toEqual([
      { pointer: '/file/a/__proto__', message: 'is not an allowed property name' },
      { pointer: '/file/b/constructor/prototype', message: 'is not an allowed property name' },
    ])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(inputShapeProblems({ constructor: { name: 'harmless' } }, named, '')).toEqual([])
  })

  it('stops at the first problems it was asked for', () => {
    const many = Array.from({ length: 3 }, () => 'x'.repeat(11))
    expect(inputShapeProblems({ a: many, b: many }, limits, '', 2)).toEqual([
      { pointer: '/a/0', message: 'must be at most 10 characters long' },
      { pointer: '/a/1', message: 'must be at most 10 characters long' },
    ])
    const keys = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`k${i}\u0000`, 1]))
    expect(inputShapeProblems(keys, limits, '', 2)).toHaveLength(2)
  })

  it('enters plain and null-prototype objects, not Buffers or Dates', () => {
    expect(inputShapeProblems(null, limits)).toEqual([])
    expect(inputShapeProblems(undefined, limits)).toEqual([])
    expect(inputShapeProblems(Buffer.alloc(100), limits)).toEqual([])
    expect(inputShapeProblems(new Date(0), limits)).toEqual([])
    const query = Object.assign(Object.create(Object.create(null)), { q: 'n\u0000l' })
    expect(inputShapeProblems(query, limits, '/querystring')).toEqual([
      { pointer: '/querystring/q', message: 'must not contain NUL characters' },
    ])
  })
})

describe('assertInputShape', () => {
  it('throws VALIDATION_FAILED with the problems as errors', () => {
    let thrown: unknown
    try {
      assertInputShape({ a: 'n\u0000l' }, limits, '/body')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(DomainError)
    expect(thrown).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ pointer: '/body/a', message: 'must not contain NUL characters' }],
    })
    expect(() => assertInputShape({ a: 'fine' }, limits, '/body')).not.toThrow()
  })
})
