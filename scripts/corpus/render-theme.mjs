// Renders one JSON Resume (stdin) with one installed theme (argv[2]) to HTML (stdout). Run by plain Node, outside
// tsx, so each theme loads the way its package declares (CommonJS or ESM).
import { readFileSync } from 'node:fs'

const name = process.argv[2]
const loaded = await import(name)
const render = loaded.render ?? loaded.default?.render
if (typeof render !== 'function') throw new Error(`${name} exports no render()`)
process.stdout.write(String(await render(JSON.parse(readFileSync(0, 'utf8')))))
