import { CdnPurgeError, type CdnPurger, chunks, type Fetch, type PurgeResult, send } from './cdn.port.js'

export interface CloudflareSettings {
  readonly zoneId: string
  readonly apiToken: string
  /** https://api.cloudflare.com/client/v4 unless overridden (tests). */
  readonly apiBaseUrl?: string
}

/** Cloudflare's purge_cache: files in batches of 30, cache tags in batches of 30, bearer token. */
export function createCloudflarePurger(settings: CloudflareSettings, fetcher: Fetch = fetch): CdnPurger {
  const endpoint = `${settings.apiBaseUrl ?? 'https://api.cloudflare.com/client/v4'}/zones/${encodeURIComponent(settings.zoneId)}/purge_cache`
  const call = async (payload: object): Promise<string | undefined> => {
    const text = await send('cloudflare', fetcher, endpoint, {
      method: 'POST',
      headers: { authorization: `Bearer ${settings.apiToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    })
    const answer = JSON.parse(text) as { success?: boolean; result?: { id?: string } }
    if (answer.success !== true) throw new CdnPurgeError('cloudflare', 200, text)
    return answer.result?.id
  }
  return {
    async purge({ urls, tags }): Promise<PurgeResult> {
      const ids: string[] = []
      let requests = 0
      for (const files of chunks(urls, 30)) {
        const id = await call({ files })
        requests += 1
        if (id) ids.push(id)
      }
      for (const batch of chunks(tags, 30)) {
        const id = await call({ tags: batch })
        requests += 1
        if (id) ids.push(id)
      }
      return { provider: 'cloudflare', requests, purgedUrls: urls.length, purgedTags: tags.length, ids }
    },
  }
}
