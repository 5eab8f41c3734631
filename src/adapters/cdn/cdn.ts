import type { CdnConfig } from '../../config/config.js'
import type { CdnPurger, Fetch } from './cdn.port.js'
import { createCloudflarePurger } from './cloudflare.purger.js'
import { createCloudFrontPurger } from './cloudfront.purger.js'
import { createFastlyPurger } from './fastly.purger.js'

export type { CdnPurger, PurgeRequest, PurgeResult } from './cdn.port.js'

/** The purger the settings name; without a CDN a no-op that says so in the log. */
export function createCdnPurger(config: CdnConfig, log: (message: string) => void, fetcher: Fetch = fetch): CdnPurger {
  const apiBaseUrl = config.apiBaseUrl
  switch (config.provider) {
    case 'cloudflare':
      return createCloudflarePurger(
        { zoneId: config.cloudflare.zoneId, apiToken: config.cloudflare.apiToken, apiBaseUrl },
        fetcher,
      )
    case 'fastly':
      return createFastlyPurger(
        { serviceId: config.fastly.serviceId, apiToken: config.fastly.apiToken, soft: config.fastly.soft, apiBaseUrl },
        fetcher,
      )
    case 'cloudfront':
      return createCloudFrontPurger({ ...config.cloudfront, apiBaseUrl }, fetcher)
    case 'none':
      return {
        async purge({ urls, tags }) {
          log(
            `CDN purge skipped: no CDN configured (CDN_PROVIDER); ${urls.length} URLs and ${tags.length} tags not purged`,
          )
          return { provider: 'none', requests: 0, purgedUrls: 0, purgedTags: 0, ids: [] }
        },
      }
  }
}
