/**
 * Builds the heavy tasks where they run (a worker thread, or the main thread when the pool is off): the pure
 * domain tasks plus a document service with its readers, renderers and installed themes.
 */
import { createDocumentService, type ImportLimits } from '../../domain/documents/document.service.js'
import { createTemplateService } from '../../domain/templates/template.service.js'
import { documentTasks, type HeavyTasks, pureTasks } from '../../domain/work/heavy-work.js'
import { docxReader } from '../documents/docx.reader.js'
import { docxRenderer } from '../documents/docx.renderer.js'
import { htmlRenderer } from '../documents/html.renderer.js'
import { pdfReader } from '../documents/pdf.reader.js'
import { createPdfRenderer } from '../documents/pdf.renderer.js'
import { markdownRenderer, textRenderer } from '../documents/text.renderer.js'
import { loadThemeCatalog } from '../documents/theme-catalog.js'

/** Plain data (it crosses into each worker as workerData). */
export interface HeavyTaskSettings {
  readonly importLimits: ImportLimits
  /** A TTF/OTF file for characters the built-in fonts lack. */
  readonly pdfFallbackFont: string | undefined
}

export async function createHeavyTasks(settings: HeavyTaskSettings): Promise<HeavyTasks> {
  const templates = createTemplateService({ themes: await loadThemeCatalog(), html: htmlRenderer })
  const documents = createDocumentService({
    templates,
    renderers: {
      pdf: createPdfRenderer({ fallbackFontFile: settings.pdfFallbackFont }),
      docx: docxRenderer,
      html: htmlRenderer,
      md: markdownRenderer,
      txt: textRenderer,
    },
    readers: { pdf: pdfReader, docx: docxReader },
    limits: settings.importLimits,
  })
  return { ...pureTasks, ...documentTasks(documents) }
}
