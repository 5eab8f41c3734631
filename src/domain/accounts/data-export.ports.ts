import type { Draft, Resume, ResumeVersion } from '../resumes/resume.types.js'

/**
 * Reads what one user stores, for their data export: resumes in the trash included, in pages, so an export holds at
 * most one page in memory however much the user keeps.
 */
export interface AccountDataReader {
  /** The owner's resumes, live and trashed, oldest first (createdAt, then id), strictly after `after`, at most `limit`. */
  listResumes(ownerId: string, after: { createdAt: Date; id: string } | undefined, limit: number): Promise<Resume[]>
  /** Versions of the owner's resume (trashed or not) numbered above `after`, oldest first, at most `limit`. */
  listVersions(ownerId: string, resumeId: string, after: number, limit: number): Promise<ResumeVersion[]>
  /** The saved draft of the owner's resume (trashed or not); undefined when it has none. */
  findDraft(ownerId: string, resumeId: string): Promise<Draft | undefined>
}

/** One file of an archive: its text whole, or in pieces for a file too large to hold at once. */
export interface ArchiveFile {
  readonly path: string
  readonly content: string | AsyncIterable<string>
}

/** Writes files into an archive as they come, so a large archive is never held in memory. */
export interface ArchiveWriter {
  /** The ZIP archive of `files`, produced as it is read (a slow reader slows the reading of `files` down). */
  zip(files: AsyncIterable<ArchiveFile>, modifiedAt: Date): AsyncIterable<Uint8Array>
}
