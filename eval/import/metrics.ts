/**
 * Field precision and recall of an imported resume against its truth. Both sides are normalised first (case, white
 * space, Unicode NFKC, dates to YYYY-MM, URLs without scheme or `www.`, phones to digits); entries (work,
 * education) are paired with the truth's by the most equal fields, so one missed entry does not shift the rest.
 */
export const FIELD_KINDS = [
  'name',
  'email',
  'phone',
  'url',
  'location',
  'profiles',
  'work.position',
  'work.company',
  'work.startDate',
  'work.endDate',
  'work.highlights',
  'education.institution',
  'education.area',
  'education.studyType',
  'education.startDate',
  'education.endDate',
  'skills',
] as const
export type FieldKind = (typeof FIELD_KINDS)[number]

/** Values in the truth, values found, and found values equal to the truth's. */
export interface Tally {
  truth: number
  found: number
  correct: number
}

export type Scores = Record<FieldKind, Tally>

export const emptyScores = (): Scores =>
  Object.fromEntries(FIELD_KINDS.map((k) => [k, { truth: 0, found: 0, correct: 0 }])) as Scores

export function addScores(into: Scores, from: Scores): Scores {
  for (const kind of FIELD_KINDS) {
    into[kind].truth += from[kind].truth
    into[kind].found += from[kind].found
    into[kind].correct += from[kind].correct
  }
  return into
}

export function totalOf(scores: Scores): Tally {
  const total = { truth: 0, found: 0, correct: 0 }
  for (const kind of FIELD_KINDS) {
    total.truth += scores[kind].truth
    total.found += scores[kind].found
    total.correct += scores[kind].correct
  }
  return total
}

export const precision = (t: Tally) => (t.found === 0 ? (t.truth === 0 ? 1 : 0) : t.correct / t.found)
export const recall = (t: Tally) => (t.truth === 0 ? 1 : t.correct / t.truth)

type Json = Record<string, unknown>
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {})
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const text = (v: unknown): string => (typeof v === 'string' ? v : '')

export function normalText(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;:]$/, '')
    .toLowerCase()
}

export function normalDate(value: string): string {
  const t = value.trim().toLowerCase()
  if (/^(present|current|now)$/.test(t)) return ''
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(t)
  return m ? (m[2] ? `${m[1]}-${m[2]}` : (m[1] as string)) : normalText(value)
}

export function normalUrl(value: string): string {
  return normalText(value)
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/$/, '')
}

export const normalPhone = (value: string) => value.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '')

/** Counts one single-valued field. */
function single(tally: Tally, truth: string, found: string): void {
  if (truth) tally.truth += 1
  if (found) tally.found += 1
  if (truth && found && truth === found) tally.correct += 1
}

/** Counts a multiset of values: each found value equal to an unused truth value is correct. */
function many(tally: Tally, truth: readonly string[], found: readonly string[]): void {
  const left = new Map<string, number>()
  for (const t of truth.filter(Boolean)) left.set(t, (left.get(t) ?? 0) + 1)
  tally.truth += truth.filter(Boolean).length
  for (const f of found.filter(Boolean)) {
    tally.found += 1
    const n = left.get(f) ?? 0
    if (n > 0) {
      tally.correct += 1
      left.set(f, n - 1)
    }
  }
}

function locationOf(value: unknown): { city: string; region: string } {
  const l = obj(value)
  return { city: normalText(text(l.city)), region: normalText(text(l.region)) }
}

/** A found profile is right when its URL, or its network and user name, are one of the truth's. */
function profiles(tally: Tally, truth: unknown, found: unknown): void {
  const truthProfiles = arr(truth).map(obj)
  tally.truth += truthProfiles.length
  const used = new Set<number>()
  for (const p of arr(found).map(obj)) {
    tally.found += 1
    const url = normalUrl(text(p.url))
    const user = `${normalText(text(p.network))}:${normalText(text(p.username))}`
    const at = truthProfiles.findIndex(
      (t, i) =>
        !used.has(i) &&
        ((url && normalUrl(text(t.url)) === url) ||
          (text(p.username) && `${normalText(text(t.network))}:${normalText(text(t.username))}` === user)),
    )
    if (at >= 0) {
      used.add(at)
      tally.correct += 1
    }
  }
}

type EntryFields = Record<string, string>

