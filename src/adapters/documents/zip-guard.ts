/**
 * Checks a DOCX (ZIP) archive before anything unpacks it for real: entry count, declared and actual uncompressed
 * sizes and compression ratios, so a zip bomb is refused after reading at most `maxUncompressedBytes`.
 */
import yauzl from 'yauzl'
import type { ReadLimits } from '../../domain/documents/document.ports.js'
import { DomainError } from '../../domain/errors.js'

const MAX_RATIO = 200

const limitError = (message: string) => new DomainError('IMPORT_ARCHIVE_LIMIT', message)

/** Resolves with the archive's entry names when it is within the limits; rejects with a DomainError otherwise. */
export function inspectZip(bytes: Uint8Array, limits: ReadLimits): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError || !zip) {
        reject(new DomainError('IMPORT_MALFORMED', 'The file is not a readable DOCX (damaged ZIP archive).'))
        return
      }
      if (zip.entryCount > limits.maxEntries) {
        zip.close()
        reject(limitError(`The archive holds ${zip.entryCount} entries; at most ${limits.maxEntries} are allowed.`))
        return
      }
      const names: string[] = []
      let total = 0
      const fail = (error: DomainError) => {
        zip.close()
        reject(error)
      }
      zip.on('error', () => fail(new DomainError('IMPORT_MALFORMED', 'The DOCX archive is damaged.')))
      zip.on('end', () => resolve(names))
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName)
        if (entry.fileName.endsWith('/')) {
          zip.readEntry()
          return
        }
        total += entry.uncompressedSize
        if (total > limits.maxUncompressedBytes) {
          fail(limitError(`The archive expands to more than ${limits.maxUncompressedBytes} bytes.`))
          return
        }
        if (
          entry.uncompressedSize > 1_000_000 &&
          entry.uncompressedSize / Math.max(1, entry.compressedSize) > MAX_RATIO
        ) {
          fail(limitError(`The entry ${entry.fileName} is compressed more than ${MAX_RATIO}:1.`))
          return
        }
        // Read the entry for real: sizes in the headers can lie, so count what actually comes out.
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            fail(new DomainError('IMPORT_MALFORMED', 'The DOCX archive is damaged.'))
            return
          }
          let actual = 0
          stream.on('data', (chunk: Buffer) => {
            actual += chunk.length
            if (
              actual > entry.uncompressedSize ||
              total - entry.uncompressedSize + actual > limits.maxUncompressedBytes
            ) {
              stream.destroy()
              fail(limitError('The archive expands further than its headers declare.'))
            }
          })
          stream.on('error', () => fail(limitError('The archive expands further than its headers declare.')))
          stream.on('end', () => zip.readEntry())
        })
      })
      zip.readEntry()
    })
  })
}
