import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'
import { costOf, parseLlmPrices, priceOf } from './llm-prices.js'

describe('LLM settings and prices', () => {
  it('leaves the LLM off without a base URL or key, and turns it on with either', () => {
    expect(loadConfig({}).llm).toMatchObject({ enabled: false, model: 'gpt-4o-mini', maxRetries: 2 })
    expect(loadConfig({ AI_API_KEY: 'sk-test' }).llm).toMatchObject({
      enabled: true,
      baseUrl: 'https://api.openai.com/v1',
    })
    const local = loadConfig({ AI_BASE_URL: 'http://127.0.0.1:11434/v1', AI_MODEL: 'llama3.1' }).llm
    expect(local).toMatchObject({ enabled: true, baseUrl: 'http://127.0.0.1:11434/v1', apiKey: undefined })
  })

  it('adds AI_PRICES to the built-in table and reports a malformed entry with the other problems', () => {
    const { prices } = loadConfig({ AI_PRICES: 'llama3.1=0/0, gpt-4o-mini=1/2' }).llm
    expect(prices['llama3.1']).toEqual({ input: 0, output: 0 })
    expect(prices['gpt-4o-mini']).toEqual({ input: 1, output: 2 })
    expect(prices['gpt-4o']).toEqual({ input: 0.0025, output: 0.01 })
    let error: unknown
    try {
      loadConfig({ AI_PRICES: 'gpt-4o-mini=cheap', AI_TIMEOUT_MS: '0' })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).problems.map((p) => p.split(' ')[0])).toEqual(['AI_PRICES:', 'AI_TIMEOUT_MS'])
    expect(parseLlmPrices('a=1/2,b')).toEqual({ problem: expect.stringContaining('"b"') })
  })

  it('prices dated snapshots like their model, unknown models at 0, and costs per 1K tokens', () => {
    const prices = loadConfig({}).llm.prices
    expect(priceOf(prices, 'gpt-4o-mini-2024-07-18')).toEqual({ input: 0.00015, output: 0.0006 })
    expect(priceOf(prices, 'gpt-4o-2024-08-06')).toEqual({ input: 0.0025, output: 0.01 })
    expect(priceOf(prices, 'qwen2.5:7b')).toEqual({ input: 0, output: 0 })
    expect(costOf({ input: 0.002, output: 0.008 }, { prompt: 1500, completion: 500 })).toBeCloseTo(0.007, 10)
  })
})
