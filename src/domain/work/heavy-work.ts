/**
 * CPU-heavy work on untrusted input: job analysis, ATS scoring, suggestions, tailoring, checking drafted edits,
 * diffs, and reading and drawing documents. Each task is a function of plain, cloneable data, so it can run where a
 * budget can stop it (a worker thread), never on the event loop that serves every user.
 */

import type { Operation } from 'fast-json-patch'
import fastJsonPatch from 'fast-json-patch'
import type { DocumentService, ExportRequest } from '../documents/document.service.js'
import type { ExportedDocument, ImportedResume, JsonResumeDocument } from '../documents/document.types.js'
import type { AcceptedEdit, AiSection, ProposedEdit, RejectedEdit } from '../intelligence/ai/ai.types.js'
import { deterministicEdits } from '../intelligence/ai/deterministic-edits.js'
import { checkEdits, combinedPatch } from '../intelligence/ai/edit-checks.js'
import type { JobAnalysis, PostingInput } from '../intelligence/analysis/analysis.types.js'
import { analyzeJob } from '../intelligence/analysis/job-analysis.js'
import type { AtsReport } from '../intelligence/ats/ats.types.js'
import { atsReport } from '../intelligence/ats/ats-report.js'
import { applyPatch, type Suggestion, suggest } from '../intelligence/suggestions/suggestions.js'
import { type TailoredResume, tailorResume } from '../intelligence/tailoring/tailor.js'

type Doc = Record<string, unknown>

export interface ScoringInput {
  readonly content: Doc
  readonly analysis: JobAnalysis
  /** The month (YYYY-MM) ongoing roles count up to. */
  readonly asOf: string
}

export interface DraftEditsInput extends ScoringInput {
  /** The model's proposals; undefined asks for the deterministic engine's edits. */
  readonly proposals: readonly ProposedEdit[] | undefined
  readonly sections: readonly AiSection[]
  readonly summaryMay: string
}

export interface CheckedDraftEdits {
  readonly edits: readonly AcceptedEdit[]
  readonly patch: Operation[]
  readonly rejected: readonly RejectedEdit[]
  readonly score: { readonly before: number; readonly after: number }
}

/** Checks proposed edits against the truthfulness rules and scores each accepted one. */
function checkDraftEdits(input: DraftEditsInput): CheckedDraftEdits {
  const { content: base, analysis, asOf } = input
  const scoreOf = (doc: Doc) => atsReport(doc, analysis, { asOf }).overall
  const before = scoreOf(base)
  const proposals = input.proposals ?? deterministicEdits(base, analysis)
  const checked = checkEdits(proposals, { base, sections: input.sections, summaryMay: input.summaryMay })
  const edits = checked.accepted.map((e) => ({ ...e, scoreDelta: scoreOf(applyPatch(base, e.patch)) - before }))
  return {
    edits,
    patch: combinedPatch(edits),
    rejected: checked.rejected,
    score: { before, after: scoreOf(checked.content) },
  }
}

/** The tasks that need nothing but their input. */
export const pureTasks = {
  analyzeJob: (input: PostingInput): JobAnalysis => analyzeJob(input),
  atsReport: ({ content, analysis, asOf }: ScoringInput): AtsReport => atsReport(content, analysis, { asOf }),
  suggest: ({ content, analysis, asOf }: ScoringInput): Suggestion[] => suggest(content, analysis, { asOf }),
  tailor: ({ content, analysis }: Omit<ScoringInput, 'asOf'>): TailoredResume => tailorResume(content, analysis),
  checkDraftEdits,
  diff: ({ from, to }: { from: Doc; to: Doc }): Operation[] => fastJsonPatch.compare(from, to),
}

/** The document tasks, given a document service built where they run. */
export function documentTasks(documents: Pick<DocumentService, 'importFile' | 'exportResume'>) {
  return {
    importFile: (bytes: Uint8Array): Promise<ImportedResume> => documents.importFile(bytes),
    exportResume: ({
      content,
      request,
    }: {
      content: JsonResumeDocument
      request: ExportRequest
    }): Promise<ExportedDocument> => documents.exportResume(content, request),
  }
}

export type HeavyTasks = typeof pureTasks & ReturnType<typeof documentTasks>
export type HeavyTaskName = keyof HeavyTasks
export type HeavyInput<K extends HeavyTaskName> = Parameters<HeavyTasks[K]>[0]
export type HeavyOutput<K extends HeavyTaskName> = Awaited<ReturnType<HeavyTasks[K]>>

/** Which budget a task runs under. */
export type HeavyBudget = 'analysis' | 'import' | 'export'

export const TASK_BUDGETS: Readonly<Record<HeavyTaskName, HeavyBudget>> = {
  analyzeJob: 'analysis',
  atsReport: 'analysis',
  suggest: 'analysis',
  tailor: 'analysis',
  checkDraftEdits: 'analysis',
  diff: 'analysis',
  importFile: 'import',
  exportResume: 'export',
}

/** Runs heavy tasks. */
export interface HeavyWork {
  /**
   * Runs one task to its result. Rejects with the task's own DomainError, with INPUT_TOO_COMPLEX (IMPORT_TIMEOUT
   * for imports) when the task passes its time or memory budget, or WORKERS_BUSY when too many tasks wait.
   */
  run<K extends HeavyTaskName>(name: K, input: HeavyInput<K>): Promise<HeavyOutput<K>>
}

/** Runs tasks in the calling thread, without budgets: for unit tests of the domain and WORKER_THREADS=0. */
export function createInlineWork(tasks: Partial<HeavyTasks> = pureTasks): HeavyWork {
  return {
    async run(name, input) {
      const task = tasks[name] as ((input: unknown) => unknown) | undefined
      if (!task) throw new Error(`The heavy task ${name} is not available here.`)
      return (await task(input)) as never
    },
  }
}
