import { describe, expect, it } from 'vitest'
import { findSkills, lookupSkill, taxonomySize } from './taxonomy.js'
import { stem, tokenize } from './text.js'

const names = (text: string) => findSkills(text).map((m) => `${m.surface}=${m.skill.name}`)

describe('skills taxonomy', () => {
  it('ships thousands of concepts from ESCO, O*NET and the curated list', () => {
    expect(taxonomySize()).toBeGreaterThan(5000)
    expect(lookupSkill('JS')?.sources).toEqual(['esco', 'onet', 'roleready'])
    expect(lookupSkill('Kubernetes')?.sources).toEqual(['onet', 'roleready'])
    expect(lookupSkill('pharmacology')?.sources).toEqual(['esco'])
  })

  it('normalises aliases and variants to one concept', () => {
    expect(lookupSkill('k8s')?.id).toBe('kubernetes')
    expect(lookupSkill('JS')?.id).toBe('javascript')
    expect(lookupSkill('Postgres')?.id).toBe('postgresql')
    expect(lookupSkill('CI / CD')?.id).toBe('ci-cd')
    expect(lookupSkill('continuous integration')?.id).toBe('ci-cd')
    expect(lookupSkill('golang')?.id).toBe('go')
    expect(lookupSkill('Amazon Simple Storage Service')?.name).toBe('Amazon S3')
  })

  it('matches plurals and verb forms', () => {
    expect(stem('pipelines')).toBe(stem('pipeline'))
    expect(stem('managed')).toBe(stem('manage'))
    expect(stem('managing')).toBe(stem('manages'))
    expect(names('Experience managing budgets and administering medications')).toEqual([
      'managing budgets=Budgeting',
      'administering medications=Medication administration',
    ])
  })

  it('prefers the longest multi-word phrase', () => {
    expect(names('React Native and React, Spring Boot, machine learning')).toEqual([
      'React Native=React Native',
      'React=React',
      'Spring Boot=Spring Boot',
      'machine learning=Machine learning',
    ])
  })

  it('keeps symbols that name technologies', () => {
    expect(names('C++, C#, .NET, Node.js and CI/CD.')).toEqual([
      'C++=C++',
      'C#=C#',
      '.NET=.NET',
      'Node.js=Node.js',
      'CI/CD=CI/CD',
    ])
    expect(tokenize('Node.js.').map((t) => t.surface)).toEqual(['Node.js'])
  })

  it('matches names that are ordinary words only as written', () => {
    expect(names('We are going to go far with Go and R.')).toEqual(['Go=Go', 'R=R'])
    expect(names('access to the project teams')).toEqual([])
    expect(names('Microsoft Teams and Access')).toEqual(['Microsoft Teams=Microsoft Teams', 'Access=Microsoft Access'])
  })

  it('knows skills of trades, hospitality, HR, legal and manufacturing postings', () => {
    expect(
      names('Read blueprints, follow the NEC and hold OSHA 30; GD&T and PPAP; ServSafe; HRIS; e-discovery.'),
    ).toEqual([
      'Read blueprints=Blueprint reading',
      'NEC=National Electrical Code',
      'OSHA 30=OSHA',
      'GD&T=GD&T',
      'PPAP=PPAP',
      'ServSafe=ServSafe',
      'HRIS=HRIS',
      'e-discovery=E-discovery',
    ])
    // Vague single words from the bulk sources name nothing; exact-case names do not match other words.
    expect(names('Weekly reports, current standards, sign-up, cloud, Leeds')).toEqual([])
  })

  it('tells hard skills from soft skills', () => {
    expect(lookupSkill('team player')).toMatchObject({ name: 'Teamwork', kind: 'soft' })
    expect(lookupSkill('problem-solving')).toMatchObject({ name: 'Problem solving', kind: 'soft' })
    expect(lookupSkill('Terraform')).toMatchObject({ kind: 'hard' })
  })

  it('reads one word in the sense its spelling gives, not in every sense its stem allows', () => {
    const named = (text: string) => findSkills(text).map((m) => m.skill.name)
    // Plurals and nouns that only share a stem with a skill's name.
    expect(named('We manage 60 named accounts')).toEqual([])
    expect(named('Prepare accrual schedules for the auditors')).not.toContain('Scheduling')
    expect(named('Follow security best practices')).toEqual([])
    expect(named('Experience with SSR in Next.js')).not.toContain('SSRS')
    expect(named('Run NPS surveys each quarter')).not.toContain('surveying')
    expect(named('Fine-tune Transformers for retrieval')).not.toContain('electrical machines')
    // A word just before a name can change its sense.
    expect(named('Model data in our cloud warehouse')).not.toContain('Warehouse management')
    expect(named('Improve Core Web Vitals')).not.toContain('Vital signs')
    expect(named('Set performance budgets for the web app')).not.toContain('Budgeting')
    // The same words in the sense the skill means, and verbs and singulars of its aliases.
    expect(named('Led warehouse management for two sites')).toContain('Warehouse management')
    expect(named('Schedule appointments and debug printers')).toEqual(['Scheduling', 'Debugging'])
    expect(named('Manage stakeholder expectations')).toContain('Stakeholder management')
    expect(named('Collaborated with nurses')).toContain('Teamwork')
  })
})