const WORK_FIELDS: Record<string, (e: Json) => string> = {
  position: (e) => normalText(text(e.position)),
  company: (e) => normalText(text(e.name)),
  startDate: (e) => normalDate(text(e.startDate)),
  endDate: (e) => normalDate(text(e.endDate)),
}
const EDUCATION_FIELDS: Record<string, (e: Json) => string> = {
  institution: (e) => normalText(text(e.institution)),
  area: (e) => normalText(text(e.area)),
  studyType: (e) => normalText(text(e.studyType)),
  startDate: (e) => normalDate(text(e.startDate)),
  endDate: (e) => normalDate(text(e.endDate)),
}

/** Pairs found entries with truth entries, greedily by the number of equal fields (ties: document order). */
function pairEntries(truth: EntryFields[], found: EntryFields[]): Map<number, number> {
  const candidates: { t: number; f: number; score: number }[] = []
  truth.forEach((t, ti) => {
    found.forEach((f, fi) => {
      const score = Object.keys(t).filter((k) => t[k] && t[k] === f[k]).length
      if (score > 0) candidates.push({ t: ti, f: fi, score })
    })
  })
  candidates.sort((a, b) => b.score - a.score || Math.abs(a.t - a.f) - Math.abs(b.t - b.f) || a.t - b.t)
  const pairs = new Map<number, number>()
  const usedFound = new Set<number>()
  for (const c of candidates) {
    if (pairs.has(c.t) || usedFound.has(c.f)) continue
    pairs.set(c.t, c.f)
    usedFound.add(c.f)
  }
  return pairs
}

function entries(
  scores: Scores,
  prefix: 'work' | 'education',
  fields: Record<string, (e: Json) => string>,
  truthList: unknown,
  foundList: unknown,
): Map<number, number> {
  const truth = arr(truthList).map(obj)
  const found = arr(foundList).map(obj)
  const read = (e: Json) => Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f(e)]))
  const truthFields = truth.map(read)
  const foundFields = found.map(read)
  const pairs = pairEntries(truthFields, foundFields)
  const paired = new Set(pairs.values())
  for (const name of Object.keys(fields)) {
    const tally = scores[`${prefix}.${name}` as FieldKind]
    truthFields.forEach((t, ti) => {
      const fi = pairs.get(ti)
      single(tally, t[name] as string, fi === undefined ? '' : (foundFields[fi]?.[name] as string))
    })
    foundFields.forEach((f, fi) => {
      if (!paired.has(fi) && f[name]) tally.found += 1
    })
  }
  return pairs
}

function skillValues(resume: Json): string[] {
  return arr(resume.skills).flatMap((s) => {
    const skill = obj(s)
    return [text(skill.name), ...arr(skill.keywords).map(text)].filter(Boolean).map(normalText)
  })
}

/** Scores one imported resume against its truth. */
export function scoreResume(truth: Json, found: Json): Scores {
  const scores = emptyScores()
  const tb = obj(truth.basics)
  const fb = obj(found.basics)
  single(scores.name, normalText(text(tb.name)), normalText(text(fb.name)))
  single(scores.email, normalText(text(tb.email)), normalText(text(fb.email)))
  single(scores.phone, normalPhone(text(tb.phone)), normalPhone(text(fb.phone)))
  single(scores.url, normalUrl(text(tb.url)), normalUrl(text(fb.url)))
  const tl = locationOf(tb.location)
  const fl = locationOf(fb.location)
  if (tl.city) scores.location.truth += 1
  if (fl.city) scores.location.found += 1
  if (tl.city && tl.city === fl.city && (!tl.region || tl.region === fl.region)) scores.location.correct += 1
  profiles(scores.profiles, tb.profiles, fb.profiles)
  const workPairs = entries(scores, 'work', WORK_FIELDS, truth.work, found.work)
  const truthWork = arr(truth.work).map(obj)
  const foundWork = arr(found.work).map(obj)
  const pairedWork = new Set(workPairs.values())
  truthWork.forEach((t, ti) => {
    const fi = workPairs.get(ti)
    const f = fi === undefined ? {} : (foundWork[fi] ?? {})
    many(
      scores['work.highlights'],
      arr(t.highlights).map(text).map(normalText),
      arr(f.highlights).map(text).map(normalText),
    )
  })
  foundWork.forEach((f, fi) => {
    if (!pairedWork.has(fi)) scores['work.highlights'].found += arr(f.highlights).length
  })
  entries(scores, 'education', EDUCATION_FIELDS, truth.education, found.education)
  many(scores.skills, skillValues(truth), skillValues(found))
  return scores
}
