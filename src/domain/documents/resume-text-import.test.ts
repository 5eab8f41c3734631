import { describe, expect, it } from 'vitest'
import { findDateRange } from './dates.js'
import type { TextBlock } from './document.types.js'
import { parseResumeBlocks } from './resume-text-parser.js'

const text = (t: string, extra: Partial<TextBlock> = {}): TextBlock => ({
  text: t,
  kind: 'text',
  bold: false,
  scale: 1,
  ...extra,
})
const bold = (t: string) => text(t, { bold: true })
const heading = (t: string) => text(t, { kind: 'heading', scale: 1.5 })
const bullet = (t: string) => text(t, { kind: 'bullet' })
const parse = (blocks: TextBlock[]) => parseResumeBlocks(blocks, 'pdf').content

describe('date forms', () => {
  it.each([
    ['Jan 2019 – Present', { startDate: '2019-01', current: true }],
    ['2019/01 – 2021/03', { startDate: '2019-01', endDate: '2021-03' }],
    ['01.2019 – 03.2021', { startDate: '2019-01', endDate: '2021-03' }],
    ['Feb, 2022 - Present', { startDate: '2022-02', current: true }],
    ['since 2019', { startDate: '2019', current: true }],
  ])('reads %s', (line, expected) => {
    expect(findDateRange(line)).toMatchObject(expected)
  })

  it('does not read a month number above 12 as a date', () => {
    expect(findDateRange('2019/13')?.startDate).not.toBe('2019-13')
  })
})

describe('entry titles', () => {
  it('splits "Office manager, The Phone Company" into position and company', () => {
    const resume = parse([
      text('Ada Park', { scale: 2 }),
      heading('Experience'),
      bold('Office Manager, The Phone Company'),
      text('03/2019 – 05/2021'),
      bullet('Ran the front office'),
    ])
    expect(resume.work?.[0]).toMatchObject({
      position: 'Office Manager',
      name: 'The Phone Company',
      startDate: '2019-03',
      endDate: '2021-05',
    })
  })

  it('reads a title set on two lines, company above role', () => {
    const resume = parse([
      text('Ada Park', { scale: 2 }),
      heading('Work Experience'),
      bold('Valley Drug Mart'),
      text('Lead Pharmacy Technician', { scale: 1.25 }),
      text('Apr 2019 – Present'),
      bullet('Lead a team of 6 technicians'),
    ])
    expect(resume.work?.[0]).toMatchObject({ name: 'Valley Drug Mart', position: 'Lead Pharmacy Technician' })
  })

  it('reads list items drawn without bullet glyphs as highlights', () => {
    const resume = parse([
      text('Ada Park', { scale: 2 }),
      heading('Experience'),
      bold('Support Specialist, Tallyworks'),
      text('Feb 2019 – Mar 2021'),
      text('Answered product questions by phone and chat'),
      text('Wrote help-center articles'),
    ])
    expect(resume.work?.[0]?.highlights).toEqual([
      'Answered product questions by phone and chat',
      'Wrote help-center articles',
    ])
  })
})

describe('education', () => {
  it('reads the degree and its area from the line under the school', () => {
    const resume = parse([
      text('Ada Park', { scale: 2 }),
      heading('Education'),
      bold('Northern Illinois University'),
      text('B.A., Communication · September 2014 – December 2018'),
    ])
    expect(resume.education?.[0]).toMatchObject({
      institution: 'Northern Illinois University',
      studyType: 'B.A.',
      area: 'Communication',
      endDate: '2018-12',
    })
  })

  it('reads an abbreviated degree followed by its area', () => {
    const resume = parse([
      text('Ada Park', { scale: 2 }),
      heading('Education'),
      bold('Texas State University'),
      text('BBA Business Analytics'),
    ])
    expect(resume.education?.[0]).toMatchObject({ studyType: 'BBA', area: 'Business Analytics' })
  })
})

describe('contact details', () => {
  it('reads a phone number written with en dashes', () => {
    const resume = parse([
      text('Ada Park', { scale: 2 }),
      text('ada@example.com · 311–555–2839'),
      heading('Skills'),
      text('Excel'),
    ])
    expect(resume.basics?.phone).toBe('311–555–2839')
  })
})

