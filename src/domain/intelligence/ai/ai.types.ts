import type { Operation } from 'fast-json-patch'

/** Parts of a resume an AI draft may edit. */
export const AI_SECTIONS = ['summary', 'highlights', 'skills'] as const
export type AiSection = (typeof AI_SECTIONS)[number]

/** Who wrote a draft: the configured LLM, or RoleReady's deterministic engine (tailoring). */
export type AiEngine = 'llm' | 'deterministic'

/** Why a draft came from the deterministic engine although an LLM may be configured. */
export type FallbackReason =
  | 'not-configured'
  | 'circuit-open'
  | 'timeout'
  | 'rate-limited'
  | 'server-error'
  | 'connection-failed'
  | 'invalid-output'
  | 'request-rejected'

/** Why an LLM call failed (after its retries); every one falls back to the deterministic engine. */
export type LlmFailureReason = Exclude<FallbackReason, 'not-configured'>

export class LlmFailure extends Error {
  constructor(
    readonly reason: LlmFailureReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'LlmFailure'
  }
}

/** One change as proposed (by a model or by tailoring), before RoleReady checks it. */
export interface ProposedEdit {
  readonly op: 'replace' | 'add'
  /** JSON Pointer into the resume content. */
  readonly path: string
  /** The text the edit replaces, as the proposer saw it; checked against the current draft. */
  readonly original?: unknown
  readonly value: unknown
  readonly reason: string
}

/** An edit that passed every check. */
export interface AcceptedEdit {
  readonly reason: string
  /** RFC 6902 patch of this edit alone: a `test` of the current value first when it replaces one. */
  readonly patch: readonly Operation[]
  /** How the overall ATS score moves when this edit alone is applied to the draft. */
  readonly scoreDelta: number
}

export type RejectionCode =
  | 'PATH_NOT_ALLOWED'
  | 'SECTION_NOT_REQUESTED'
  | 'ORIGINAL_MISMATCH'
  | 'TARGET_MISSING'
  | 'INVALID_VALUE'
  | 'NO_CHANGE'
  | 'DUPLICATE'
  | 'NEW_SKILL'
  | 'NEW_FACT'
  | 'NEW_NUMBER'
  | 'NEW_NAME'

/** An edit that failed a check: dropped, and reported with why. */
export interface RejectedEdit {
  readonly op: string
  readonly path: string
  readonly value: unknown
  readonly reason: string
  readonly rejection: { readonly code: RejectionCode; readonly message: string }
}

export interface AiDraftInput {
  readonly jobId?: string | undefined
  readonly description?: string | undefined
  /** Sections the edits may touch; all of them by default. */
  readonly sections?: readonly AiSection[] | undefined
}

/** Proposed edits to the working draft, checked for truthfulness. */
export interface AiDraft {
  readonly engine: AiEngine
  /** The LLM that wrote the edits (engine `llm`). */
  readonly model: string | undefined
  /** Set when the deterministic engine answered: no LLM configured, circuit open, or the call failed. */
  readonly fallbackReason: FallbackReason | undefined
  readonly sections: readonly AiSection[]
  /** The draft the edits apply to (send it as If-Match when saving the patched draft). */
  readonly draftEtag: string
  readonly baseVersion: number
  readonly edits: readonly AcceptedEdit[]
  /** Every accepted edit as one RFC 6902 patch: the tests first, then the changes. */
  readonly patch: readonly Operation[]
  readonly rejected: readonly RejectedEdit[]
  /** Overall ATS score of the draft, and with the whole patch applied. */
  readonly score: { readonly before: number; readonly after: number }
}

/** Token use of one call. */
export interface LlmUsage {
  readonly prompt: number
  readonly completion: number
}

/** A request for JSON that matches `schema`. */
export interface LlmJsonRequest {
  /** Name of the operation in logs and metrics (`ai-draft`, `ai-suggestions`). */
  readonly operation: string
  /** The instructions. Nothing a user wrote goes here. */
  readonly instructions: string
  /** What the model works on (resume, posting): sent as JSON data in a delimited user message, never as instructions. */
  readonly data: unknown
  /** Name and JSON Schema of the answer (OpenAI strict structured output rules). */
  readonly schemaName: string
  readonly schema: Record<string, unknown>
}

export interface LlmJsonResult<T> {
  readonly value: T
  readonly model: string
  readonly usage: LlmUsage
}
