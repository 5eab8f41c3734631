/** README.txt of a data export: what each file of the archive holds. */
export const DATA_EXPORT_README = `RoleReady data export
=====================

This archive holds everything RoleReady stores for your account, as JSON (UTF-8). Dates are ISO 8601 in UTC.

account.json
  Your account: id, email, display name, tier, role, when it was created and last changed. Your password is
  never stored in a readable form, and its hash is not included.

settings.json
  Your settings (locale, time zone, default template, page size, theme, e-mail notifications), with the
  defaults for any you never changed.

api-keys.json
  Your personal API keys: id, name, scopes, when each was created, when it expires and when it was last used.
  Neither the secrets nor anything derived from them are included.

applications.json
  The applications you track, most recently updated first: the job (saved posting or company, title and web
  address), the resume and version sent, status with its history of changes, dates, contacts, notes, salary
  range and location.

jobs.json
  The job postings you saved, newest first: title, company, web address, description, when saved. Analyses and
  reports are worked out from a posting each time they are asked for and are not stored, so they are not here.

resumes/<resume id>/resume.json
  One resume (the ones in the trash included, with deletedAt set): title, template, design, tags, the number of
  its head version, where it was tailored from, and its dates.

resumes/<resume id>/versions/<n>.json
  Every committed version of that resume: number, commit message, the version it restored (if any), date, and
  the content as a JSON Resume document (https://jsonresume.org).

resumes/<resume id>/draft.json
  The working draft, when the resume has one: the version it is based on, its ETag, when it was last saved, and
  its content.

resumes/<resume id>/json-resume.json
  The resume's current content as a JSON Resume file, ready to import into RoleReady or another JSON Resume tool:
  the working draft when there is one, else the head version (what the editor shows).
`
