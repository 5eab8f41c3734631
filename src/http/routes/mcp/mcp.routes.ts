import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DomainError } from '../../../domain/errors.js'
import { authOf, requireApiKey } from '../../plugins/auth.js'

/** JSON-RPC messages one POST may carry (a batch); each is one call into the services. */
const MAX_BATCH = 10
/** Headers passed on to the transport: what it checks (content negotiation, protocol version), never credentials. */
const FORWARDED_HEADERS = ['accept', 'content-type', 'mcp-protocol-version', 'mcp-session-id', 'last-event-id']

/**
 * The MCP SDK, the tool catalogue and the transport, loaded with the first MCP request: most instances never get
 * one, and loading them at start cost ~25 MB of memory and a tenth of a second.
 */
let mcpModules:
  | Promise<
      [
        typeof import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'),
        typeof import('../../mcp/mcp-context.js'),
        typeof import('../../mcp/mcp-server.js'),
      ]
    >
  | undefined
const loadMcp = () =>
  (mcpModules ??= Promise.all([
    import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'),
    import('../../mcp/mcp-context.js'),
    import('../../mcp/mcp-server.js'),
  ]))

function methodNotAllowed(_request: FastifyRequest, reply: FastifyReply): never {
  reply.header('allow', 'POST')
  throw new DomainError('METHOD_NOT_ALLOWED', 'The MCP server is stateless: send JSON-RPC messages with POST.')
}

/**
 * The MCP server at /mcp (Streamable HTTP, stateless, JSON responses), for programs holding a personal API key.
 * Each POST builds a server bound to the key's user and scopes; tools call the same services as the HTTP routes.
 */
export async function mcpRoutes(server: FastifyInstance, { version }: { version: string }): Promise<void> {
  server.post('/mcp', { onRequest: requireApiKey, schema: { hide: true } }, async (request, reply) => {
    const body = request.body
    if (Array.isArray(body) && body.length > MAX_BATCH) {
      throw new DomainError('VALIDATION_FAILED', `A batch may hold at most ${MAX_BATCH} messages.`, {
        errors: [{ pointer: '/body', message: `must hold at most ${MAX_BATCH} messages` }],
      })
    }
    const auth = authOf(request)
    if (!auth.apiKey) throw new DomainError('UNAUTHENTICATED', 'Send a personal API key.')
    const [{ WebStandardStreamableHTTPServerTransport }, { createMcpContext }, { createMcpServer }] = await loadMcp()
    const context = createMcpContext(
      server.services,
      { user: auth.user, apiKey: auth.apiKey },
      request.log,
      server.observability,
    )
    const mcp = createMcpServer(context, version)
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    })
    await mcp.connect(transport)
    try {
      const headers = new Headers()
      for (const name of FORWARDED_HEADERS) {
        const value = request.headers[name]
        if (typeof value === 'string') headers.set(name, value)
      }
      const response = await transport.handleRequest(new Request('http://localhost/mcp', { method: 'POST', headers }), {
        parsedBody: body,
      })
      reply.code(response.status)
      response.headers.forEach((value, name) => {
        reply.header(name, value)
      })
      reply.header('cache-control', 'no-store')
      const text = await response.text()
      return reply.send(text.length > 0 ? text : null)
    } finally {
      await mcp.close()
    }
  })

  server.get('/mcp', { onRequest: requireApiKey, schema: { hide: true } }, methodNotAllowed)
  server.delete('/mcp', { onRequest: requireApiKey, schema: { hide: true } }, methodNotAllowed)
}
