import type { AiDraft, PatchOperation } from '../types.js'

/** Why the built-in engine answered instead of the configured model, in words. */
const FALLBACK: Record<NonNullable<AiDraft['fallbackReason']>, string> = {
  'not-configured': 'no AI model is configured on this server',
  'circuit-open': 'the AI model failed several times just now and is being given a rest',
  timeout: 'the AI model took too long to answer',
  'rate-limited': 'the AI model is busy (rate limited)',
  'server-error': 'the AI model answered with an error',
  'connection-failed': 'the AI model could not be reached',
  'invalid-output': 'the AI model answered with something RoleReady could not use',
  'request-rejected': 'the AI model refused the request',
}

export function engineLine(draft: Pick<AiDraft, 'engine' | 'model' | 'fallbackReason'>): string {
  if (draft.engine === 'llm') return `Written by ${draft.model ?? 'the configured AI model'}.`
  const why = draft.fallbackReason ? `: ${FALLBACK[draft.fallbackReason]}` : ''
  return `Written by RoleReady’s built-in engine${why}.`
}

/** A value in a proposed edit as lines a person can read: text, bullet points, or skills with their keywords. */
export function linesOf(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return []
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) {
    return value.map((item) => {
      if (typeof item === 'string') return item
      if (item && typeof item === 'object' && 'name' in item) {
        const { name, keywords } = item as { name?: unknown; keywords?: unknown }
        const words = Array.isArray(keywords) && keywords.length > 0 ? `: ${keywords.join(', ')}` : ''
        return `${String(name ?? '')}${words}`
      }
      return JSON.stringify(item)
    })
  }
  return [JSON.stringify(value)]
}

/** The value an edit replaces (its `test` operation) and the value it writes. */
export function beforeAndAfter(patch: PatchOperation[]): { path: string; before: unknown; after: unknown } {
  const change = patch.find((op) => op.op !== 'test') ?? patch[0]
  const test = patch.find((op) => op.op === 'test' && op.path === change?.path)
  return { path: change?.path ?? '', before: test?.value, after: change?.value }
}
