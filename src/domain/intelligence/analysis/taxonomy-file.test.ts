import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { readTaxonomySources, renderTaxonomy, SOURCES_DIR } from '../../../../scripts/build-taxonomy.js'
import { readTaxonomyFile, type SkillRow } from './taxonomy-file.js'

const row: SkillRow = ['kubernetes', 'Kubernetes', 'h', 'Cloud', ['k8s'], [], 'or', 1]
const file = (skills: unknown) => ({ format: 1, notice: 'test', skills })

describe('the built skills taxonomy', () => {
  it('is what the generator builds from taxonomy/sources', () => {
    const committed = readFileSync(new URL('../../../../taxonomy/taxonomy.json', import.meta.url), 'utf8')
    const generated = renderTaxonomy(readTaxonomySources())
    const committedLines = committed.split('\n')
    const generatedLines = generated.split('\n')
    const line = generatedLines.findIndex((text, i) => text !== committedLines[i])
    expect(
      committed === generated,
      `taxonomy/taxonomy.json differs from the generator's output from line ${line + 1} ` +
        `(committed: ${committedLines[line]?.slice(0, 120)}; generated: ${generatedLines[line]?.slice(0, 120)}): ` +
        'run `npm run build:taxonomy` and commit the result',
    ).toBe(true)
  })

  it('accepts well-formed records', () => {
    expect(readTaxonomyFile(file([row]))).toEqual([row])
  })

  it('rejects a malformed file with an error naming the file and the record', () => {
    const badKind = ['kubernetes', 'Kubernetes', 'hard', 'Cloud', ['k8s'], [], 'or', 1]
    expect(() => readTaxonomyFile(file([row, badKind]), 'taxonomy/taxonomy.json')).toThrow(
      /^Invalid skills taxonomy in taxonomy\/taxonomy\.json \(rebuild it with `npm run build:taxonomy`\):\n {2}\/skills\/1\/2: /,
    )
    expect(() => readTaxonomyFile([row])).toThrow(/Invalid skills taxonomy in taxonomy\/taxonomy\.json/)
    expect(() => readTaxonomyFile({ ...file([row]), format: 2 })).toThrow(/\/format: /)
    expect(() => readTaxonomyFile(file([]))).toThrow(/\/skills: /)
    expect(() => readTaxonomyFile(file([row.slice(0, 7)]))).toThrow(/\/skills\/0/)
  })

  it('rejects two records with one id', () => {
    expect(() => readTaxonomyFile(file([row, row]))).toThrow(/duplicate skill id "kubernetes"/)
  })

  it('stops the taxonomy module from loading when the file is malformed', async () => {
    vi.resetModules()
    vi.doMock('../../../../taxonomy/taxonomy.json', () => ({ default: { format: 1, notice: '', skills: 'none' } }))
    onTestFinished(() => {
      vi.doUnmock('../../../../taxonomy/taxonomy.json')
      vi.resetModules()
    })
    await expect(import('./taxonomy.js')).rejects.toThrow(/Invalid skills taxonomy in taxonomy\/taxonomy\.json/)
  })

  it('the generator names a malformed source file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roleready-taxonomy-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    for (const name of ['esco-skills.json', 'onet-technology-skills.json']) {
      symlinkSync(path.join(SOURCES_DIR, name), path.join(dir, name))
    }
    writeFileSync(path.join(dir, 'curated.json'), JSON.stringify([{ category: 'Cloud', kind: 'firm', skills: [] }]))
    expect(() => readTaxonomySources(dir)).toThrow(`${path.join(dir, 'curated.json')}/0/kind: `)
  })
})
