/**
 * DOCX import with mammoth: Word's structure (Heading 1/2/3 styles, bulleted lists, bold runs) becomes blocks.
 * The archive passes the zip guard first, so mammoth only ever unpacks bounded input.
 */
import mammoth from 'mammoth'
import type { DocumentReader, ReadLimits } from '../../domain/documents/document.ports.js'
import type { TextBlock, TextLink } from '../../domain/documents/document.types.js'
import { DomainError } from '../../domain/errors.js'
import { headerAndFooterBlocks } from './docx-parts.js'
import { withTimeout } from './timeout.js'
import { inspectZip } from './zip-guard.js'

export const docxReader: DocumentReader = {
  read(bytes, limits) {
    return withTimeout(readDocx(bytes, limits), limits.timeoutMs)
  },
}

async function readDocx(bytes: Uint8Array, limits: ReadLimits): Promise<TextBlock[]> {
  const names = await inspectZip(bytes, limits)
  if (!names.includes('word/document.xml')) {
    throw new DomainError('IMPORT_UNSUPPORTED_TYPE', 'The ZIP archive is not a Word document (no word/document.xml).')
  }
  let html: string
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: true })).value
  } catch (error) {
    throw new DomainError('IMPORT_MALFORMED', 'The Word document could not be read.', { cause: error })
  }
  let top: TextBlock[] = []
  try {
    top = await headerAndFooterBlocks(bytes, names)
  } catch {
    // Headers are a bonus: a part that cannot be read leaves the body as mammoth read it.
  }
  const body = htmlToBlocks(html)
  // The name set large in the header: the first header line is the name when the body's first line is not larger.
  const blocks = [...top.map((b, i) => (i === 0 ? { ...b, scale: Math.max(2, b.scale) } : b)), ...body]
  if (blocks.length === 0) throw new DomainError('IMPORT_NO_TEXT_LAYER', 'The Word document holds no text.')
  return blocks
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' }
const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39|nbsp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16))
    if (e.startsWith('#') && e !== '#39') return String.fromCodePoint(Number(e.slice(1)))
    return ENTITIES[e] ?? ''
  })

const SCALE: Record<string, number> = { h1: 2, h2: 1.4, h3: 1, h4: 1, h5: 1, h6: 1 }

/** Reads mammoth's simple HTML (h1–h6, p, ul/ol/li, strong, em, a, table) into blocks. */
export function htmlToBlocks(html: string): TextBlock[] {
  const blocks: TextBlock[] = []
  const stack: string[] = []
  let text = ''
  let boldChars = 0
  let links: TextLink[] = []
  let href: { url: string; from: number } | undefined
  const flush = () => {
    const value = decode(text).replace(/\s+/g, ' ').trim()
    const block = [...stack].reverse().find((tag) => /^(h[1-6]|p|li|td|th)$/.test(tag)) ?? 'p'
    if (value) {
      const heading = /^h[12]$/.test(block)
      blocks.push({
        text: value,
        kind: heading ? 'heading' : block === 'li' ? 'bullet' : 'text',
        // Mostly bold: a title in bold with its dates in plain text after a tab still reads as a title.
        bold: /^h[3-6]$/.test(block) || (boldChars > 0 && boldChars >= decode(text).trim().length * 0.6),
        scale: SCALE[block] ?? 1,
        ...(links.length > 0 && { links }),
      })
    }
    text = ''
    boldChars = 0
    links = []
  }
  // Linear patterns: a tag cannot hold "<" (mammoth escapes it), so an unclosed "<" is not read to the end of the text
  // from each "<" after it, and the tag name ends where its letters do instead of being shared with the attributes.
  for (const token of html.split(/(<[^<>]+>)/)) {
    const tag = /^<(\/?)([a-z0-9]+)(?![a-z0-9])[^>]*?(\/?)>$/i.exec(token)
    if (!tag) {
      text += token
      if (stack.includes('strong') || stack.includes('b')) boldChars += decode(token).trim().length
      continue
    }
    const [, closing, rawName, selfClosing] = tag
    const name = (rawName as string).toLowerCase()
    if (name === 'a') {
      // Hyperlinks: the text they cover and where they point, for the parser (web addresses, e-mail).
      if (!closing) {
        const url = /\shref="([^"]*)"/.exec(token)?.[1]
        href = url ? { url: decode(url), from: text.length } : undefined
      } else if (href) {
        const covered = decode(text.slice(href.from)).replace(/\s+/g, ' ').trim()
        if (/^(?:https?:\/\/|mailto:|tel:)/i.test(href.url)) links.push({ text: covered, url: href.url.slice(0, 2048) })
        href = undefined
      }
      continue
    }
    if (name === 'br') {
      text += ' '
      continue
    }
    const isBlock = /^(h[1-6]|p|li|ul|ol|td|th|tr|table)$/.test(name)
    if (isBlock) flush()
    if (selfClosing) continue
    if (closing) {
      const at = stack.lastIndexOf(name)
      if (at >= 0) stack.splice(at)
    } else stack.push(name)
  }
  flush()
  return blocks
}
