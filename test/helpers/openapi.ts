import type { FastifyInstance } from 'fastify'

export interface Operation {
  method: string
  /** OpenAPI path with `{param}` placeholders. */
  path: string
  secured: boolean
  params: string[]
  hasBody: boolean
  bodySchema: Record<string, unknown> | undefined
  querySchema: Array<{ name: string; required: boolean; schema: Record<string, unknown> }>
  consumes: string[]
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** Every operation of the served OpenAPI document: the route table tests iterate, so new routes join automatically. */
export async function operationsOf(server: FastifyInstance): Promise<Operation[]> {
  const document = (await server.inject({ method: 'GET', url: '/api/docs/openapi.json' })).json() as {
    paths: Record<string, Record<string, Record<string, unknown>>>
  }
  const operations: Operation[] = []
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as
        | {
            security?: unknown[]
            requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> }
            parameters?: Array<{ in: string; name: string; required?: boolean; schema: Record<string, unknown> }>
          }
        | undefined
      if (!operation) continue
      const content = operation.requestBody?.content ?? {}
      operations.push({
        method: method.toUpperCase(),
        path,
        // A `{}` alternative makes the session optional (e.g. GET /api/rate-limits also answers anonymous callers).
        secured:
          Array.isArray(operation.security) &&
          operation.security.length > 0 &&
          !operation.security.some((s) => typeof s === 'object' && s !== null && Object.keys(s).length === 0),
        params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
        hasBody: operation.requestBody !== undefined,
        bodySchema: content['application/json']?.schema,
        querySchema: (operation.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema })),
        consumes: Object.keys(content),
      })
    }
  }
  return operations
}

/** Percent-encodes a value; a lone surrogate becomes the (invalid) UTF-8 bytes of one, for fuzzing. */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value)
  } catch {
    return '%ED%A0%80'
  }
}

/** Fills `{param}` placeholders. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encode(values[name] ?? 'missing'))
}

/** A query string with a plausible value for every required query parameter (first enum value, else `1`). */
export function requiredQuery(op: Operation): string {
  const parts = op.querySchema
    .filter((q) => q.required)
    .map((q) => {
      const values = (q.schema.enum ??
        (q.schema.anyOf as Array<{ const?: unknown; enum?: unknown[] }> | undefined)?.map(
          (a) => a.const ?? a.enum?.[0],
        )) as unknown[] | undefined
      return `${encodeURIComponent(q.name)}=${encodeURIComponent(String(values?.[0] ?? '1'))}`
    })
  return parts.length ? `?${parts.join('&')}` : ''
}
