/**
 * The page headers and footers of a DOCX, which mammoth leaves out: many resumes put the name and contact details
 * there. Read from the archive after the zip guard has passed it, each part capped in size, as text blocks with
 * their hyperlinks (targets from the part's relationships).
 */
import yauzl from 'yauzl'
import type { TextBlock, TextLink } from '../../domain/documents/document.types.js'

/** A header or footer larger than this is not read (a resume's is a few kilobytes). */
const MAX_PART_BYTES = 256 * 1024
const PART = /^word\/(header|footer)\d*\.xml$/
const RELS = /^word\/_rels\/(header|footer)\d*\.xml\.rels$/

/** Unpacks the named small entries of an archive the zip guard already accepted. */
function readEntries(bytes: Uint8Array, wanted: (name: string) => boolean): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError || !zip) {
        reject(openError ?? new Error('unreadable archive'))
        return
      }
      const found = new Map<string, string>()
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!wanted(entry.fileName) || entry.uncompressedSize > MAX_PART_BYTES) {
          zip.readEntry()
          return
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            zip.close()
            reject(streamError ?? new Error('unreadable entry'))
            return
          }
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => chunks.push(chunk))
          stream.on('error', reject)
          stream.on('end', () => {
            found.set(entry.fileName, Buffer.concat(chunks).toString('utf8'))
            zip.readEntry()
          })
        })
      })
      zip.on('end', () => resolve(found))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16))
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)))
    return ENTITIES[e.toLowerCase()] ?? ''
  })

/** Paragraphs of a WordprocessingML part: their text (tabs as separators), boldness and hyperlinks. */
export function paragraphsOfPart(xml: string, relationships: ReadonlyMap<string, string>): TextBlock[] {
  const blocks: TextBlock[] = []
  for (const paragraph of xml.split('</w:p>')) {
    let text = ''
    let bold = 0
    let plain = 0
    let runBold = false
    let inText = false
    const links: TextLink[] = []
    let link: { url: string; from: number } | undefined
    // Tags and the text between them; a tag cannot hold "<" or ">", so each character is read once.
    for (const token of paragraph.split(/(<[^<>]*>)/)) {
      if (!token.startsWith('<')) {
        if (!inText) continue
        const value = decode(token)
        text += value
        if (runBold) bold += value.trim().length
        else plain += value.trim().length
      } else if (/^<w:r[\s>]/.test(token)) runBold = false
      else if (/^<w:b(?: w:val="(?:1|true|on)")? ?\/>/.test(token)) runBold = true
      else if (/^<w:t[\s>]/.test(token)) inText = !token.endsWith('/>')
      else if (token === '</w:t>') inText = false
      else if (/^<w:tab\b/.test(token)) text += ' · '
      else if (/^<w:br\b/.test(token)) text += ' '
      else if (/^<w:hyperlink\b/.test(token)) {
        const id = /\br:id="([^"]*)"/.exec(token)?.[1]
        const url = id ? relationships.get(id) : undefined
        link = url ? { url, from: text.length } : undefined
      } else if (token === '</w:hyperlink>' && link) {
        const covered = text.slice(link.from).replace(/\s+/g, ' ').trim()
        if (/^(?:https?:\/\/|mailto:|tel:)/i.test(link.url)) links.push({ text: covered, url: link.url.slice(0, 2048) })
        link = undefined
      }
    }
    const value = text
      .split('·')
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' · ')
    if (value) {
      blocks.push({
        text: value,
        kind: 'text',
        bold: bold > 0 && plain === 0,
        scale: 1,
        ...(links.length > 0 && { links }),
      })
    }
  }
  return blocks
}

function relationshipsOf(xml: string | undefined): Map<string, string> {
  const found = new Map<string, string>()
  for (const tag of (xml ?? '').split(/(?=<Relationship\s)/)) {
    const id = /\sId="([^"]*)"/.exec(tag)?.[1]
    const target = /\sTarget="([^"]*)"/.exec(tag)?.[1]
    if (id && target) found.set(id, decode(target))
  }
  return found
}

/** Blocks of the document's headers, then its footers, without repeats (first page and default often match). */
export async function headerAndFooterBlocks(bytes: Uint8Array, names: readonly string[]): Promise<TextBlock[]> {
  if (!names.some((n) => PART.test(n))) return []
  const parts = await readEntries(bytes, (name) => PART.test(name) || RELS.test(name))
  const blocks: TextBlock[] = []
  const seen = new Set<string>()
  const ordered = [...parts.keys()]
    .filter((n) => PART.test(n))
    .sort((a, b) => Number(a.includes('footer')) - Number(b.includes('footer')) || a.localeCompare(b))
  for (const name of ordered) {
    const rels = relationshipsOf(parts.get(name.replace(/^word\/(.*)$/, 'word/_rels/$1.rels')))
    for (const block of paragraphsOfPart(parts.get(name) ?? '', rels)) {
      if (seen.has(block.text) || /^(page )?\d+( of \d+)?$/i.test(block.text)) continue
      seen.add(block.text)
      blocks.push(block)
    }
  }
  return blocks
}
