import type { LlmJsonRequest, LlmJsonResult } from './ai.types.js'

/** An OpenAI-compatible model that answers in JSON. */
export interface LlmProvider {
  /** The model calls are made with (reported with every LLM draft and part of cache keys). */
  readonly model: string
  /**
   * Asks for JSON matching `request.schema`; resolves with the parsed, schema-valid answer and its token use.
   * Rejects with LlmFailure (timeout, rate-limited, server-error, invalid-output, circuit-open…) once retries are
   * spent or the circuit is open; a malformed answer is never returned.
   */
  generateJson<T>(request: LlmJsonRequest): Promise<LlmJsonResult<T>>
}
