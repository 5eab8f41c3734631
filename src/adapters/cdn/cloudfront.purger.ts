import { type AwsCredentials, signV4 } from './aws-sigv4.js'
import { type CdnPurger, chunks, type Fetch, type PurgeResult, send } from './cdn.port.js'

export interface CloudFrontSettings extends AwsCredentials {
  readonly distributionId: string
  /** https://cloudfront.amazonaws.com unless overridden (tests). */
  readonly apiBaseUrl?: string
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * CloudFront CreateInvalidation (API 2020-05-31), signed with SigV4: URL paths in batches of 3,000. CloudFront has
 * no tag purge, so tags are refused rather than silently ignored.
 */
export function createCloudFrontPurger(
  settings: CloudFrontSettings,
  fetcher: Fetch = fetch,
  now: () => Date = () => new Date(),
): CdnPurger {
  const base = settings.apiBaseUrl ?? 'https://cloudfront.amazonaws.com'
  const path = `/2020-05-31/distribution/${encodeURIComponent(settings.distributionId)}/invalidation`
  return {
    async purge({ urls, tags }): Promise<PurgeResult> {
      if (tags.length > 0) throw new Error('CloudFront cannot purge by tag; list the URLs (or a /path/* pattern)')
      const ids: string[] = []
      let requests = 0
      for (const batch of chunks(urls, 3000)) {
        const paths = batch.map((url) => (url.startsWith('/') ? url : new URL(url).pathname))
        const callerReference = `roleready-${now().getTime()}-${requests}`
        const body =
          '<?xml version="1.0" encoding="UTF-8"?>' +
          '<InvalidationBatch xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">' +
          `<Paths><Quantity>${paths.length}</Quantity><Items>${paths.map((p) => `<Path>${escapeXml(p)}</Path>`).join('')}</Items></Paths>` +
          `<CallerReference>${callerReference}</CallerReference></InvalidationBatch>`
        const headers = signV4(
          { method: 'POST', path, headers: { host: new URL(base).host, 'content-type': 'application/xml' }, body },
          settings,
          { region: 'us-east-1', service: 'cloudfront' },
          now(),
        )
        const text = await send('cloudfront', fetcher, `${base}${path}`, { method: 'POST', headers, body })
        requests += 1
        const id = /<Id>([^<]+)<\/Id>/.exec(text)?.[1]
        if (id) ids.push(id)
      }
      return { provider: 'cloudfront', requests, purgedUrls: urls.length, purgedTags: 0, ids }
    },
  }
}
