import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js'
import { missingScopes } from '../../domain/api-keys/api-key.types.js'
import { type DomainError, isDomainError } from '../../domain/errors.js'
import { assertScopes } from '../plugins/api-key-scopes.js'
import { toTemplateResponse } from '../schemas/document.js'
import { toResumeResponse } from '../schemas/resume.js'
import type { McpContext } from './mcp-context.js'
import { toProblem } from './mcp-errors.js'

/** MCP's "resource not found" JSON-RPC error code. */
const RESOURCE_NOT_FOUND = -32002
/** Resumes listed as resources: the newest ones (list_resumes pages through the rest). */
const LISTED_RESUMES = 50
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'
const RESUME_URI = new RegExp(`^roleready://resumes/(${UUID})$`)
const TEMPLATE_URI = /^roleready:\/\/templates\/([a-z0-9][a-z0-9-]{0,99})$/

export const RESOURCE_TEMPLATES = [
  {
    uriTemplate: 'roleready://resumes/{resumeId}',
    name: 'resume',
    title: 'Resume',
    description: 'A resume with the JSON Resume content of its head version (needs resumes:read).',
    mimeType: 'application/json',
  },
  {
    uriTemplate: 'roleready://templates/{templateId}',
    name: 'template',
    title: 'Template',
    description: 'A template resumes can be drawn with.',
    mimeType: 'application/json',
  },
]

const json = (uri: string, value: unknown) => ({
  contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(value) }],
})

/** A JSON-RPC error carrying the problem, as resource reads (unlike tool calls) fail. */
function resourceError(error: DomainError): McpError {
  const problem = toProblem(error)
  const code = problem.status === 404 ? RESOURCE_NOT_FOUND : ErrorCode.InvalidRequest
  return new McpError(code, error.message, problem)
}

/** Templates always; the newest resumes when the key may read resumes. */
export async function listResources(context: McpContext) {
  const { services, auth } = context
  const templates = services.templates.list().map((t) => ({
    uri: `roleready://templates/${t.id}`,
    name: `template:${t.id}`,
    title: t.name,
    description: t.description,
    mimeType: 'application/json',
  }))
  if (missingScopes(auth.apiKey, ['resumes:read']).length > 0) return { resources: templates }
  const page = await services.resumes.list(auth.user.id, { limit: LISTED_RESUMES, trashed: false })
  const resumes = page.items.map((r) => ({
    uri: `roleready://resumes/${r.id}`,
    name: `resume:${r.id}`,
    title: r.title,
    mimeType: 'application/json',
  }))
  return { resources: [...resumes, ...templates] }
}

export async function readResource(context: McpContext, uri: string) {
  try {
    const resume = RESUME_URI.exec(uri)
    if (resume?.[1]) {
      assertScopes(context.auth.apiKey, ['resumes:read'])
      return json(uri, toResumeResponse(await context.services.resumes.get(context.auth.user.id, resume[1])))
    }
    const template = TEMPLATE_URI.exec(uri)
    if (template?.[1]) return json(uri, toTemplateResponse(context.services.templates.get(template[1])))
  } catch (error) {
    if (isDomainError(error)) throw resourceError(error)
    throw error
  }
  throw new McpError(RESOURCE_NOT_FOUND, `No resource at ${uri.slice(0, 200)}.`, { code: 'ROUTE_NOT_FOUND' })
}
