/**
 * Purge-on-deploy: asks the configured CDN (CDN_PROVIDER) to forget CDN_PURGE_URLS and CDN_PURGE_TAGS.
 * A logged no-op when no CDN is configured. Exit 1 when the provider refuses.
 */
import { createCdnPurger } from '../adapters/cdn/cdn.js'
import { ConfigError, loadConfig } from '../config/config.js'

const out = (line: string) => process.stdout.write(`${line}\n`)

async function main(): Promise<void> {
  const config = loadConfig()
  const purger = createCdnPurger(config.cdn, out)
  const result = await purger.purge({ urls: config.cdn.purgeUrls, tags: config.cdn.purgeTags })
  if (result.provider !== 'none') {
    out(
      `CDN purge (${result.provider}): ${result.purgedUrls} URLs, ${result.purgedTags} tags in ${result.requests} ` +
        `requests${result.ids.length ? ` (ids ${result.ids.join(', ')})` : ''}`,
    )
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`)
  process.exit(error instanceof ConfigError ? 78 : 1)
})
