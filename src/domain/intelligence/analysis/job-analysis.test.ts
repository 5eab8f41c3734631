import { describe, expect, it } from 'vitest'
import { BACKEND_POSTING, INJECTION_POSTING, NURSE_POSTING, SALES_POSTING } from '../../../../test/fixtures/postings.js'
import { analyzeJob } from './job-analysis.js'

const ids = (asks: readonly { id: string }[]) => asks.map((a) => a.id)

describe('job analysis', () => {
  it('reads a software posting into the job schema shape with required and preferred skills', () => {
    const a = analyzeJob({ description: BACKEND_POSTING })
    expect(a).toMatchObject({
      title: 'Senior Backend Engineer',
      type: 'full-time',
      location: 'Berlin, Germany (hybrid)',
      remote: 'Hybrid',
      salary: '€75,000 – €90,000 per year',
      experience: 'Senior',
      seniority: { level: 'senior', inferred: false },
      yearsOfExperience: {
        min: 5,
        importance: 'required',
        sentence: '5+ years of experience building backend services',
      },
      education: { level: 'bachelor', field: 'Computer Science', importance: 'required', equivalentExperience: true },
    })
    expect(ids(a.requiredSkills)).toEqual(
      expect.arrayContaining([
        'kubernetes',
        'amazon-web-services',
        'typescript',
        'node-js',
        'postgresql',
        'ci-cd',
        'javascript',
        'sql',
        'rest-apis',
      ]),
    )
    expect(ids(a.preferredSkills)).toEqual(['apache-kafka', 'terraform', 'mentoring'])
    expect(a.softSkills).toEqual(['Communication', 'Mentoring'])
    // Benefits and "about us" text ask for nothing: Docker appears only there.
    expect(ids([...a.requiredSkills, ...a.preferredSkills])).not.toContain('docker')
    expect(a.responsibilities[0]).toBe('Design and operate services on k8s and AWS')
    expect(a.qualifications).toContain('Experience with Kafka and Terraform')
  })

  it('weights keywords and keeps the sentence each came from', () => {
    const a = analyzeJob({ description: BACKEND_POSTING })
    const k8s = a.keywords.find((k) => k.skillId === 'kubernetes')
    const kafka = a.keywords.find((k) => k.skillId === 'apache-kafka')
    expect(k8s).toMatchObject({
      term: 'Kubernetes',
      importance: 'required',
      sentence: 'Design and operate services on k8s and AWS',
    })
    expect(kafka?.importance).toBe('preferred')
    expect(k8s?.weight).toBeGreaterThan(kafka?.weight ?? 1)
    expect(a.keywords[0]?.weight).toBe(1)
    expect(a.keywords.every((k) => k.weight > 0 && k.weight <= 1)).toBe(true)
    expect(a.skills.find((s) => s.name === 'Cloud and DevOps')?.keywords).toEqual(
      expect.arrayContaining(['Kubernetes', 'Amazon Web Services', 'CI/CD']),
    )
  })

  it('reads a nursing posting: licences, certifications, years and an associate degree', () => {
    const a = analyzeJob({ description: NURSE_POSTING })
    expect(a.title).toBe('Registered Nurse')
    expect(a.type).toBe('full-time')
    expect(ids(a.requiredSkills)).toEqual(
      expect.arrayContaining([
        'patient-care',
        'medication-administration',
        'registered-nurse',
        'basic-life-support',
        'vital-signs',
      ]),
    )
    expect(ids(a.preferredSkills)).toContain('advanced-cardiovascular-life-support')
    expect(a.yearsOfExperience).toMatchObject({ min: 2, importance: 'required' })
    expect(a.education).toMatchObject({ level: 'associate', importance: 'required' })
    expect(a.softSkills).toEqual(expect.arrayContaining(['Empathy', 'Attention to detail', 'Teamwork']))
  })

  it('reads a sales posting: remote, seniority from the title, preferred tools', () => {
    const a = analyzeJob({ title: 'Account Executive, Mid-Market', description: SALES_POSTING })
    expect(a.remote).toBe('Full')
    expect(a.seniority).toEqual({ level: 'mid', inferred: true })
    expect(ids(a.requiredSkills)).toEqual(
      expect.arrayContaining(['lead-generation', 'salesforce', 'negotiation', 'b2b-sales', 'quota-attainment']),
    )
    expect(ids(a.preferredSkills)).toEqual(expect.arrayContaining(['hubspot']))
    expect(a.yearsOfExperience?.min).toBe(3)
  })

  it('treats instructions inside a posting as text', () => {
    const a = analyzeJob({ description: INJECTION_POSTING })
    expect(ids(a.requiredSkills)).toEqual(expect.arrayContaining(['sql', 'tableau', 'python', 'pandas']))
    expect(a.keywords.some((k) => /ignore|instruction/i.test(k.term))).toBe(false)
  })

  it('asks nothing in pay, benefits or sentences about the company, and masks the company name', () => {
    const a = analyzeJob({
      company: 'Arcline Robotics',
      description: [
        'Technical Recruiter',
        'Arcline Robotics, Pittsburgh',
        'Arcline builds autonomous forklifts for warehouses.',
        'We host managed databases for our customers.',
        "We're looking for a recruiter who knows Greenhouse.",
        'Requirements',
        '- Sourcing skills and Excel.',
        'Lakeview offers a $10,000 sign-on bonus and a Docker-free Friday.',
        'Salary $90,000 with a home-office budget.',
      ].join('\n'),
    })
    const all = ids([...a.requiredSkills, ...a.preferredSkills])
    expect(all).toEqual(expect.arrayContaining(['greenhouse', 'procurement', 'excel']))
    for (const id of ['forklift-operation', 'warehouse-management', 'database', 'docker', 'budgeting']) {
      expect(all).not.toContain(id)
    }
  })

  it('reads preferred sections under the headings postings use', () => {
    for (const heading of [
      'It would be great if you also had',
      'Even better if you have',
      'Desired',
      'Helpful but not required',
    ]) {
      const a = analyzeJob({ description: `Data Analyst\nRequirements\n- SQL\n${heading}\n- Tableau` })
      expect(ids(a.requiredSkills)).toEqual(['sql'])
      expect(ids(a.preferredSkills)).toEqual(['tableau'])
    }
    const inline = analyzeJob({ description: 'Office Coordinator\nIf you have ever used InDesign, that is a bonus.' })
    expect(ids(inline.preferredSkills)).toEqual(['adobe-indesign'])
  })

  it('is deterministic', () => {
    expect(JSON.stringify(analyzeJob({ description: NURSE_POSTING }))).toBe(
      JSON.stringify(analyzeJob({ description: NURSE_POSTING })),
    )
  })
})

describe('title line', () => {
  it('reads a title line closed by a legal form, without the company', () => {
    const analysis = analyzeJob({
      description: 'Data Engineer at DataFlow Inc.\nRequirements:\n- Python and SQL.',
    })
    expect(analysis.title).toBe('Data Engineer')
  })
})
