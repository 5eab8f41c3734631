/**
 * Links in exports: e-mail (mailto:), phone (tel:), website, profiles and project and work addresses are link
 * annotations over their own text in the PDF and hyperlinks in the DOCX, shown as the readable address. Addresses
 * with other schemes stay plain text.
 */
import { describe, expect, it } from 'vitest'
import { docxLinks, docxText, pdfLinks, pdfText, pdfWords, wordsInside } from '../helpers/exported-files.js'
import { clientOf } from '../helpers/resumes.js'
import { registerUser, startTestServer } from '../helpers/server.js'

const RESUME = {
  basics: {
    name: 'Jana Novak',
    label: 'Backend Engineer',
    email: 'jana.novak@example.com',
    phone: '+49 30 1234567',
    url: 'https://jana.example.dev',
    location: { city: 'Berlin', countryCode: 'DE' },
    profiles: [
      { network: 'GitHub', username: 'jananovak', url: 'https://github.com/jananovak' },
      { network: 'Mastodon', username: 'jana', url: 'javascript:alert(1)' },
    ],
  },
  work: [
    {
      name: 'Parcelly GmbH',
      position: 'Senior Backend Engineer',
      url: 'parcelly.example.com',
      startDate: '2021-03',
      highlights: ['Built TypeScript services that route 400k parcels a day'],
    },
  ],
  projects: [{ name: 'Route planner', url: 'https://github.com/jananovak/routes', description: 'Open-source router' }],
}

const EXPECTED = [
  { url: 'mailto:jana.novak@example.com', text: 'jana.novak@example.com' },
  { url: 'tel:+49301234567', text: '+49 30 1234567' },
  { url: 'https://jana.example.dev/', text: 'https://jana.example.dev' },
  { url: 'https://github.com/jananovak', text: 'GitHub: https://github.com/jananovak' },
  { url: 'https://parcelly.example.com/', text: 'parcelly.example.com' },
  { url: 'https://github.com/jananovak/routes', text: 'https://github.com/jananovak/routes' },
]

async function exported(format: 'pdf' | 'docx' | 'md', template: string) {
  const { server } = await startTestServer({ RATE_LIMIT_ENABLED: 'false' })
  const client = clientOf(server, (await registerUser(server)).token)
  const { id } = (await client.post('/api/resumes', { title: 'Jana', content: {} })).json()
  // A draft holds what people type, bare domains and odd schemes included (the schema wants URIs on commit).
  expect((await client.put(`/api/resumes/${id}/draft`, { content: RESUME }, { 'if-match': '"v1"' })).statusCode).toBe(
    200,
  )
  const response = await client.get(`/api/resumes/${id}/export?format=${format}&template=${template}`)
  expect(response.statusCode).toBe(200)
  return response.rawPayload
}

describe('links in exported documents', { timeout: 120_000 }, () => {
  for (const template of ['classic', 'modern']) {
    it(`PDF (${template}): a link annotation over each address's own text, pointing where it says`, async () => {
      const pdf = await exported('pdf', template)
      const links = await pdfLinks(pdf)
      const words = pdfWords(pdf)
      expect(links.map((l) => ({ url: l.url, text: wordsInside(words, l) }))).toEqual(EXPECTED)
      // The unsafe profile address is shown, but points nowhere.
      expect(pdfText(pdf)).toContain('Mastodon: javascript:alert(1)')
      expect(links.some((l) => l.url.startsWith('javascript:'))).toBe(false)
    })
  }

  it('DOCX: an external hyperlink relationship for each address, around its readable text', async () => {
    const docx = await exported('docx', 'classic')
    expect(docxLinks(docx).map((l) => ({ url: l.target, text: l.text }))).toEqual(EXPECTED)
    expect(docxText(docx)).toContain('Mastodon: javascript:alert(1)')
  })

  it('Markdown: links with the readable text, the unsafe address as text', async () => {
    const md = (await exported('md', 'classic')).toString('utf8')
    expect(md).toContain(
      '[jana.novak@example.com](<mailto:jana.novak@example.com>) · [+49 30 1234567](<tel:+49301234567>) · ' +
        '[https://jana.example.dev](<https://jana.example.dev/>) · Berlin, DE',
    )
    expect(md).toContain(
      '[GitHub: https://github.com/jananovak](<https://github.com/jananovak>) · Mastodon: javascript:alert(1)',
    )
    expect(md).toContain('*Mar 2021 – Present · [parcelly.example.com](<https://parcelly.example.com/>)*')
  })
})
