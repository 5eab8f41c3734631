/**
 * A real HTTP server on a loopback port that speaks the OpenAI chat-completions protocol, scripted per request:
 * tests point AI_BASE_URL at it and count what it received. No client is mocked.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { onTestFinished } from 'vitest'

/** How the server answers one request. */
export type FakeAnswer =
  /** A completion whose message content is this value as JSON. */
  | { json: unknown; usage?: { prompt: number; completion: number }; model?: string }
  /** A completion whose message content is this text as is (malformed answers). */
  | { content: string }
  /** An error status with an OpenAI-style error body. */
  | { status: number; headers?: Record<string, string> }
  /** No answer for this long (longer than the client's timeout). */
  | { stallMs: number }

export interface ReceivedRequest {
  readonly url: string
  readonly headers: IncomingHttpHeaders
  readonly body: {
    model: string
    messages: { role: string; content: string }[]
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } }
    [key: string]: unknown
  }
}

export interface FakeLlm {
  /** Base URL to give as AI_BASE_URL (…/v1). */
  readonly baseUrl: string
  readonly requests: ReceivedRequest[]
  /** Answers for the next requests, in order; when they run out, `fallback` answers. */
  script(...answers: FakeAnswer[]): void
  fallback: FakeAnswer
}

export async function startFakeLlm(fallback: FakeAnswer = { json: { edits: [] } }): Promise<FakeLlm> {
  const queue: FakeAnswer[] = []
  const requests: ReceivedRequest[] = []
  const state = { fallback }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as ReceivedRequest['body']
      requests.push({ url: req.url ?? '', headers: req.headers, body })
      const answer = queue.shift() ?? state.fallback
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}')
        return
      }
      if ('stallMs' in answer) {
        const timer = setTimeout(() => res.writeHead(200).end('{}'), answer.stallMs)
        res.on('close', () => clearTimeout(timer))
        return
      }
      if ('status' in answer) {
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
        res.end(JSON.stringify({ error: { message: `scripted ${answer.status}`, type: 'server_error', code: null } }))
        return
      }
      const content = 'json' in answer ? JSON.stringify(answer.json) : answer.content
      const usage = 'json' in answer && answer.usage ? answer.usage : { prompt: 1200, completion: 300 }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          id: `chatcmpl-${requests.length}`,
          object: 'chat.completion',
          created: 1_800_000_000,
          model: ('json' in answer && answer.model) || body.model,
          choices: [
            { index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null },
          ],
          usage: {
            prompt_tokens: usage.prompt,
            completion_tokens: usage.completion,
            total_tokens: usage.prompt + usage.completion,
          },
        }),
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...answers) => queue.push(...answers),
    get fallback() {
      return state.fallback
    },
    set fallback(answer: FakeAnswer) {
      state.fallback = answer
    },
  }
}

/** The JSON document a request carried as data in its user message (between BEGIN_DATA and END_DATA). */
export function dataOf(request: ReceivedRequest): Record<string, unknown> {
  const user = request.body.messages.find((m) => m.role === 'user')?.content ?? ''
  const match = /^BEGIN_DATA\n([\s\S]*)\nEND_DATA$/.exec(user)
  if (!match) throw new Error(`user message is not delimited data: ${user.slice(0, 80)}`)
  return JSON.parse(match[1] as string) as Record<string, unknown>
}