describe('links', () => {
  it('reads profiles and the website from link targets where the text shows only a label', () => {
    const resume = parse([
      text('Kevin Morales', { scale: 3 }),
      text('kevin.morales@example.com'),
      text('kevin-morales (LinkedIn)', {
        links: [{ text: 'kevin-morales (LinkedIn)', url: 'https://www.linkedin.com/in/kevin-morales' }],
      }),
      text('Portfolio', { links: [{ text: 'Portfolio', url: 'https://kevin.example.com/' }] }),
      heading('Skills'),
      text('Inventory'),
    ])
    expect(resume.basics?.profiles).toEqual([
      { network: 'LinkedIn', username: 'kevin-morales', url: 'https://www.linkedin.com/in/kevin-morales' },
    ])
    expect(resume.basics?.url).toBe('https://kevin.example.com/')
  })

  it('takes the e-mail address from a mailto link when the design broke it across lines', () => {
    const resume = parse([
      text('Carlos Mendoza', { scale: 3 }),
      text('carlos.mendoza@examp le.com', {
        links: [{ text: 'carlos.mendoza@examp le.com', url: 'mailto:carlos.mendoza@example.com' }],
      }),
      heading('Skills'),
      text('SQL'),
    ])
    expect(resume.basics?.email).toBe('carlos.mendoza@example.com')
  })

  it('reads a web address written without its scheme', () => {
    const resume = parse([
      text('Ada Park', { scale: 2 }),
      text('ada@example.com | ada-park.example.com'),
      heading('Skills'),
      text('SQL'),
    ])
    expect(resume.basics?.url).toBe('ada-park.example.com')
  })
})

describe('designs from other tools', () => {
  it('gives dates drawn above a title to that entry', () => {
    const resume = parse([
      text('Ada Park', { scale: 2 }),
      heading('Experience'),
      bold('02/2022 - Present'),
      bold('Senior BI Analyst'),
      text('Own the executive churn dashboards in Tableau'),
      text('Write SQL in Snowflake for monthly KPI reporting'),
      bold('06/2020 - 01/2022'),
      bold('Reporting Analyst'),
      text('Built Excel reports on store sales'),
      text('Automated weekly reports with SQL'),
    ])
    expect(resume.work?.map((w) => [w.position, w.startDate, w.endDate])).toEqual([
      ['Senior BI Analyst', '2022-02', undefined],
      ['Reporting Analyst', '2020-06', '2022-01'],
    ])
  })

  it('reads letter-spaced capital headings', () => {
    const resume = parse([
      text('Ada Park', { scale: 2 }),
      text('W O R K E X P E R I E N C E', { bold: true }),
      bold('Server at The Old Port'),
      text('May 2016 - Feb 2018'),
    ])
    expect(resume.work?.[0]).toMatchObject({ position: 'Server', name: 'The Old Port', startDate: '2016-05' })
  })

  it('moves contact details set under "About" in a sidebar to the header', () => {
    const resume = parse([
      text('Carlos Mendoza', { scale: 3 }),
      heading('About'),
      text('499.555.8551'),
      text('carlos@example.com'),
      heading('Summary'),
      text('BI analyst with 5 years in telecom.'),
    ])
    expect(resume.basics).toMatchObject({
      phone: '499.555.8551',
      email: 'carlos@example.com',
      summary: 'BI analyst with 5 years in telecom.',
    })
  })

  it('reads skills set apart by middle dots as a list', () => {
    const resume = parse([
      text('Ada Park', { scale: 2 }),
      heading('Skills'),
      text('Restaurant operations · Micros POS'),
      text('Languages: Go | Rust'),
    ])
    expect(resume.skills).toEqual([
      { keywords: ['Restaurant operations', 'Micros POS'] },
      { name: 'Languages', keywords: ['Go', 'Rust'] },
    ])
  })
})

describe('headings and entries', () => {
  it('reads headings it does not list by their last word, and common headings in other languages', () => {
    const resume = parse([
      text('Ada Park', { scale: 2 }),
      heading('Computer Engineering Experience'),
      bold('Firmware Engineer, Volta Labs'),
      text('2019 – 2021'),
      heading('Kenntnisse'),
      text('C, Rust'),
    ])
    expect(resume.work?.[0]).toMatchObject({ position: 'Firmware Engineer', name: 'Volta Labs' })
    expect(resume.skills).toEqual([{ keywords: ['C', 'Rust'] }])
  })

  it('reads a school and its degree on two lines, and the area written before the degree', () => {
    const resume = parse([
      text('Ada Park', { scale: 2 }),
      heading('Education'),
      bold('Pierce College'),
      text('A.A.S. in Accounting'),
      text('2015/09 – 2017/06'),
      bold('Business Analytics, BBA, Texas State University'),
      text('Aug, 2016 - May, 2020'),
    ])
    expect(resume.education).toEqual([
      {
        institution: 'Pierce College',
        studyType: 'A.A.S.',
        area: 'Accounting',
        startDate: '2015-09',
        endDate: '2017-06',
      },
      {
        institution: 'Texas State University',
        studyType: 'BBA',
        area: 'Business Analytics',
        startDate: '2016-08',
        endDate: '2020-05',
      },
    ])
  })

  it('leaves out a duration printed beside the dates', () => {
    const resume = parse([
      text('Ada Park', { scale: 2 }),
      heading('Experience'),
      text('Reporting Analyst, LoneStar Wireless'),
      text('Jun, 2020 - Jan, 2022 · 1 year 7 months'),
      bullet('Built Excel reports'),
    ])
    expect(resume.work?.[0]).toEqual({
      name: 'LoneStar Wireless',
      position: 'Reporting Analyst',
      startDate: '2020-06',
      endDate: '2022-01',
      highlights: ['Built Excel reports'],
    })
  })
})

