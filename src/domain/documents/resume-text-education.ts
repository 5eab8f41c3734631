// The education entries of an imported resume: institution, degree and field, dates, score and courses.
import { stripEnd } from '../intelligence/analysis/text.js'
import type { Education } from './json-resume.js'
import {
  DEGREE_ABBREVIATION,
  datesOf,
  type Entry,
  isDegreeLine,
  metaFields,
  splitTitle,
} from './resume-text-entries.js'
import { clean, leadSplit, splitList } from './resume-text-lists.js'
import { looksLikeDegree, looksLikeSchool } from './section-vocabulary.js'

export function educationOf(entry: Entry, unrecognised: string[]): Education {
  const [first, second] = splitTitle(entry.title.text)
  let degree: string | undefined
  let institution: string | undefined
  if (second === undefined) {
    if (looksLikeSchool(first) || !looksLikeDegree(first)) institution = first
    else degree = first
  } else if (looksLikeSchool(first) && !looksLikeSchool(second)) {
    institution = first
    degree = second
  } else {
    degree = first
    institution = second
  }
  const education: Education = { ...(institution && { institution }), ...(degree && degreeOf(degree)) }
  Object.assign(education, datesOf(entry))
  const meta = metaFields(entry)
  if (meta.score) education.score = meta.score
  if (meta.url) education.url = meta.url
  const metaParts = [...(meta.location ? [meta.location] : []), ...meta.other]
  const lines = [...entry.paragraphs, ...entry.bullets]
  if (!degree && !education.studyType) {
    // The degree beside the dates ("B.A., Communication · 2014 – 2018").
    const at = metaParts.findIndex(isDegreeLine)
    if (at >= 0) {
      Object.assign(education, degreeOf(metaParts[at] as string))
      metaParts.splice(at, 1)
    }
  }
  unrecognised.push(...metaParts)
  if (!degree && !education.studyType) {
    // The degree on its own line under the school ("B.A., Communication", "BBA Business Analytics").
    const at = lines.findIndex(isDegreeLine)
    if (at >= 0) {
      Object.assign(education, degreeOf(lines[at] as string))
      lines.splice(at, 1)
    }
  }
  for (const paragraph of lines) {
    const [lead, rest] = leadSplit(paragraph)
    if (rest && /^courses?$/i.test(lead)) education.courses = splitList(rest)
    else if (rest && /^(score|gpa|grade)$/i.test(lead)) education.score = rest
    else unrecognised.push(paragraph)
  }
  return education
}

/** An abbreviated degree at the start of a line: "BBA", "A.A.S.", "MSc", "PhD". */

/** A degree line read into its kind and its area: "BSc, Physics", "MSc in Physics", "BBA Business Analytics". */
function degreeOf(line: string): Pick<Education, 'studyType' | 'area'> {
  const degree = clean(stripEnd(line.split(' · ')[0] as string, ',·|—–-'))
  const m = studyAndArea(degree)
  if (m && /,/.test(degree)) {
    const [first, second] = [clean(m[0]), clean(m[1])]
    // "Business Analytics, BBA": the area first when only the second part reads as a degree.
    const isDegree = (t: string) => looksLikeDegree(t) || DEGREE_ABBREVIATION.test(t)
    return isDegree(second) && !isDegree(first)
      ? { studyType: second, area: first }
      : { studyType: first, area: second }
  }
  if (degree.includes(' in ')) {
    const [studyType, ...area] = degree.split(' in ')
    return { studyType: clean(studyType as string), area: clean(area.join(' in ')) }
  }
  // An abbreviation first ("BBA Business Analytics", "A.A.S. Culinary Arts"): the rest is the area.
  const abbreviation = DEGREE_ABBREVIATION.exec(degree)
  const area = abbreviation ? clean(degree.slice((abbreviation[0] as string).length)) : ''
  if (abbreviation && /^\p{Lu}/u.test(area)) return { studyType: abbreviation[0] as string, area }
  return { studyType: degree }
}

const STUDY_AREA_SPLIT = /, ?| in | of (?=[A-Z][a-z]+ ?$)/g

/** "BSc, Physics", "MSc in Physics", "Master of Science": the degree and its area, split at the first separator. */
function studyAndArea(degree: string): [string, string] | undefined {
  STUDY_AREA_SPLIT.lastIndex = 1
  const separator = STUDY_AREA_SPLIT.exec(degree)
  if (!separator) return undefined
  const area = degree.slice(separator.index + separator[0].length)
  return area ? [degree.slice(0, separator.index), area] : undefined
}
