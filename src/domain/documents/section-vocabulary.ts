import type { SectionKey } from './resume-layout.js'

/** Headings people and resume tools use, by the JSON Resume section they introduce (compared lower-case). */
const HEADINGS: Record<SectionKey, readonly string[]> = {
  summary: [
    'career summary',
    'professional background',
    'profil',
    'perfil',
    'resumen',
    'zusammenfassung',
    'résumé',
    'sobre mí',
    'über mich',
    'à propos',
    'summary',
    'profile',
    'professional summary',
    'about',
    'about me',
    'objective',
    'career objective',
    'overview',
    'professional profile',
    'personal statement',
  ],
  work: [
    'professional history',
    'experience summary',
    'selected experience',
    'work background',
    'berufserfahrung',
    'erfahrung',
    'expérience professionnelle',
    'expériences professionnelles',
    'expérience',
    'experiencia laboral',
    'experiencia profesional',
    'experiencia',
    'esperienza lavorativa',
    'esperienze lavorative',
    'werkervaring',
    'experiência profissional',
    'experience',
    'work experience',
    'professional experience',
    'employment',
    'employment history',
    'work history',
    'career history',
    'relevant experience',
    'work',
  ],
  education: [
    'academic qualifications',
    'qualifications',
    'education and certifications',
    'education and certificates',
    'training',
    'ausbildung',
    'bildung',
    'formation',
    'formación',
    'educación',
    'formação',
    'istruzione',
    'opleiding',
    'education',
    'academic background',
    'education and training',
    'academic history',
  ],
  skills: [
    'core skills',
    'skills and abilities',
    'professional skills',
    'areas of expertise',
    'skills summary',
    'technical proficiencies',
    'kenntnisse',
    'fähigkeiten',
    'compétences',
    'habilidades',
    'competencias',
    'competenze',
    'vaardigheden',
    'competências',
    'skills',
    'technical skills',
    'core competencies',
    'key skills',
    'competencies',
    'technologies',
    'skills and tools',
    'tools and technologies',
    'expertise',
  ],
  projects: [
    'projekte',
    'projets',
    'proyectos',
    'progetti',
    'projects',
    'personal projects',
    'selected projects',
    'side projects',
    'open source',
    'key projects',
  ],
  volunteer: ['volunteer', 'volunteering', 'volunteer experience', 'community', 'community involvement'],
  awards: ['awards', 'honors', 'honours', 'awards and honors', 'awards and honours', 'achievements'],
  certificates: [
    'certificates',
    'certifications',
    'licenses and certifications',
    'licences and certifications',
    'certificates and licenses',
  ],
  publications: ['publications', 'papers', 'selected publications'],
  languages: ['sprachen', 'langues', 'idiomas', 'lingue', 'talen', 'languages', 'spoken languages', 'language skills'],
  interests: ['interests', 'hobbies', 'hobbies and interests'],
  references: ['references', 'referees'],
}

const LOOKUP = new Map<string, SectionKey>()
for (const [key, names] of Object.entries(HEADINGS) as [SectionKey, readonly string[]][]) {
  for (const name of names) LOOKUP.set(name, key)
}

/** The section a longer heading names by its last word: "Computer Engineering Experience", "Clinical Skills". */
const LAST_WORD: Record<string, SectionKey> = {
  experience: 'work',
  employment: 'work',
  skills: 'skills',
  education: 'education',
  projects: 'projects',
  certifications: 'certificates',
  publications: 'publications',
  awards: 'awards',
}

function byLastWord(normal: string): SectionKey | undefined {
  const words = normal.split(' ')
  if (words.length < 2 || words.length > 4 || /[\d.,;!?]/.test(normal)) return undefined
  if (/volunteer/.test(normal)) return 'volunteer'
  return LAST_WORD[words.at(-1) as string]
}

const UNSPACED = new Map([...LOOKUP].map(([name, key]) => [name.replaceAll(' ', ''), key]))

const CONTACT_HEADINGS = new Set([
  'contact',
  'contacts',
  'contact information',
  'contact details',
  'contact info',
  'personal details',
  'personal information',
  'details',
])

/** True for a heading over contact details (sidebars often have one); its lines belong to the header. */
export function isContactHeading(text: string): boolean {
  return CONTACT_HEADINGS.has(
    text
      .trim()
      .replace(/[:：]$/, '')
      .toLowerCase(),
  )
}

/** The section a heading line introduces, or undefined when the line is not a known heading. */
export function sectionOfHeading(text: string): SectionKey | undefined {
  const normal = text
    .trim()
    .replace(/[:：]$/, '')
    // Spaces collapsed before "&" is spelled out: `\s*&\s*` would read a long run of spaces from each of them.
    .replace(/\s+/g, ' ')
    .replace(/ ?& ?/g, ' and ')
    .replace(/\s+/g, ' ')
    .toLowerCase()
  if (normal.length > 60) return undefined
  const found = LOOKUP.get(normal) ?? byLastWord(normal)
  if (found || !/^\S{1,2}(?: \S{1,2}){2,}$/.test(normal)) return found
  // Letter-spaced capitals ("S K I L L S", "W O R K E X P E R I E N C E"): compared without their spaces.
  return UNSPACED.get(normal.replaceAll(' ', ''))
}

const JOB_WORDS =
  /\b(engineer|developer|programmer|manager|designer|analyst|lead|director|intern|consultant|scientist|specialist|architect|officer|coordinator|head|vp|vice president|president|assistant|associate|administrator|technician|teacher|nurse|accountant|editor|writer|researcher|founder|co-founder|cto|ceo|cfo|owner|partner|advisor|adviser|representative|agent|sre|devops|tester|qa|product|marketing|sales|support|operator|chef|instructor|lecturer|professor|tutor|fellow|trainee|apprentice|clerk|staff|principal|senior|junior|volunteer|organizer|organiser|mentor|maintainer|contributor|supervisor|superintendent|foreman|forewoman|carpenter|electrician|plumber|welder|mechanic|machinist|inspector|estimator|driver|dispatcher|courier|cashier|server|bartender|barista|cook|baker|host|hostess|concierge|receptionist|attendant|aide|paralegal|attorney|lawyer|counsel|pharmacist|therapist|hygienist|physician|paramedic|technologist|educator|counselor|counsellor|planner|buyer|recruiter|auditor|bookkeeper|controller|underwriter|adjuster|teller|banker|broker|librarian|photographer|journalist|reporter|producer|translator|interpreter|trainer|coach|merchandiser|housekeeper|custodian|caregiver|worker|handler|picker|packer|loader|guard|steward|stewardess|pilot|captain|crew)\b/i

/** True when text reads like a job title ("Senior Engineer") rather than an organisation. */
export function looksLikeJobTitle(text: string): boolean {
  return JOB_WORDS.test(text)
}

const SCHOOL_WORDS =
  /\b(university|universit[àäé]t?|universidad|universidade|università|college|institute|institut|school|academy|polytechnic|politecnico|hochschule|école|ecole|conservatory|seminary|campus)\b/i

export function looksLikeSchool(text: string): boolean {
  return SCHOOL_WORDS.test(text)
}

const DEGREE_WORDS =
  /\b(bachelor|master|doctor|doctorate|ph\.?d|mba|b\.?sc|m\.?sc|b\.?a|m\.?a|b\.?s|m\.?s|b\.?eng|m\.?eng|associate|diploma|certificate|licen[cs]e|high school|a-levels|gcse|abitur|baccalaur[ée]at)\b/i

export function looksLikeDegree(text: string): boolean {
  return DEGREE_WORDS.test(text)
}
