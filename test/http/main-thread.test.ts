/**
 * With the pool on, the main thread never loads the document libraries: pdf.js's legacy build installs core-js
 * polyfills that replace built-ins such as JSON.stringify with slower ones, which every request would then pay for.
 */
import { expect, it } from 'vitest'

it('leaves JSON.stringify and JSON.parse built in after building the app with a worker pool', async () => {
  const { stringify, parse } = JSON
  const { buildApp } = await import('../../src/app.js')
  const { loadConfig } = await import('../../src/config/config.js')
  const app = await buildApp(loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', WORKER_THREADS: '1' }))
  try {
    expect(JSON.stringify).toBe(stringify)
    expect(JSON.parse).toBe(parse)
    expect(Function.prototype.toString.call(JSON.stringify)).toContain('[native code]')
  } finally {
    await app.close()
  }
})
