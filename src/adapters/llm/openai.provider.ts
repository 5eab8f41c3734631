/**
 * LlmProvider over the `openai` client, for any OpenAI-compatible chat-completions server. Retries with backoff,
 * the circuit breaker and answer validation are RoleReady's own (the client's retries are off) so that every
 * attempt is counted, logged and priced, and a server that keeps failing stops being called.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { Ajv, type ValidateFunction } from 'ajv'
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai'
import type { LlmConfig } from '../../config/config.js'
import { costOf, priceOf } from '../../config/llm-prices.js'
import type { LlmProvider } from '../../domain/intelligence/ai/ai.ports.js'
import {
  LlmFailure,
  type LlmFailureReason,
  type LlmJsonRequest,
  type LlmUsage,
} from '../../domain/intelligence/ai/ai.types.js'
import type { Observability } from '../../observability/observability.js'
import { CircuitBreaker } from './circuit-breaker.js'
import { parseRetryAfter, retryDelayMs } from './retry.js'

export type OpenAiProviderSettings = Omit<LlmConfig, 'enabled'>

export interface OpenAiProviderDeps {
  readonly observability: Pick<Observability, 'logger' | 'metrics' | 'logAIOperation'>
  /** Waits between attempts (tests may pass a recording one). */
  readonly sleep?: (ms: number) => Promise<unknown>
  readonly random?: () => number
  readonly now?: () => number
}

/** Marks the user message's data: everything between the markers is JSON, and the instructions call it data. */
export const DATA_BEGIN = 'BEGIN_DATA'
export const DATA_END = 'END_DATA'

interface Attempt {
  readonly reason: LlmFailureReason
  readonly retryable: boolean
  readonly retryAfterMs: number | undefined
  readonly status: number | undefined
}

/** Which failures are worth another attempt: rate limits, server errors, timeouts and lost connections. */
function classify(error: unknown): Attempt {
  if (error instanceof APIConnectionTimeoutError) {
    return { reason: 'timeout', retryable: true, retryAfterMs: undefined, status: undefined }
  }
  if (error instanceof APIConnectionError) {
    return { reason: 'connection-failed', retryable: true, retryAfterMs: undefined, status: undefined }
  }
  if (error instanceof APIError) {
    const status = error.status
    const retryAfterMs = parseRetryAfter(error.headers)
    if (status === 429) return { reason: 'rate-limited', retryable: true, retryAfterMs, status }
    if (status !== undefined && (status >= 500 || status === 408)) {
      return { reason: status === 408 ? 'timeout' : 'server-error', retryable: true, retryAfterMs, status }
    }
    return { reason: 'request-rejected', retryable: false, retryAfterMs: undefined, status }
  }
  // Anything else (the client refusing its options, an unexpected answer shape) is not worth repeating.
  return { reason: 'request-rejected', retryable: false, retryAfterMs: undefined, status: undefined }
}

