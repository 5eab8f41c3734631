/**
 * A typed, read-only view of a JSON Resume 1.2.1 document for rendering and comparison. Unknown or mistyped
 * fields are skipped here; the document itself is never changed (JSON export returns it as stored).
 */
export interface Location {
  address?: string
  postalCode?: string
  city?: string
  countryCode?: string
  region?: string
}
export interface Profile {
  network?: string
  username?: string
  url?: string
}
export interface Basics {
  name?: string
  label?: string
  image?: string
  email?: string
  phone?: string
  url?: string
  summary?: string
  location?: Location
  profiles?: Profile[]
}
export interface Work {
  name?: string
  location?: string
  description?: string
  position?: string
  url?: string
  startDate?: string
  endDate?: string
  summary?: string
  highlights?: string[]
}
export interface Education {
  institution?: string
  url?: string
  area?: string
  studyType?: string
  startDate?: string
  endDate?: string
  score?: string
  courses?: string[]
}
export interface Skill {
  name?: string
  level?: string
  keywords?: string[]
}
export interface Project {
  name?: string
  description?: string
  highlights?: string[]
  keywords?: string[]
  startDate?: string
  endDate?: string
  url?: string
  roles?: string[]
  entity?: string
  type?: string
}
export interface Award {
  title?: string
  date?: string
  awarder?: string
  summary?: string
}
export interface Certificate {
  name?: string
  date?: string
  url?: string
  issuer?: string
}
export interface Publication {
  name?: string
  publisher?: string
  releaseDate?: string
  url?: string
  summary?: string
}
export interface Language {
  language?: string
  fluency?: string
}
export interface Interest {
  name?: string
  keywords?: string[]
}
export interface Reference {
  name?: string
  reference?: string
}

export interface JsonResume {
  basics?: Basics
  work?: Work[]
  volunteer?: (Omit<Work, 'name'> & { organization?: string })[]
  education?: Education[]
  awards?: Award[]
  certificates?: Certificate[]
  publications?: Publication[]
  skills?: Skill[]
  languages?: Language[]
  interests?: Interest[]
  references?: Reference[]
  projects?: Project[]
  meta?: Record<string, unknown>
}

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined)
const strs = (v: unknown): string[] | undefined => {
  if (!Array.isArray(v)) return undefined
  const list = v.filter((s): s is string => typeof s === 'string' && s.trim() !== '')
  return list.length > 0 ? list : undefined
}
const objs = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : [])

function pick<K extends string>(o: Obj, keys: readonly K[], lists: readonly K[] = []): Partial<Record<K, never>> {
  const out: Obj = {}
  for (const k of keys) {
    const value = lists.includes(k) ? strs(o[k]) : str(o[k])
    if (value !== undefined) out[k] = value
  }
  return out as Partial<Record<K, never>>
}

/** Reads a stored document into the typed view (strings only; empty strings and lists dropped). */
export function readJsonResume(content: unknown): JsonResume {
  if (!isObj(content)) return {}
  const out: JsonResume = {}
  if (isObj(content.basics)) {
    const b = content.basics
    const basics: Basics = pick(b, ['name', 'label', 'image', 'email', 'phone', 'url', 'summary'])
    if (isObj(b.location)) {
      const location: Location = pick(b.location, ['address', 'postalCode', 'city', 'countryCode', 'region'])
      if (Object.keys(location).length > 0) basics.location = location
    }
    const profiles = objs(b.profiles).map((p): Profile => pick(p, ['network', 'username', 'url']))
    if (profiles.length > 0) basics.profiles = profiles
    out.basics = basics
  }
  const list = <T>(key: string, keys: readonly string[], lists: readonly string[] = []): T[] | undefined => {
    const items = objs(content[key])
      .map((o) => pick(o, keys, lists) as T)
      .filter((o) => Object.keys(o as object).length > 0)
    return items.length > 0 ? items : undefined
  }
  const dated = ['startDate', 'endDate'] as const
  out.work = list<Work>(
    'work',
    ['name', 'location', 'description', 'position', 'url', ...dated, 'summary', 'highlights'],
    ['highlights'],
  )
  out.volunteer = list(
    'volunteer',
    ['organization', 'position', 'url', ...dated, 'summary', 'highlights'],
    ['highlights'],
  )
  out.education = list<Education>(
    'education',
    ['institution', 'url', 'area', 'studyType', ...dated, 'score', 'courses'],
    ['courses'],
  )
  out.awards = list<Award>('awards', ['title', 'date', 'awarder', 'summary'])
  out.certificates = list<Certificate>('certificates', ['name', 'date', 'url', 'issuer'])
  out.publications = list<Publication>('publications', ['name', 'publisher', 'releaseDate', 'url', 'summary'])
  out.skills = list<Skill>('skills', ['name', 'level', 'keywords'], ['keywords'])
  out.languages = list<Language>('languages', ['language', 'fluency'])
  out.interests = list<Interest>('interests', ['name', 'keywords'], ['keywords'])
  out.references = list<Reference>('references', ['name', 'reference'])
  out.projects = list<Project>(
    'projects',
    ['name', 'description', 'highlights', 'keywords', ...dated, 'url', 'roles', 'entity', 'type'],
    ['highlights', 'keywords', 'roles'],
  )
  for (const key of Object.keys(out) as (keyof JsonResume)[]) if (out[key] === undefined) delete out[key]
  return out
}
