/**
 * The corpus's truth: the JSON Resume documents written by hand for the evaluation set (ranking candidates and
 * pair resumes), duplicates removed, each given contact details they lack (a fictional 555 phone number written in
 * one of several national forms, a website and LinkedIn/GitHub profiles built from the name) so that phones, URLs and
 * profiles are measured too. Deterministic: the same files always give the same truths.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export type Truth = Record<string, unknown> & {
  basics?: Record<string, unknown>
}

export interface TruthDocument {
  readonly id: string
  readonly resume: Truth
}

const EVAL = path.resolve(import.meta.dirname, '..')

const PHONE_FORMS = [
  (n: string) => `(${n.slice(0, 3)}) 555-${n.slice(3, 7)}`,
  (n: string) => `+1 ${n.slice(0, 3)} 555 ${n.slice(3, 7)}`,
  (n: string) => `${n.slice(0, 3)}.555.${n.slice(3, 7)}`,
  (n: string) => `${n.slice(0, 3)}–555–${n.slice(3, 7)}`,
  (n: string) => `+1-${n.slice(0, 3)}-555-${n.slice(3, 7)}`,
]

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

function enrich(resume: Truth, index: number): Truth {
  const { $schema: _schema, ...rest } = resume
  const basics = { ...(rest.basics ?? {}) }
  const name = String(basics.name ?? 'resume')
  const handle = slug(name)
  const digits = String(200 + ((index * 37) % 700)) + String(1000 + ((index * 613) % 9000)).slice(0, 4)
  if (!basics.phone) basics.phone = (PHONE_FORMS[index % PHONE_FORMS.length] as (n: string) => string)(digits)
  if (!basics.url && index % 3 !== 2) basics.url = `https://${handle}.example.com`
  if (!basics.profiles) {
    const profiles = [{ network: 'LinkedIn', username: handle, url: `https://www.linkedin.com/in/${handle}` }]
    if (index % 2 === 0) profiles.push({ network: 'GitHub', username: handle, url: `https://github.com/${handle}` })
    basics.profiles = profiles
  }
  return { ...rest, basics }
}

/** Every truth document, in a stable order. */
export function loadTruths(): TruthDocument[] {
  const found: TruthDocument[] = []
  for (const file of readdirSync(path.join(EVAL, 'rankings')).sort()) {
    const ranking = JSON.parse(readFileSync(path.join(EVAL, 'rankings', file), 'utf8')) as {
      id: string
      candidates: { id: string; resume: Truth }[]
    }
    for (const candidate of ranking.candidates) found.push({ id: candidate.id, resume: candidate.resume })
  }
  for (const file of readdirSync(path.join(EVAL, 'pairs')).sort()) {
    const pair = JSON.parse(readFileSync(path.join(EVAL, 'pairs', file), 'utf8')) as { id: string; resume: Truth }
    found.push({ id: pair.id, resume: pair.resume })
  }
  const seen = new Set<string>()
  const ids = new Set<string>()
  const unique: TruthDocument[] = []
  for (const doc of found) {
    const key = JSON.stringify(doc.resume)
    if (seen.has(key)) continue
    seen.add(key)
    let id = slug(doc.id)
    while (ids.has(id)) id = `${id}-2`
    ids.add(id)
    unique.push({ id, resume: enrich(doc.resume, unique.length) })
  }
  return unique
}
