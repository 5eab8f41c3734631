import type { JsonResumeDocument } from '../documents/document.types.js'

/** The resume shown in template previews: fictional, covering every section a template draws. */
export const SAMPLE_RESUME: JsonResumeDocument = {
  basics: {
    name: 'Alex Morgan',
    label: 'Senior Software Engineer',
    email: 'alex.morgan@example.com',
    phone: '+1 555 010 0199',
    url: 'https://alexmorgan.example.com',
    summary:
      'Backend engineer with nine years of experience building reliable APIs and data pipelines. Leads small teams, mentors engineers and cares about operability.',
    location: { city: 'Portland', region: 'OR', countryCode: 'US' },
    profiles: [{ network: 'GitHub', username: 'alexmorgan', url: 'https://github.com/alexmorgan' }],
  },
  work: [
    {
      name: 'Northwind Systems',
      position: 'Senior Software Engineer',
      location: 'Portland, OR',
      startDate: '2020-03',
      summary: 'Owns the billing platform used by 40,000 businesses.',
      highlights: [
        'Cut invoice generation time from 40 minutes to 3 by moving it to a streaming pipeline',
        'Led the migration of 120 services to PostgreSQL 15 with no customer-visible downtime',
      ],
    },
    {
      name: 'Contoso Labs',
      position: 'Software Engineer',
      startDate: '2016-06',
      endDate: '2020-02',
      highlights: ['Built the public REST API and its OpenAPI documentation', 'Introduced contract tests across teams'],
    },
  ],
  education: [
    {
      institution: 'Oregon State University',
      studyType: 'Bachelor of Science',
      area: 'Computer Science',
      startDate: '2012',
      endDate: '2016',
    },
  ],
  skills: [
    { name: 'Languages', keywords: ['TypeScript', 'Go', 'SQL', 'Python'] },
    { name: 'Infrastructure', keywords: ['PostgreSQL', 'Redis', 'Kubernetes', 'Terraform'] },
  ],
  projects: [
    {
      name: 'queue-lens',
      description: 'An open-source dashboard for job queues.',
      url: 'https://github.com/alexmorgan/queue-lens',
      highlights: ['1,200 stars; used in production by several companies'],
    },
  ],
  languages: [
    { language: 'English', fluency: 'Native' },
    { language: 'Spanish', fluency: 'Professional' },
  ],
}
