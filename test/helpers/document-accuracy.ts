/**
 * Field-level accuracy of an imported resume against the original: both are flattened into facts
 * (`work|Acme|position|Engineer`, `skill|Tools|SQL`, …) and compared as multisets.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { JsonResumeDocument } from '../../src/domain/documents/document.types.js'
import { readJsonResume } from '../../src/domain/documents/json-resume.js'

export const FIXTURE_DIR = path.resolve(import.meta.dirname, '../fixtures/resumes')

/** The sample resumes under test/fixtures/resumes, by file name without extension. */
export function loadResumeFixtures(): { name: string; content: JsonResumeDocument }[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.json$/, ''),
      content: JSON.parse(readFileSync(path.join(FIXTURE_DIR, f), 'utf8')) as JsonResumeDocument,
    }))
}

const norm = (s: string | undefined) => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim()

/** The facts a resume states: names, contacts, companies, positions, dates, degrees, skills, highlights, … */
export function factsOf(content: JsonResumeDocument): string[] {
  const r = readJsonResume(content)
  const facts: string[] = []
  const add = (...parts: (string | undefined)[]) => {
    const last = parts.at(-1)
    if (last !== undefined && norm(last) !== '') facts.push(parts.map(norm).join('|'))
  }
  const b = r.basics ?? {}
  add('name', b.name)
  add('label', b.label)
  add('email', b.email)
  add('phone', b.phone)
  add('url', b.url)
  add('city', b.location?.city)
  for (const p of b.profiles ?? []) add('profile', p.network, p.url ?? p.username)
  for (const w of r.work ?? []) {
    const key = w.name ?? w.position
    add('work', w.name)
    add('work', key, 'position', w.position)
    add('work', key, 'startDate', w.startDate)
    add('work', key, 'endDate', w.endDate)
    add('work', key, 'location', w.location)
    for (const h of w.highlights ?? []) add('work', key, 'highlight', h)
  }
  for (const v of r.volunteer ?? []) {
    add('volunteer', v.organization, 'position', v.position)
    add('volunteer', v.organization, 'startDate', v.startDate)
    for (const h of v.highlights ?? []) add('volunteer', v.organization, 'highlight', h)
  }
  for (const e of r.education ?? []) {
    add('education', e.institution)
    add('education', e.institution, 'studyType', e.studyType)
    add('education', e.institution, 'area', e.area)
    add('education', e.institution, 'startDate', e.startDate)
    add('education', e.institution, 'endDate', e.endDate)
    add('education', e.institution, 'score', e.score)
    for (const c of e.courses ?? []) add('education', e.institution, 'course', c)
  }
  for (const s of r.skills ?? []) {
    add('skill', s.name)
    add('skill', s.name, 'level', s.level)
    for (const k of s.keywords ?? []) add('skill', s.name, k)
  }
  for (const p of r.projects ?? []) {
    add('project', p.name)
    add('project', p.name, 'url', p.url)
    add('project', p.name, 'startDate', p.startDate)
    add('project', p.name, 'endDate', p.endDate)
    for (const h of p.highlights ?? []) add('project', p.name, 'highlight', h)
    for (const k of p.keywords ?? []) add('project', p.name, 'keyword', k)
  }
  for (const a of r.awards ?? []) add('award', a.title, a.date)
  for (const c of r.certificates ?? []) add('certificate', c.name, c.issuer, c.date)
  for (const p of r.publications ?? []) add('publication', p.name, p.publisher, p.releaseDate)
  for (const l of r.languages ?? []) add('language', l.language, l.fluency)
  for (const i of r.interests ?? []) add('interest', i.name)
  return facts
}

export interface Accuracy {
  precision: number
  recall: number
  expected: number
  found: number
  matched: number
  missing: string[]
  extra: string[]
}

/** Precision and recall of the imported resume's facts against the original's. */
export function accuracyOf(original: JsonResumeDocument, imported: JsonResumeDocument): Accuracy {
  const expected = factsOf(original)
  const found = factsOf(imported)
  const pool = new Map<string, number>()
  for (const f of expected) pool.set(f, (pool.get(f) ?? 0) + 1)
  const extra: string[] = []
  let matched = 0
  for (const f of found) {
    const left = pool.get(f) ?? 0
    if (left > 0) {
      pool.set(f, left - 1)
      matched += 1
    } else extra.push(f)
  }
  const missing = [...pool.entries()].flatMap(([f, n]) => Array<string>(n).fill(f))
  return {
    precision: found.length === 0 ? 0 : matched / found.length,
    recall: expected.length === 0 ? 1 : matched / expected.length,
    expected: expected.length,
    found: found.length,
    matched,
    missing,
    extra,
  }
}
