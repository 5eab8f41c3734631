import { type CdnPurger, chunks, type Fetch, type PurgeResult, send } from './cdn.port.js'

export interface FastlySettings {
  readonly serviceId: string
  readonly apiToken: string
  /** Mark content stale instead of evicting it (Fastly-Soft-Purge). */
  readonly soft?: boolean
  /** https://api.fastly.com unless overridden (tests). */
  readonly apiBaseUrl?: string
}

/** Fastly: one POST /purge/<host/path> per URL; surrogate keys in batches of 256 on the service. */
export function createFastlyPurger(settings: FastlySettings, fetcher: Fetch = fetch): CdnPurger {
  const base = settings.apiBaseUrl ?? 'https://api.fastly.com'
  const headers = {
    'fastly-key': settings.apiToken,
    accept: 'application/json',
    ...(settings.soft && { 'fastly-soft-purge': '1' }),
  }
  return {
    async purge({ urls, tags }): Promise<PurgeResult> {
      const ids: string[] = []
      let requests = 0
      for (const url of urls) {
        const { host, pathname, search } = new URL(url)
        const text = await send('fastly', fetcher, `${base}/purge/${host}${pathname}${search}`, {
          method: 'POST',
          headers,
        })
        requests += 1
        const id = (JSON.parse(text) as { id?: string }).id
        if (id) ids.push(id)
      }
      for (const keys of chunks(tags, 256)) {
        await send('fastly', fetcher, `${base}/service/${encodeURIComponent(settings.serviceId)}/purge`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ surrogate_keys: keys }),
        })
        requests += 1
      }
      return { provider: 'fastly', requests, purgedUrls: urls.length, purgedTags: tags.length, ids }
    },
  }
}
