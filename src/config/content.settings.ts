/** Settings of what users store and send: resumes, quotas, input limits, heavy work, documents and tasks. */
import path from 'node:path'
import { int, type Setting, str } from './setting-kinds.js'

const DAY = 24 * 3600
const MiB = 1024 * 1024

export const CONTENT_SETTINGS = {
  RESUMES_PER_USER_MAX: int({
    section: 'Resumes',
    doc: 'Resumes one user may keep, the trash included.',
    default: 200,
    min: 1,
    max: 100_000,
  }),
  RESUME_CONTENT_MAX_BYTES: int({
    doc: 'Largest resume or draft content, in bytes of JSON.',
    default: MiB,
    min: 1024,
    max: 16 * MiB,
  }),
  RESUME_TRASH_RETENTION_DAYS: int({
    doc: 'Days a deleted resume stays in the trash, restorable, before it is purged for good.',
    default: 30,
    min: 1,
    max: 3650,
  }),
  RESUME_PURGE_INTERVAL_MS: int({
    doc: 'How often the service purges expired trash in process; 0 turns it off (run it from a scheduler).',
    default: 3_600_000,
    min: 0,
    max: 7 * DAY * 1000,
  }),

  QUOTA_STORAGE_BYTES: int({
    section: 'Quotas per account. Over one, a write answers QUOTA_EXCEEDED naming it; GET /api/me/usage shows usage.',
    doc: 'UTF-8 bytes of every version, draft and saved job of one user together.',
    default: 200 * MiB,
    min: 1024,
    max: Number.MAX_SAFE_INTEGER,
  }),
  QUOTA_VERSIONS_PER_RESUME: int({
    doc: 'Committed versions one resume may hold.',
    default: 1000,
    min: 1,
    max: 1_000_000,
  }),
  QUOTA_JOBS: int({ doc: 'Saved job postings one user may keep.', default: 1000, min: 1, max: 1_000_000 }),
  QUOTA_APPLICATIONS: int({
    doc: 'Applications one user may track (a CSV export holds them all, so at most 10000).',
    default: 1000,
    min: 1,
    max: 10_000,
  }),

  INPUT_MAX_DEPTH: int({
    section:
      'Shape limits of every JSON input (bodies, drafts, imported files, job texts): 400 naming the path past them.',
    doc: 'Deepest nesting of objects and arrays.',
    default: 32,
    min: 4,
    max: 1000,
  }),
  INPUT_MAX_STRING_LENGTH: int({
    doc: 'Longest single string, in characters.',
    default: 100_000,
    min: 100,
    max: 10_000_000,
  }),
  INPUT_MAX_ARRAY_LENGTH: int({
    doc: 'Most items in one array, and most keys in one object.',
    default: 10_000,
    min: 10,
    max: 10_000_000,
  }),

  WORKER_THREADS: int({
    section:
      'Heavy work on untrusted input (imports, job analysis, ATS reports, suggestions, tailoring, diffs, exports) ' +
      'runs in a pool of worker threads. A task over its time budget or heap limit has its worker terminated and ' +
      'replaced, and the request answers 422 INPUT_TOO_COMPLEX (imports: IMPORT_TIMEOUT after IMPORT_TIMEOUT_MS).',
    doc:
      "Worker threads; defaults to the machine's parallelism less one core left to the event loop (at least 1, at " +
      'most 4); 0 runs tasks in process without budgets (not for production).',
    min: 0,
    max: 64,
    example: '2',
  }),
  WORKER_MAX_QUEUE: int({
    doc: 'Tasks waiting for a worker before new ones answer 503 WORKERS_BUSY.',
    default: 64,
    min: 1,
    max: 100_000,
  }),
  WORKER_ANALYSIS_BUDGET_MS: int({ doc: 'Time budget of an analysis task.', default: 5000, min: 50, max: 600_000 }),
  WORKER_EXPORT_BUDGET_MS: int({ doc: 'Time budget of an export.', default: 20_000, min: 100, max: 600_000 }),
  WORKER_MAX_HEAP_MB: int({ doc: 'Heap limit of one worker thread, in MB.', default: 512, min: 64, max: 16_384 }),

  IMPORT_MAX_BYTES: int({
    section:
      'Documents: import limits and a fallback font for characters the built-in fonts lack. PDFs draw Chinese, ' +
      'Japanese and Korean with the built-in Noto Sans CJK fonts; a font named here is tried before them.',
    doc: 'Largest file accepted for import, in bytes.',
    default: 10 * MiB,
    min: 1024,
    max: 100 * MiB,
  }),
  IMPORT_TIMEOUT_MS: int({ doc: 'Longest one import may parse.', default: 20_000, min: 100, max: 600_000 }),
  IMPORT_MAX_ARCHIVE_ENTRIES: int({
    doc: 'Most entries of a DOCX (ZIP) archive, against zip bombs.',
    default: 1000,
    min: 10,
    max: 100_000,
  }),
  IMPORT_MAX_UNCOMPRESSED_BYTES: int({
    doc: 'Most bytes of a DOCX archive once unpacked.',
    default: 50 * MiB,
    min: MiB,
    max: 1024 * MiB,
  }),
  PDF_FALLBACK_FONT: str({
    doc: 'Absolute path to a TTF or OTF file for characters the built-in fonts lack; none by default.',
    check: (file) =>
      path.isAbsolute(file) && /\.(ttf|otf)$/i.test(file)
        ? undefined
        : 'must be an absolute path to a .ttf or .otf file',
    example: '/usr/share/fonts/truetype/my-font.ttf',
  }),

  TASK_CONCURRENCY: int({
    section:
      'Background tasks (BullMQ on Redis when REDIS_URL is set, in process otherwise): concurrency per instance, ' +
      'attempts with exponential backoff from TASK_BACKOFF_MS, and how long finished tasks stay readable.',
    doc: 'Tasks one instance runs at the same time.',
    default: 2,
    min: 1,
    max: 64,
  }),
  TASK_MAX_ATTEMPTS: int({ doc: 'Attempts of one task.', default: 3, min: 1, max: 20 }),
  TASK_BACKOFF_MS: int({ doc: 'Delay before the first retry.', default: 1000, min: 1, max: 3_600_000 }),
  TASK_RETENTION_SECONDS: int({
    doc: 'How long a finished task stays readable at GET /api/tasks/:id.',
    default: DAY,
    min: 60,
    max: 30 * DAY,
  }),
} satisfies Record<string, Setting<unknown>>
