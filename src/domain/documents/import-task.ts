import type { TaskHandler } from '../tasks/task.types.js'
import type { ResumeDocumentsService } from './resume-documents.service.js'

/** Background import of a large file: the same import, run by the task queue, with the new resume as its result. */
export const IMPORT_TASK = 'resume.import'

export interface ImportTaskPayload {
  /** The uploaded file, base64 (task payloads are JSON). */
  readonly file: string
  readonly fileName: string | undefined
}

export function importTaskHandler(resumeDocuments: ResumeDocumentsService): TaskHandler {
  return async (payload, context) => {
    const { file, fileName } = payload as ImportTaskPayload
    await context.reportProgress(10)
    const { resume, draft, report } = await resumeDocuments.importResume(
      context.ownerId,
      Buffer.from(file, 'base64'),
      fileName,
    )
    return { resumeId: resume.id, draftEtag: draft.etag, report }
  }
}
