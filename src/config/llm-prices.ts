/** USD per 1,000 tokens, input (prompt) and output (completion). */
export interface LlmPrice {
  readonly input: number
  readonly output: number
}

/**
 * List prices of common OpenAI models when this table was written, per 1K tokens; AI_PRICES adds or replaces
 * entries (`model=input/output,…`). Local servers (Ollama, vLLM, LM Studio) cost nothing per token: a model that is
 * not listed is priced at 0.
 */
export const DEFAULT_LLM_PRICES: Readonly<Record<string, LlmPrice>> = {
  'gpt-4o-mini': { input: 0.00015, output: 0.0006 },
  'gpt-4o': { input: 0.0025, output: 0.01 },
  'gpt-4.1': { input: 0.002, output: 0.008 },
  'gpt-4.1-mini': { input: 0.0004, output: 0.0016 },
  'gpt-4.1-nano': { input: 0.0001, output: 0.0004 },
  'gpt-5': { input: 0.00125, output: 0.01 },
  'gpt-5-mini': { input: 0.00025, output: 0.002 },
  'gpt-5-nano': { input: 0.00005, output: 0.0004 },
  'o4-mini': { input: 0.0011, output: 0.0044 },
}

/** Parses `model=input/output,…` (USD per 1K tokens); returns the entries, or the problem with the text. */
export function parseLlmPrices(text: string): { prices: Record<string, LlmPrice> } | { problem: string } {
  const prices: Record<string, LlmPrice> = {}
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const match = /^([^=\s]+)\s*=\s*([0-9.]+)\s*\/\s*([0-9.]+)$/.exec(entry)
    const input = Number(match?.[2])
    const output = Number(match?.[3])
    if (!match || !Number.isFinite(input) || !Number.isFinite(output)) {
      return { problem: `"${entry}" is not model=input/output (USD per 1K tokens, e.g. gpt-4o-mini=0.00015/0.0006)` }
    }
    prices[match[1] as string] = { input, output }
  }
  return { prices }
}

/**
 * The price of `model`: its own entry, else the longest listed name it starts with (dated snapshots such as
 * `gpt-4o-mini-2024-07-18` cost what `gpt-4o-mini` costs), else 0.
 */
export function priceOf(prices: Readonly<Record<string, LlmPrice>>, model: string): LlmPrice {
  const exact = prices[model]
  if (exact) return exact
  const prefix = Object.keys(prices)
    .filter((name) => model.startsWith(`${name}-`))
    .sort((a, b) => b.length - a.length)[0]
  return prefix ? (prices[prefix] as LlmPrice) : { input: 0, output: 0 }
}

/** Estimated cost in USD of one call. */
export function costOf(price: LlmPrice, tokens: { prompt: number; completion: number }): number {
  return (tokens.prompt / 1000) * price.input + (tokens.completion / 1000) * price.output
}
