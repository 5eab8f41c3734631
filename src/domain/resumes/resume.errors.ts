import { DomainError } from '../errors.js'

/** Errors services and repositories raise alike, so every adapter words them the same. */
export function resumeNotFound(): DomainError {
  return new DomainError('RESUME_NOT_FOUND', 'No such resume.')
}

/** Deleting for good is for the trash only: a live resume is moved there first. */
export function resumeNotInTrash(): DomainError {
  return new DomainError('RESUME_NOT_IN_TRASH', 'This resume is not in the trash; move it to the trash first.')
}

/** The draft (or head) changed since the caller read it; `etag` tells the current one. */
export function draftConflict(currentEtag: string): DomainError {
  return new DomainError('DRAFT_VERSION_CONFLICT', 'The draft changed since you last read it; reload and retry.', {
    extra: { etag: currentEtag },
  })
}