export function createOpenAiProvider(settings: OpenAiProviderSettings, deps: OpenAiProviderDeps): LlmProvider {
  const { logger, metrics, logAIOperation } = deps.observability
  const log = logger.child({ component: 'llm' })
  const wait = deps.sleep ?? ((ms: number) => sleep(ms))
  const now = deps.now ?? Date.now
  const price = priceOf(settings.prices, settings.model)
  const client = new OpenAI({
    baseURL: settings.baseUrl,
    // Local servers take no key; the client insists on one.
    apiKey: settings.apiKey ?? 'unused',
    organization: null,
    project: null,
    webhookSecret: null,
    timeout: settings.timeoutMs,
    maxRetries: 0,
    logLevel: 'off',
  })
  const breaker = new CircuitBreaker({
    threshold: settings.breakerThreshold,
    cooldownMs: settings.breakerCooldownMs,
    now,
    onChange: (state) => {
      metrics.aiCircuitOpen.set(state === 'closed' ? 0 : 1)
      if (state === 'open') log.warn({ cooldownMs: settings.breakerCooldownMs }, 'llm circuit opened')
      if (state === 'closed') log.info('llm circuit closed')
    },
  })
  const ajv = new Ajv({ allErrors: true, strict: false })
  const validators = new WeakMap<object, ValidateFunction>()
  const validatorOf = (schema: Record<string, unknown>) => {
    let validate = validators.get(schema)
    if (!validate) {
      validate = ajv.compile(schema)
      validators.set(schema, validate)
    }
    return validate
  }

  /** One HTTP attempt: logged and priced whatever its outcome; resolves with the parsed, valid answer. */
  async function attempt(request: LlmJsonRequest): Promise<{ value: unknown; model: string; usage: LlmUsage }> {
    const started = performance.now()
    let usage: LlmUsage = { prompt: 0, completion: 0 }
    let model = settings.model
    try {
      const completion = await client.chat.completions.create({
        model: settings.model,
        messages: [
          { role: 'system', content: request.instructions },
          { role: 'user', content: `${DATA_BEGIN}\n${JSON.stringify(request.data)}\n${DATA_END}` },
        ],
        response_format: {
          type: 'json_schema',
          json_schema: { name: request.schemaName, strict: true, schema: request.schema },
        },
        max_completion_tokens: settings.maxOutputTokens,
      })
      model = completion.model || settings.model
      usage = { prompt: completion.usage?.prompt_tokens ?? 0, completion: completion.usage?.completion_tokens ?? 0 }
      const content = completion.choices[0]?.message?.content
      let value: unknown
      try {
        value = JSON.parse(content ?? '')
      } catch {
        throw new LlmFailure('invalid-output', 'The model did not answer with JSON.')
      }
      const validate = validatorOf(request.schema)
      if (!validate(value)) {
        const problems = ajv.errorsText(validate.errors, { separator: '; ' })
        throw new LlmFailure('invalid-output', `The model's JSON does not match the schema: ${problems}`)
      }
      return { value, model, usage }
    } finally {
      logAIOperation(request.operation, performance.now() - started, costOf(price, usage), usage, {
        model,
        component: 'llm',
      })
    }
  }

  return {
    model: settings.model,

    async generateJson<T>(request: LlmJsonRequest) {
      const count = (outcome: string) => metrics.aiRequests.inc({ operation: request.operation, outcome })
      if (!breaker.tryAcquire()) {
        count('circuit_open')
        throw new LlmFailure('circuit-open', 'The LLM circuit is open after repeated failures.')
      }
      for (let retry = 0; ; retry++) {
        try {
          const answer = await attempt(request)
          count('ok')
          breaker.recordSuccess()
          return { value: answer.value as T, model: answer.model, usage: answer.usage }
        } catch (error) {
          const failure =
            error instanceof LlmFailure
              ? { reason: error.reason, retryable: false, retryAfterMs: undefined, status: undefined }
              : classify(error)
          count(failure.reason.replaceAll('-', '_'))
          const delay = failure.retryable
            ? retryDelayMs(
                { maxRetries: settings.maxRetries, baseMs: settings.retryBaseMs, maxDelayMs: settings.retryMaxDelayMs },
                retry,
                failure.retryAfterMs,
                deps.random,
              )
            : undefined
          log.warn(
            {
              operation: request.operation,
              reason: failure.reason,
              status: failure.status,
              attempt: retry + 1,
              ...(delay !== undefined && { retryInMs: delay }),
              err: error,
            },
            delay === undefined ? 'llm call failed' : 'llm call failed; retrying',
          )
          if (delay === undefined) {
            breaker.recordFailure()
            throw error instanceof LlmFailure
              ? error
              : new LlmFailure(failure.reason, `The LLM call failed: ${failure.reason}`, { cause: error })
          }
          await wait(delay)
        }
      }
    },
  }
}
