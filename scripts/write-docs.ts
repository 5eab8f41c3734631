/**
 * Regenerates the committed artefacts that tests check: openapi.json, docs/errors.md and the web app's API types.
 *   npm run docs
 */
import { writeFile } from 'node:fs/promises'
import { ENV_EXAMPLE_PATH, renderEnvExample } from '../src/config/env-example.js'
import { renderErrorsDoc, renderOpenApi } from '../test/helpers/artefacts.js'
import { renderWebTypes, WEB_TYPES_PATH } from '../test/helpers/web-types.js'

const openapi = await renderOpenApi()
await writeFile('openapi.json', openapi)
await writeFile('docs/errors.md', renderErrorsDoc())
await writeFile(ENV_EXAMPLE_PATH, renderEnvExample())
await writeFile(WEB_TYPES_PATH, await renderWebTypes(openapi))
process.stdout.write(`wrote openapi.json, docs/errors.md and ${WEB_TYPES_PATH}\n`)
