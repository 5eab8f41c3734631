/** Hostile, broken and unsupported uploads: each fails with its own 4xx code and never yields an invented resume. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DomainError, type ErrorCode } from '../../src/domain/errors.js'
import { errorStatus } from '../../src/http/error-status.js'
import { FIXTURE_DIR } from '../helpers/document-accuracy.js'
import { DOCX_SKELETON, documentServices, pdfOf, pngOf, zipOf } from '../helpers/document-files.js'

const { documents } = documentServices()
const sample = JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'backend-engineer.json'), 'utf8'))

async function failure(work: Promise<unknown>): Promise<{ code: ErrorCode; status: number; error: DomainError }> {
  try {
    await work
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    return { code: error.code, status: errorStatus[error.code], error }
  }
  throw new Error('expected the import to fail')
}

const realPdf = async () =>
  (await documents.exportResume(sample, { format: 'pdf', templateId: 'classic', paper: 'letter', title: 'r' })).body

describe('import safety', () => {
  it('refuses a PDF whose body is garbage with IMPORT_MALFORMED (422)', async () => {
    const bytes = Buffer.from('%PDF-1.7\n1 0 obj <<< this is not a pdf >>> \n%%EOF\n')
    expect(await failure(documents.importFile(bytes))).toMatchObject({ code: 'IMPORT_MALFORMED', status: 422 })
  })

  it('refuses a truncated PDF with IMPORT_MALFORMED', async () => {
    const bytes = await realPdf()
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6))
    expect(await failure(documents.importFile(cut))).toMatchObject({ code: 'IMPORT_MALFORMED', status: 422 })
  })

  it('refuses a password-protected PDF with IMPORT_ENCRYPTED', async () => {
    const bytes = await pdfOf(
      (doc) => {
        doc.fontSize(12).text('Alex Morgan').text('alex@example.com').text('EXPERIENCE').text('Engineer — Acme')
      },
      { userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' },
    )
    expect(await failure(documents.importFile(bytes))).toMatchObject({ code: 'IMPORT_ENCRYPTED', status: 422 })
  })

  it('refuses an image-only (scanned) PDF with IMPORT_NO_TEXT_LAYER', async () => {
    const png = pngOf(200, 260)
    const bytes = await pdfOf((doc) => {
      doc.image(png, 40, 40, { width: 500 })
      doc.addPage().image(png, 40, 40, { width: 500 })
    })
    const result = await failure(documents.importFile(bytes))
    expect(result).toMatchObject({ code: 'IMPORT_NO_TEXT_LAYER', status: 422 })
  })

  it('refuses a DOCX zip bomb before unpacking it (IMPORT_ARCHIVE_LIMIT)', async () => {
    const bomb = zipOf([...DOCX_SKELETON, { name: 'word/document.xml', data: Buffer.alloc(60 * 1024 * 1024, 0x20) }])
    expect(bomb.length).toBeLessThan(1024 * 1024)
    expect(await failure(documents.importFile(bomb))).toMatchObject({ code: 'IMPORT_ARCHIVE_LIMIT', status: 422 })
  })

  it('refuses a DOCX whose headers understate what it unpacks to (IMPORT_ARCHIVE_LIMIT)', async () => {
    const liar = zipOf([
      ...DOCX_SKELETON,
      { name: 'word/document.xml', data: Buffer.alloc(5 * 1024 * 1024, 0x20), declaredSize: 1000 },
    ])
    expect(await failure(documents.importFile(liar))).toMatchObject({ code: 'IMPORT_ARCHIVE_LIMIT' })
  })

  it('refuses an archive with too many entries (IMPORT_ARCHIVE_LIMIT)', async () => {
    const many = zipOf([
      ...DOCX_SKELETON,
      ...Array.from({ length: 1200 }, (_, i) => ({ name: `word/media/f${i}.xml`, data: '<x/>' })),
    ])
    const result = await failure(documents.importFile(many))
    expect(result).toMatchObject({ code: 'IMPORT_ARCHIVE_LIMIT', status: 422 })
    expect(result.error.message).toContain('1202 entries')
  })

  it('refuses a renamed .exe and a ZIP that is no Word document with IMPORT_UNSUPPORTED_TYPE (415)', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(2048, 0)])
    expect(await failure(documents.importFile(exe))).toMatchObject({ code: 'IMPORT_UNSUPPORTED_TYPE', status: 415 })
    const zip = zipOf([{ name: 'readme.txt', data: 'hello' }])
    expect(await failure(documents.importFile(zip))).toMatchObject({ code: 'IMPORT_UNSUPPORTED_TYPE', status: 415 })
    expect(await failure(documents.importFile(Buffer.from('plain text resume')))).toMatchObject({
      code: 'IMPORT_UNSUPPORTED_TYPE',
    })
  })

  it('refuses a damaged ZIP with IMPORT_MALFORMED', async () => {
    const zip = zipOf([...DOCX_SKELETON, { name: 'word/document.xml', data: '<w:document/>' }])
    const damaged = Buffer.concat([zip.subarray(0, 40), Buffer.alloc(200, 7)])
    expect(await failure(documents.importFile(damaged))).toMatchObject({ code: 'IMPORT_MALFORMED', status: 422 })
  })

  it('refuses a file over the size limit with IMPORT_TOO_LARGE (413)', async () => {
    const { documents: small } = documentServices({ maxBytes: 1024 })
    const result = await failure(small.importFile(await realPdf()))
    expect(result).toMatchObject({ code: 'IMPORT_TOO_LARGE', status: 413 })
    expect(result.error.extra).toEqual({ limit: 1024 })
  })

  it('gives up on a parse that takes longer than the limit with IMPORT_TIMEOUT', async () => {
    const { documents: hasty } = documentServices({ timeoutMs: 1 })
    expect(await failure(hasty.importFile(await realPdf()))).toMatchObject({ code: 'IMPORT_TIMEOUT', status: 422 })
  })

  it('refuses JSON that is broken or not a JSON Resume document', async () => {
    expect(await failure(documents.importFile(Buffer.from('{"basics": ')))).toMatchObject({ code: 'IMPORT_MALFORMED' })
    const wrong = await failure(documents.importFile(Buffer.from('{"basics": [], "work": {"name": "x"}}')))
    expect(wrong).toMatchObject({ code: 'IMPORT_INVALID_JSON_RESUME', status: 422 })
    expect(wrong.error.errors).toEqual([
      { pointer: '/work', message: 'must be an array' },
      { pointer: '/basics', message: 'must be an object' },
    ])
  })

  it('refuses a text PDF that holds no resume with IMPORT_NOTHING_RECOGNISED instead of inventing fields', async () => {
    const bytes = await pdfOf((doc) => {
      doc.fontSize(11).text('Minutes of the allotment society meeting held on Tuesday evening in the village hall.')
    })
    const result = await failure(documents.importFile(bytes))
    expect(result).toMatchObject({ code: 'IMPORT_NOTHING_RECOGNISED', status: 422 })
  })
})
