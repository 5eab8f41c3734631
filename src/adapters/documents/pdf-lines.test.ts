import { describe, expect, it } from 'vitest'
import { splitColumns } from './pdf.reader.js'
import { type PdfItem, readableText, toBlocks, toLines } from './pdf-lines.js'

const item = (str: string, x: number, y: number, width: number, size = 10, font = 'F1'): PdfItem => ({
  str,
  x,
  y,
  width,
  size,
  font,
})

describe('PDF text items', () => {
  it('reads ligatures and compatibility forms as plain letters (NFKC)', () => {
    expect(readableText('Pro\uFB01les and Certi\uFB01cations')).toBe('Profiles and Certifications')
    expect(readableText('ＡＢＣ ﬀ')).toBe('ABC ff')
  })

  it('reads the Symbol-font bullet Word and LibreOffice draw as a bullet, not as an icon', () => {
    const lines = toLines([
      item(readableText('\uF0B7'), 72, 600, 5),
      item('Lead a team of six technicians', 90, 600, 160),
    ])
    const blocks = toBlocks(lines)
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([['bullet', 'Lead a team of six technicians']])
  })

  it('reads a bullet glyph set well apart from its text as the bullet of that text', () => {
    const lines = toLines([item('●', 90, 624, 6), item('Lead a team of six technicians', 108, 624, 160)])
    expect(toBlocks(lines).map((b) => [b.kind, b.text])).toEqual([['bullet', 'Lead a team of six technicians']])
  })

  it('drops private-use icon glyphs, leaving a separator where each stood', () => {
    const line = toLines([item(readableText('\uF095 (212) 555-0142 \uF0E0 ada@example.com'), 50, 700, 300)])[0]
    expect(line?.text).toBe('(212) 555-0142 · ada@example.com')
  })
})

describe('PDF lines', () => {
  it('cuts a heading set in a left gutter from the content on its baseline', () => {
    const lines = toLines([item('Work', 120, 413, 47, 20), item('Valley Drug Mart', 190, 414, 128, 16)])
    expect(lines.map((l) => l.text)).toEqual(['Work', 'Valley Drug Mart'])
  })

  it('cuts dates set against the right margin from the title on their row', () => {
    const lines = toLines([
      item('Office Manager, The Phone Company', 72, 600, 180),
      item('03/2019 – 05/2021', 470, 600, 80),
    ])
    expect(lines.map((l) => l.text)).toEqual(['Office Manager, The Phone Company', '03/2019 – 05/2021'])
  })

  it('joins items set apart on a row (skill chips) with the part separator', () => {
    const lines = toLines([
      item('Tableau', 53, 551, 33, 9),
      item('Looker', 91.4, 551, 29, 9),
      item('Power BI', 127, 551, 38, 9),
    ])
    expect(lines.map((l) => l.text)).toEqual(['Tableau · Looker · Power BI'])
    // Words a normal space apart stay one phrase.
    expect(toLines([item('Apr 2019', 190, 369, 42.6, 10.5), item('– Present', 236, 369, 45, 10.5)])[0]?.text).toBe(
      'Apr 2019 – Present',
    )
  })

  it('keeps the links drawn over items with the text they cover', () => {
    const lines = toLines([
      { ...item('kevin-morales', 207, 520, 65), link: 'https://www.linkedin.com/in/kevin-morales' },
      { ...item('(LinkedIn)', 275, 520, 47), link: 'https://www.linkedin.com/in/kevin-morales' },
    ])
    expect(lines[0]?.links).toEqual([
      { text: 'kevin-morales (LinkedIn)', url: 'https://www.linkedin.com/in/kevin-morales' },
    ])
  })
})

describe('PDF blocks', () => {
  it('joins a wrapped line to the line above only when that line ran to the column edge', () => {
    const lines = toLines([
      item('Lead a team of 6 technicians at a store filling 400 prescriptions a day', 201, 348, 320, 10.5),
      item('Manage inventory and ordering, including controlled substance counts with the', 201, 328, 365, 10.5),
      item('pharmacist', 201, 312, 51, 10.5),
      item('Resolve insurance rejections and start prior authorizations', 201, 292, 270, 10.5),
      item('Train new technicians on PioneerRx and data entry', 201, 276, 238, 10.5),
    ])
    expect(toBlocks(lines).map((b) => b.text)).toEqual([
      'Lead a team of 6 technicians at a store filling 400 prescriptions a day',
      'Manage inventory and ordering, including controlled substance counts with the pharmacist',
      'Resolve insurance rejections and start prior authorizations',
      'Train new technicians on PioneerRx and data entry',
    ])
  })
})

describe('PDF columns', () => {
  it('does not read dates set against the right margin beside each title as a column', () => {
    const rows = [0, 1, 2, 3, 4, 5].flatMap((n) => [
      item(`Title ${n} at a company with a long enough name`, 42, 700 - n * 60, 260, 12),
      item('Run a restaurant and a rooftop bar with thirty-five staff members', 55, 684 - n * 60, 280),
      item('Hire, schedule and train servers, hosts and bartenders each week', 55, 672 - n * 60, 280),
      item('Hit labour targets with weekly forecasts and answer the reviews', 55, 660 - n * 60, 280),
      item('May 2021 - Current', 480, 700 - n * 60, 85),
    ])
    expect(splitColumns(rows, 612)).toEqual([rows])
  })
})