describe('skill levels', () => {
  it('reads level words as the level of the skill before them, never as skills', () => {
    const resume = parse([
      text('Ada Park', { scale: 2 }),
      heading('Skills'),
      text('Python'),
      text('Advanced'),
      text('Languages: Go, Rust, Expert'),
      text('Excel (Intermediate)'),
    ])
    expect(resume.skills).toEqual([
      { name: 'Python', level: 'Advanced' },
      { name: 'Languages', level: 'Expert', keywords: ['Go', 'Rust'] },
      { name: 'Excel (Intermediate)' },
    ])
  })
})

describe('skill groups', () => {
  it('reads a group name on its own line with its items below, even when it names a section', () => {
    const resume = parse([
      text('Ada Park', { scale: 2 }),
      heading('Skills'),
      bold('Certifications'),
      text('LPN · BLS'),
      bold('Clinical'),
      text('Medication administration · Wound care'),
      heading('Education'),
      bold('Spokane Community College'),
      text('Sep, 2015 - Dec, 2016'),
    ])
    expect(resume.skills).toEqual([
      { name: 'Certifications', keywords: ['LPN', 'BLS'] },
      { name: 'Clinical', keywords: ['Medication administration', 'Wound care'] },
    ])
    expect(resume.education?.[0]?.institution).toBe('Spokane Community College')
    expect(resume.certificates).toBeUndefined()
  })
})

describe('roles under one company', () => {
  it('gives a role listed under the company of the entry before it that company', () => {
    const resume = parse([
      text('Ada Park', { scale: 2 }),
      heading('Work'),
      text('Valley Drug Mart', { scale: 1.56, bold: true }),
      text('Lead Pharmacy Technician', { scale: 1.25 }),
      text('Apr 2019 – Present'),
      text('Lead a team of 6 technicians'),
      text('Train new technicians'),
      text('Pharmacy Technician', { scale: 1.25 }),
      text('Feb 2017 – Mar 2019'),
      text('Data entry, filling and register'),
      text('Called patients for refill reminders'),
      text('Carpenter / Foreman', { scale: 1.56 }),
      bold('Treasure Valley Framing'),
      text('Apr 2012 – Dec 2015'),
    ])
    expect(resume.work?.map((w) => [w.name, w.position])).toEqual([
      ['Valley Drug Mart', 'Lead Pharmacy Technician'],
      ['Valley Drug Mart', 'Pharmacy Technician'],
      ['Treasure Valley Framing', 'Carpenter / Foreman'],
    ])
  })
})

describe('places', () => {
  it('reads a place printed with its country code in parentheses or after a space', () => {
    const withParentheses = parse([
      text('Owen MacLeod', { scale: 2 }),
      text('South Portland, (US)'),
      heading('Skills'),
      text('POS'),
    ])
    expect(withParentheses.basics?.location).toEqual({ city: 'South Portland', region: 'US' })
    const spaced = parse([
      text('Carlos Mendoza', { scale: 2 }),
      heading('About'),
      text('Round Rock US'),
      heading('Skills'),
      text('SQL'),
    ])
    expect(spaced.basics?.location).toEqual({ city: 'Round Rock', countryCode: 'US' })
  })
})

describe('bounded work', () => {
  it('reads a contact line carrying thousands of links quickly', () => {
    const label = 'x'.repeat(50)
    const links = Array.from({ length: 10_000 }, (_, i) => ({ text: label, url: `https://example.com/${i}` }))
    // CPU time, not wall time: waiting for a core on a loaded machine is not the parser's doing.
    const started = process.cpuUsage()
    const resume = parse([
      text('Ada Park', { scale: 2 }),
      text(`${label} `.repeat(2000).trim(), { links }),
      heading('Skills'),
      text('SQL'),
    ])
    const used = process.cpuUsage(started)
    expect((used.user + used.system) / 1000).toBeLessThan(1500)
    expect(resume.basics?.name).toBe('Ada Park')
  })
})
