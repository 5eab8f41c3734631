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

const date = (key: string, label: string): Field => ({ key, label, kind: 'date' })

export const BASICS_FIELDS: Field[] = [
  { key: 'name', label: 'Full name' },
  { key: 'label', label: 'Headline (e.g. Backend Engineer)' },
  { key: 'email', label: 'Email', kind: 'email' },
  { key: 'phone', label: 'Phone' },
  { key: 'url', label: 'Website', kind: 'url' },
  { key: 'image', label: 'Photo URL', kind: 'url' },
  { key: 'summary', label: 'Summary', kind: 'textarea' },
]

export const LOCATION_FIELDS: Field[] = [
  { key: 'address', label: 'Address' },
  { key: 'postalCode', label: 'Postal code' },
  { key: 'city', label: 'City' },
  { key: 'region', label: 'Region' },
  { key: 'countryCode', label: 'Country code (e.g. US)' },
]

export const PROFILE_SECTION: Section = {
  key: 'profiles',
  title: 'Profiles',
  entry: 'profile',
  nameField: 'network',
  fields: [
    { key: 'network', label: 'Network (e.g. GitHub)' },
    { key: 'username', label: 'Username' },
    { key: 'url', label: 'Profile URL', kind: 'url' },
  ],
}

export const SECTIONS: Section[] = [
  {
    key: 'work',
    title: 'Work experience',
    entry: 'position',
    nameField: 'name',
    fields: [
      { key: 'name', label: 'Company' },
      { key: 'position', label: 'Position' },
      { key: 'location', label: 'Location' },
      { key: 'url', label: 'Company website', kind: 'url' },
      date('startDate', 'Start date'),
      date('endDate', 'End date (empty if current)'),
      { key: 'description', label: 'Company description' },
      { key: 'summary', label: 'Summary', kind: 'textarea' },
      { key: 'highlights', label: 'Highlights', kind: 'list', item: 'highlight' },
    ],
  },
  {
    key: 'volunteer',
    title: 'Volunteering',
    entry: 'role',
    nameField: 'organization',
    fields: [
      { key: 'organization', label: 'Organization' },
      { key: 'position', label: 'Position' },
      { key: 'url', label: 'Website', kind: 'url' },
      date('startDate', 'Start date'),
      date('endDate', 'End date'),
      { key: 'summary', label: 'Summary', kind: 'textarea' },
      { key: 'highlights', label: 'Highlights', kind: 'list', item: 'highlight' },
    ],
  },
  {
    key: 'education',
    title: 'Education',
    entry: 'school',
    nameField: 'institution',
    fields: [
      { key: 'institution', label: 'Institution' },
      { key: 'studyType', label: 'Degree (e.g. Bachelor)' },
      { key: 'area', label: 'Field of study' },
      { key: 'url', label: 'Website', kind: 'url' },
      date('startDate', 'Start date'),
      date('endDate', 'End date'),
      { key: 'score', label: 'Grade' },
      { key: 'courses', label: 'Courses', kind: 'list', item: 'course' },
    ],
  },
  {
    key: 'awards',
    title: 'Awards',
    entry: 'award',
    nameField: 'title',
    fields: [
      { key: 'title', label: 'Title' },
      date('date', 'Date'),
      { key: 'awarder', label: 'Awarded by' },
      { key: 'summary', label: 'Summary', kind: 'textarea' },
    ],
  },
  {
    key: 'certificates',
    title: 'Certificates',
    entry: 'certificate',
    nameField: 'name',
    fields: [
      { key: 'name', label: 'Name' },
      date('date', 'Date'),
      { key: 'issuer', label: 'Issuer' },
      { key: 'url', label: 'URL', kind: 'url' },
    ],
  },
  {
    key: 'publications',
    title: 'Publications',
    entry: 'publication',
    nameField: 'name',
    fields: [
      { key: 'name', label: 'Title' },
      { key: 'publisher', label: 'Publisher' },
      date('releaseDate', 'Release date'),
      { key: 'url', label: 'URL', kind: 'url' },
      { key: 'summary', label: 'Summary', kind: 'textarea' },
    ],
  },
  {
    key: 'skills',
    title: 'Skills',
    entry: 'skill',
    nameField: 'name',
    fields: [
      { key: 'name', label: 'Skill' },
      { key: 'level', label: 'Level' },
      { key: 'keywords', label: 'Keywords', kind: 'list', item: 'keyword' },
    ],
  },
  {
    key: 'languages',
    title: 'Languages',
    entry: 'language',
    nameField: 'language',
    fields: [
      { key: 'language', label: 'Language' },
      { key: 'fluency', label: 'Fluency' },
    ],
  },
  {
    key: 'interests',
    title: 'Interests',
    entry: 'interest',
    nameField: 'name',
    fields: [
      { key: 'name', label: 'Interest' },
      { key: 'keywords', label: 'Keywords', kind: 'list', item: 'keyword' },
    ],
  },
  {
    key: 'references',
    title: 'References',
    entry: 'reference',
    nameField: 'name',
    fields: [
      { key: 'name', label: 'Name' },
      { key: 'reference', label: 'Reference', kind: 'textarea' },
    ],
  },
  {
    key: 'projects',
    title: 'Projects',
    entry: 'project',
    nameField: 'name',
    fields: [
      { key: 'name', label: 'Name' },
      { key: 'description', label: 'Description', kind: 'textarea' },
      { key: 'entity', label: 'Organization' },
      { key: 'type', label: 'Type (e.g. application)' },
      { key: 'url', label: 'URL', kind: 'url' },
      date('startDate', 'Start date'),
      date('endDate', 'End date'),
      { key: 'roles', label: 'Roles', kind: 'list', item: 'role' },
      { key: 'highlights', label: 'Highlights', kind: 'list', item: 'highlight' },
      { key: 'keywords', label: 'Keywords', kind: 'list', item: 'keyword' },
    ],
  },
]
