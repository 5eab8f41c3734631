import type { LlmProvider } from '../../domain/intelligence/ai/ai.ports.js'
import { LlmFailure, type LlmJsonRequest } from '../../domain/intelligence/ai/ai.types.js'

/** One scripted outcome: an answer (already valid JSON), or a failure the real provider would raise. */
export type ScriptedOutcome = { readonly answer: unknown } | { readonly failure: LlmFailure }

/**
 * An LlmProvider for unit tests: answers from a script, in order (the last outcome repeats), and keeps every
 * request it was given. The HTTP adapter has its own tests against a real local server.
 */
export function createScriptedLlmProvider(
  model: string,
  script: readonly ScriptedOutcome[],
): LlmProvider & { readonly requests: LlmJsonRequest[] } {
  const requests: LlmJsonRequest[] = []
  return {
    model,
    requests,
    async generateJson<T>(request: LlmJsonRequest) {
      requests.push(request)
      const outcome = script[Math.min(requests.length, script.length) - 1]
      if (!outcome) throw new LlmFailure('request-rejected', 'Nothing scripted.')
      if ('failure' in outcome) throw outcome.failure
      return { value: outcome.answer as T, model, usage: { prompt: 10, completion: 5 } }
    },
  }
}
