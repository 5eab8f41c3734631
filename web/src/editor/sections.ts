/** The JSON Resume 1.2.1 sections and fields the editor shows, in the standard's order. */

export type FieldKind = 'text' | 'textarea' | 'url' | 'email' | 'date' | 'list'

export interface Field {
  key: string
  label: string
  kind?: FieldKind
  /** For list fields: what one item is called ("highlight"). */
  item?: string
}

export interface Section {
  key: string
  title: string
  /** One entry's name, for buttons and legends ("position", "school"). */
  entry: string
  /** The field whose value names an entry in its legend. */
  nameField: string
  fields: Field[]
}

const text = (key: string, label: string): Field => ({ key, label })
const long = (key: string, label: string): Field => ({ key, label, kind: 'textarea' })
const url = (key: string, label: string): Field => ({ key, label, kind: 'url' })
const email = (key: string, label: string): Field => ({ key, label, kind: 'email' })
const date = (key: string, label: string): Field => ({ key, label, kind: 'date' })
const list = (key: string, label: string, item: string): Field => ({ key, label, kind: 'list', item })
const section = (key: string, title: string, entry: string, nameField: string, fields: Field[]): Section => ({
  key,
  title,
  entry,
  nameField,
  fields,
})

export const BASICS_FIELDS: Field[] = [
  text('name', 'Full name'),
  text('label', 'Headline (e.g. Backend Engineer)'),
  email('email', 'Email'),
  text('phone', 'Phone'),
  url('url', 'Website'),
  url('image', 'Photo URL'),
  long('summary', 'Summary'),
]

export const LOCATION_FIELDS: Field[] = [
  text('address', 'Address'),
  text('postalCode', 'Postal code'),
  text('city', 'City'),
  text('region', 'Region'),
  text('countryCode', 'Country code (e.g. US)'),
]

export const PROFILE_SECTION: Section = section('profiles', 'Profiles', 'profile', 'network', [
  text('network', 'Network (e.g. GitHub)'),
  text('username', 'Username'),
  url('url', 'Profile URL'),
])

export const SECTIONS: Section[] = [
  section('work', 'Work experience', 'position', 'name', [
    text('name', 'Company'),
    text('position', 'Position'),
    text('location', 'Location'),
    url('url', 'Company website'),
    date('startDate', 'Start date'),
    date('endDate', 'End date (empty if current)'),
    text('description', 'Company description'),
    long('summary', 'Summary'),
    list('highlights', 'Highlights', 'highlight'),
  ]),
  section('volunteer', 'Volunteering', 'role', 'organization', [
    text('organization', 'Organization'),
    text('position', 'Position'),
    url('url', 'Website'),
    date('startDate', 'Start date'),
    date('endDate', 'End date'),
    long('summary', 'Summary'),
    list('highlights', 'Highlights', 'highlight'),
  ]),
  section('education', 'Education', 'school', 'institution', [
    text('institution', 'Institution'),
    text('studyType', 'Degree (e.g. Bachelor)'),
    text('area', 'Field of study'),
    url('url', 'Website'),
    date('startDate', 'Start date'),
    date('endDate', 'End date'),
    text('score', 'Grade'),
    list('courses', 'Courses', 'course'),
  ]),
  section('awards', 'Awards', 'award', 'title', [
    text('title', 'Title'),
    date('date', 'Date'),
    text('awarder', 'Awarded by'),
    long('summary', 'Summary'),
  ]),
  section('certificates', 'Certificates', 'certificate', 'name', [
    text('name', 'Name'),
    date('date', 'Date'),
    text('issuer', 'Issuer'),
    url('url', 'URL'),
  ]),
  section('publications', 'Publications', 'publication', 'name', [
    text('name', 'Title'),
    text('publisher', 'Publisher'),
    date('releaseDate', 'Release date'),
    url('url', 'URL'),
    long('summary', 'Summary'),
  ]),
  section('skills', 'Skills', 'skill', 'name', [
    text('name', 'Skill'),
    text('level', 'Level'),
    list('keywords', 'Keywords', 'keyword'),
  ]),
  section('languages', 'Languages', 'language', 'language', [text('language', 'Language'), text('fluency', 'Fluency')]),
  section('interests', 'Interests', 'interest', 'name', [
    text('name', 'Interest'),
    list('keywords', 'Keywords', 'keyword'),
  ]),
  section('references', 'References', 'reference', 'name', [text('name', 'Name'), long('reference', 'Reference')]),
  section('projects', 'Projects', 'project', 'name', [
    text('name', 'Name'),
    long('description', 'Description'),
    text('entity', 'Organization'),
    text('type', 'Type (e.g. application)'),
    url('url', 'URL'),
    date('startDate', 'Start date'),
    date('endDate', 'End date'),
    list('roles', 'Roles', 'role'),
    list('highlights', 'Highlights', 'highlight'),
    list('keywords', 'Keywords', 'keyword'),
  ]),
]
