/**
 * ZIP archives with fflate's streaming writer: each file is deflated in pieces of at most CHUNK_BYTES as it is read,
 * and what the writer produced is handed on before the next piece is read, so memory stays at one piece and the
 * event loop is never held for a whole file.
 */
import { Zip, ZipDeflate } from 'fflate'
import type { ArchiveFile, ArchiveWriter } from '../../domain/accounts/data-export.ports.js'

/** Text is deflated in pieces of this many characters (at most four times as many bytes). */
const CHUNK_CHARS = 64 * 1024

async function* piecesOf(content: ArchiveFile['content']): AsyncGenerator<string> {
  const parts = typeof content === 'string' ? [content] : content
  for await (const part of parts) {
    for (let start = 0; start < part.length; start += CHUNK_CHARS) yield part.slice(start, start + CHUNK_CHARS)
  }
}

export const zipWriter: ArchiveWriter = {
  async *zip(files, modifiedAt) {
    const ready: Uint8Array[] = []
    let failure: Error | undefined
    const zip = new Zip((error, data) => {
      if (error) failure = error
      else ready.push(data)
    })
    const flush = function* () {
      if (failure) throw failure
      while (ready.length > 0) yield ready.shift() as Uint8Array
    }
    const encoder = new TextEncoder()
    for await (const file of files) {
      const entry = new ZipDeflate(file.path, { level: 6 })
      entry.mtime = modifiedAt
      zip.add(entry)
      for await (const piece of piecesOf(file.content)) {
        entry.push(encoder.encode(piece))
        yield* flush()
      }
      entry.push(new Uint8Array(0), true)
      yield* flush()
    }
    zip.end()
    yield* flush()
  },
}
