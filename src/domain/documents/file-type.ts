import type { ImportType } from './document.types.js'

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((b, i) => bytes[at + i] === b)

/**
 * The import type of a file from its first bytes (magic numbers), never from its name: `%PDF-` (within the first
 * KiB, as readers allow), a ZIP local header (DOCX is checked further when unpacked), or a JSON object.
 */
export function detectImportType(bytes: Uint8Array): ImportType | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  if (head.includes('%PDF-')) return 'pdf'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx'
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] as number)) i += 1
  return bytes[i] === 0x7b ? 'json' : undefined
}
