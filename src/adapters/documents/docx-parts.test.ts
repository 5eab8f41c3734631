import { describe, expect, it } from 'vitest'
import { paragraphsOfPart } from './docx-parts.js'

const HEADER = `<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="w" xmlns:r="r">
<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="40"/></w:rPr><w:t>Dana Whitcomb</w:t></w:r></w:p>
<w:p><w:hyperlink r:id="rId1"><w:r><w:t>dana@example.com</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve">  |  </w:t></w:r>
<w:r><w:t>311–555–2839</w:t></w:r><w:r><w:tab/><w:t>Lakewood &amp; Co</w:t></w:r></w:p></w:hdr>`

describe('DOCX headers', () => {
  it('reads the paragraphs of a page header with bold runs, tabs as separators and hyperlinks', () => {
    const blocks = paragraphsOfPart(HEADER, new Map([['rId1', 'mailto:dana@example.com']]))
    expect(blocks).toEqual([
      { text: 'Dana Whitcomb', kind: 'text', bold: true, scale: 1 },
      {
        text: 'dana@example.com | 311–555–2839 · Lakewood & Co',
        kind: 'text',
        bold: false,
        scale: 1,
        links: [{ text: 'dana@example.com', url: 'mailto:dana@example.com' }],
      },
    ])
  })
})
