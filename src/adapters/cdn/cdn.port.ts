/** What a deploy asks the CDN to forget: full URLs and/or cache tags (surrogate keys). */
export interface PurgeRequest {
  readonly urls: readonly string[]
  readonly tags: readonly string[]
}

export interface PurgeResult {
  readonly provider: 'none' | 'cloudflare' | 'fastly' | 'cloudfront'
  /** Provider API calls made (0 for the no-op). */
  readonly requests: number
  readonly purgedUrls: number
  readonly purgedTags: number
  /** Provider ids of the purge or invalidation, when it returns any. */
  readonly ids: readonly string[]
}

/** Port: a CDN's purge API. */
export interface CdnPurger {
  /**
   * Purges the given URLs and tags; resolves once the provider accepted every call, throws CdnPurgeError on the
   * first refusal (status and body of the provider's answer). An empty request makes no call.
   */
  purge(request: PurgeRequest): Promise<PurgeResult>
}

export class CdnPurgeError extends Error {
  constructor(
    readonly provider: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${provider} purge failed with HTTP ${status}: ${body.slice(0, 300)}`)
    this.name = 'CdnPurgeError'
  }
}

/** A fetch-compatible function (tests pass one bound to a loopback fake). */
export type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{
  status: number
  ok: boolean
  text(): Promise<string>
}>

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export async function send(provider: string, fetcher: Fetch, url: string, init: Parameters<Fetch>[1]): Promise<string> {
  const response = await fetcher(url, init)
  const body = await response.text()
  if (!response.ok) throw new CdnPurgeError(provider, response.status, body)
  return body
}
