import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { signV4 } from '../../src/adapters/cdn/aws-sigv4.js'
import { createCdnPurger } from '../../src/adapters/cdn/cdn.js'
import { CdnPurgeError } from '../../src/adapters/cdn/cdn.port.js'
import { loadConfig } from '../../src/config/config.js'
import { runTs } from '../helpers/process.js'

interface Seen {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

/** A fake CDN API on loopback: records every request and answers with the given status and body. */
async function fakeApi(answer: (request: Seen) => { status: number; body: string }) {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body }
      seen.push(request)
      const { status, body: reply } = answer(request)
      res.writeHead(status, { 'content-type': 'application/json' }).end(reply)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  return { seen, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}
const servers: ReturnType<typeof createServer>[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))))
})

const urls = Array.from({ length: 31 }, (_, i) => `https://roleready.example.com/assets/app-${i}.js`)

describe('CDN purge adapters (against a loopback fake of each API)', () => {
  it('Cloudflare: purge_cache with files in batches of 30 and tags, bearer token', async () => {
    const api = await fakeApi(() => ({ status: 200, body: JSON.stringify({ success: true, result: { id: 'p1' } }) }))
    const config = loadConfig({
      CDN_PROVIDER: 'cloudflare',
      CDN_API_BASE_URL: api.base,
      CLOUDFLARE_ZONE_ID: 'zone123',
      CLOUDFLARE_API_TOKEN: 'cf-token',
    })
    const result = await createCdnPurger(config.cdn, () => {}).purge({ urls, tags: ['resumes', 'templates'] })
    expect(result).toMatchObject({ provider: 'cloudflare', requests: 3, purgedUrls: 31, purgedTags: 2 })
    expect(api.seen.map((r) => `${r.method} ${r.url}`)).toEqual(Array(3).fill('POST /zones/zone123/purge_cache'))
    expect(api.seen[0]?.headers.authorization).toBe('Bearer cf-token')
    expect(JSON.parse(api.seen[0]?.body ?? '').files).toHaveLength(30)
    expect(JSON.parse(api.seen[1]?.body ?? '')).toEqual({ files: [urls[30]] })
    expect(JSON.parse(api.seen[2]?.body ?? '')).toEqual({ tags: ['resumes', 'templates'] })
  })

  it('Cloudflare: a refusal is an error carrying the status', async () => {
    const api = await fakeApi(() => ({ status: 403, body: '{"success":false,"errors":[{"code":10000}]}' }))
    const purger = createCdnPurger(
      loadConfig({
        CDN_PROVIDER: 'cloudflare',
        CDN_API_BASE_URL: api.base,
        CLOUDFLARE_ZONE_ID: 'z',
        CLOUDFLARE_API_TOKEN: 't',
      }).cdn,
      () => {},
    )
    const failure = await purger.purge({ urls: urls.slice(0, 1), tags: [] }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(CdnPurgeError)
    expect((failure as CdnPurgeError).status).toBe(403)
  })

  it('Fastly: one purge per URL and surrogate keys on the service, Fastly-Key and soft purge', async () => {
    const api = await fakeApi(() => ({ status: 200, body: '{"status":"ok","id":"f-1"}' }))
    const config = loadConfig({
      CDN_PROVIDER: 'fastly',
      CDN_API_BASE_URL: api.base,
      FASTLY_SERVICE_ID: 'svc9',
      FASTLY_API_TOKEN: 'fastly-token',
      FASTLY_SOFT_PURGE: 'true',
    })
    const result = await createCdnPurger(config.cdn, () => {}).purge({
      urls: ['https://roleready.example.com/api/templates?x=1'],
      tags: ['resume-42'],
    })
    expect(result).toMatchObject({ provider: 'fastly', requests: 2, ids: ['f-1'] })
    expect(api.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /purge/roleready.example.com/api/templates?x=1',
      'POST /service/svc9/purge',
    ])
    for (const request of api.seen) {
      expect(request.headers['fastly-key']).toBe('fastly-token')
      expect(request.headers['fastly-soft-purge']).toBe('1')
    }
    expect(JSON.parse(api.seen[1]?.body ?? '')).toEqual({ surrogate_keys: ['resume-42'] })
  })

  it('CloudFront: a SigV4-signed CreateInvalidation with the URL paths', async () => {
    const api = await fakeApi(() => ({
      status: 201,
      body: '<Invalidation><Id>I2J0I21PCUYOIK</Id><Status>InProgress</Status></Invalidation>',
    }))
    const config = loadConfig({
      CDN_PROVIDER: 'cloudfront',
      CDN_API_BASE_URL: api.base,
      CLOUDFRONT_DISTRIBUTION_ID: 'EDFDVBD6EXAMPLE',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    })
    const purger = createCdnPurger(config.cdn, () => {})
    const result = await purger.purge({ urls: ['https://roleready.example.com/a.js', '/static/*'], tags: [] })
    expect(result).toMatchObject({ provider: 'cloudfront', requests: 1, ids: ['I2J0I21PCUYOIK'] })
    const request = api.seen[0] as Seen
    expect(`${request.method} ${request.url}`).toBe('POST /2020-05-31/distribution/EDFDVBD6EXAMPLE/invalidation')
    expect(request.body).toContain('<Quantity>2</Quantity><Items><Path>/a.js</Path><Path>/static/*</Path></Items>')
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/cloudfront\/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$/,
    )
    await expect(purger.purge({ urls: [], tags: ['x'] })).rejects.toThrow(/cannot purge by tag/)
  })

  it('SigV4 matches the AWS test suite vector "get-vanilla"', () => {
    const headers = signV4(
      { method: 'GET', path: '/', headers: { host: 'example.amazonaws.com' }, body: '' },
      { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
      { region: 'us-east-1', service: 'service' },
      new Date('2015-08-30T12:36:00Z'),
    )
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, ' +
        'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    )
  })

  it('without a CDN: a logged no-op that calls nothing', async () => {
    const lines: string[] = []
    const result = await createCdnPurger(loadConfig({}).cdn, (line) => lines.push(line)).purge({ urls, tags: ['a'] })
    expect(result).toEqual({ provider: 'none', requests: 0, purgedUrls: 0, purgedTags: 0, ids: [] })
    expect(lines).toEqual(['CDN purge skipped: no CDN configured (CDN_PROVIDER); 31 URLs and 1 tags not purged'])
  })

  it('refuses a provider without its credentials', () => {
    expect(() => loadConfig({ CDN_PROVIDER: 'fastly' })).toThrow(/FASTLY_SERVICE_ID is required/)
    expect(() => loadConfig({ CDN_PROVIDER: 'akamai' })).toThrow(/CDN_PROVIDER must be/)
  })

  it('the purge command (src/cli/cdn-purge.ts) purges on deploy, and is a logged no-op unconfigured', async () => {
    const api = await fakeApi(() => ({ status: 200, body: '{"success":true,"result":{"id":"deploy-1"}}' }))
    const purged = await runTs('src/cli/cdn-purge.ts', [], {
      CDN_PROVIDER: 'cloudflare',
      CDN_API_BASE_URL: api.base,
      CLOUDFLARE_ZONE_ID: 'zone',
      CLOUDFLARE_API_TOKEN: 'token',
      CDN_PURGE_URLS: 'https://roleready.example.com/,https://roleready.example.com/api/templates',
    })
    expect(purged.code, purged.stderr).toBe(0)
    expect(purged.stdout).toContain('CDN purge (cloudflare): 2 URLs, 0 tags in 1 requests (ids deploy-1)')
    expect(api.seen).toHaveLength(1)
    const skipped = await runTs('src/cli/cdn-purge.ts', [], {})
    expect(skipped.code).toBe(0)
    expect(skipped.stdout).toContain('CDN purge skipped: no CDN configured')
  })
})
