import openapiTS, { astToString } from 'openapi-typescript'

/** The web app's API types, generated from openapi.json. */
export const WEB_TYPES_PATH = 'web/src/api/schema.d.ts'

const HEADER =
  '// Generated from openapi.json by `npm run docs` (openapi-typescript); do not edit. A test fails when it is stale.\n'

/** web/src/api/schema.d.ts as `npm run docs` writes it from the given OpenAPI document (JSON text). */
export async function renderWebTypes(openapi: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(openapi), { silent: true })
  return `${HEADER}\n${astToString(ast)}`
}
