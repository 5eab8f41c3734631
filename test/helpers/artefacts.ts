import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/config.js'
import { ERROR_CODES, type ErrorCode } from '../../src/domain/errors.js'
import { errorStatus } from '../../src/http/error-status.js'
import { buildServer } from '../../src/http/server.js'
import { migratedPglite } from './pglite.js'

/** The OpenAPI document as the server generates it, pretty-printed as committed. */
export async function renderOpenApi(): Promise<string> {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: 'memory://' })
  const app = await buildApp(config, { database: await migratedPglite() })
  const server = await buildServer(app)
  try {
    return `${JSON.stringify(server.swagger(), null, 2)}\n`
  } finally {
    await server.close()
    await app.close()
  }
}

/** docs/errors.md: every error code with its HTTP status and meaning, from src/domain/errors.ts. */
export function renderErrorsDoc(): string {
  const rows = (Object.keys(ERROR_CODES) as ErrorCode[])
    .map((code) => `| \`${code}\` | ${errorStatus[code]} | ${ERROR_CODES[code]} |`)
    .join('\n')
  return `# Error codes

Every error RoleReady returns is an RFC 9457 \`application/problem+json\` body:

\`\`\`json
{ "type": "urn:roleready:problem:email-taken", "title": "Conflict", "status": 409,
  "detail": "An account with this email already exists.", "code": "EMAIL_TAKEN",
  "requestId": "…", "errors": [{ "pointer": "/body/email", "message": "is already registered" }] }
\`\`\`

Clients switch on \`code\` (stable), never on \`title\` or \`detail\` (wording may change). \`requestId\` equals the
response's \`x-request-id\` header and identifies the request in the logs. \`errors\` lists each bad field as a JSON
Pointer into the request (\`/body/…\`, \`/querystring/…\`, \`/params/…\`, \`/headers/…\`).

This file is generated from \`src/domain/errors.ts\` and \`src/http/error-status.ts\` by \`npm run docs\`; a test
fails when it is out of date.

| code | status | meaning |
| --- | --- | --- |
${rows}
`
}
