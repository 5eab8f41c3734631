import type { ResumeService } from './resume.service.js'

export interface TrashPurgeOptions {
  readonly resumes: Pick<ResumeService, 'purgeExpired'>
  /** How often expired trash is purged; 0 turns purging off. */
  readonly intervalMs: number
  /** Called after a run that removed at least one resume. */
  onPurged(count: number): void
  onError(error: unknown): void
}

/**
 * Purges resumes kept in the trash past their retention, every `intervalMs`, in process. One run at a time: a run
 * still going when the next is due is not doubled. The timer never keeps the process alive. Returns the function
 * that stops it.
 */
export function startTrashPurge({ resumes, intervalMs, onPurged, onError }: TrashPurgeOptions): () => void {
  if (intervalMs <= 0) return () => {}
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    resumes
      .purgeExpired()
      .then((purged) => purged > 0 && onPurged(purged))
      .catch(onError)
      .finally(() => {
        running = false
      })
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
