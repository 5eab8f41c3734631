/**
 * Regenerates the committed artefacts that tests check: openapi.json and docs/errors.md.
 *   npm run docs
 */
import { writeFile } from 'node:fs/promises'
import { renderErrorsDoc, renderOpenApi } from '../test/helpers/artefacts.js'

await writeFile('openapi.json', await renderOpenApi())
await writeFile('docs/errors.md', renderErrorsDoc())
process.stdout.write('wrote openapi.json and docs/errors.md\n')
