import { createHash, createHmac } from 'node:crypto'

export interface AwsCredentials {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken?: string
}

const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex')
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest()

/**
 * AWS Signature Version 4 for one request without a query string: returns the headers to send (the given ones plus
 * x-amz-date, x-amz-security-token when present, and authorization). `headers` must include host.
 */
export function signV4(
  request: { method: string; path: string; headers: Record<string, string>; body: string },
  credentials: AwsCredentials,
  scope: { region: string; service: string },
  now: Date,
): Record<string, string> {
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
  const date = amzDate.slice(0, 8)
  const headers: Record<string, string> = { ...request.headers, 'x-amz-date': amzDate }
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken
  const names = Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort()
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v.trim()]))
  const signedHeaders = names.join(';')
  const canonical = [
    request.method,
    request.path,
    '',
    ...names.map((name) => `${name}:${lower[name]}`),
    '',
    signedHeaders,
    sha256(request.body),
  ].join('\n')
  const credentialScope = `${date}/${scope.region}/${scope.service}/aws4_request`
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, credentialScope, sha256(canonical)].join('\n')
  const key = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date), scope.region), scope.service),
    'aws4_request',
  )
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex')
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`
  return headers
}
