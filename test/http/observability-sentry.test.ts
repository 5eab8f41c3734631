import { randomBytes } from 'node:crypto'
import { createTransport } from '@sentry/node'
import { describe, expect, it } from 'vitest'
import { bearer, registerUser, startTestServer } from '../helpers/server.js'

const secret = (label: string) => `${label}${randomBytes(9).toString('hex')}`

/** A Sentry transport that keeps every envelope in memory: nothing leaves the machine. */
function capturingTransport(envelopes: string[]) {
  return (options: Parameters<typeof createTransport>[0]) =>
    createTransport(options, async (request) => {
      envelopes.push(typeof request.body === 'string' ? request.body : Buffer.from(request.body).toString('utf8'))
      return { statusCode: 200 }
    })
}

interface EnvelopeItem {
  type: string
  payload: Record<string, unknown>
}

function itemsOf(envelope: string): EnvelopeItem[] {
  const lines = envelope.split('\n').filter(Boolean)
  const items: EnvelopeItem[] = []
  for (let i = 1; i + 1 < lines.length; i += 2) {
    const header = JSON.parse(lines[i] as string) as { type: string }
    let payload: Record<string, unknown> = {}
    try {
      payload = JSON.parse(lines[i + 1] as string) as Record<string, unknown>
    } catch {}
    items.push({ type: header.type, payload })
  }
  return items
}

describe('error tracking with Sentry (offline transport)', () => {
  it('captures an unhandled route error once with requestId, user id, route and AI breadcrumb, and no secrets', async () => {
    const envelopes: string[] = []
    const { app, server } = await startTestServer(
      {
        SENTRY_DSN: 'https://publickey@sentry.example.invalid/42',
        SENTRY_TRACES_SAMPLE_RATE: '1',
        SENTRY_PROFILES_SAMPLE_RATE: '1',
        LOG_LEVEL: 'silent',
      },
      { captureLogs: true, app: { sentryTransport: capturingTransport(envelopes) } },
    )
    expect(app.observability.errors.enabled).toBe(true)
    const plantedEmail = `${secret('owner.')}@example.com`
    const plantedPassword = secret('pw-')
    const { token, userId } = await registerUser(server, { email: plantedEmail, password: plantedPassword })
    const apiKey = secret('apikey-')
    const cookieSecret = secret('cookie-')
    const queryToken = secret('qtoken-')
    const resumePhone = `+44 20 7946 ${Math.floor(1000 + Math.random() * 8999)}`
    const resumeEmail = `${secret('cv.')}@mail.example.org`

    const original = app.services.accounts.getSettings
    app.services.accounts.getSettings = async () => {
      app.observability.logAIOperation('suggestions', 420, 0.0012, { prompt: 300, completion: 40 })
      const error = new Error(`settings for ${plantedEmail} failed with Bearer ${token}`) as Error &
        Record<string, unknown>
      error.resume = { basics: { email: resumeEmail, phone: resumePhone } }
      error.apiKey = apiKey
      throw error
    }
    const failed = await server.inject({
      method: 'GET',
      url: `/api/me/settings?token=${queryToken}`,
      headers: { ...bearer(token), 'x-api-key': apiKey, cookie: `theme=${cookieSecret}` },
    })
    app.services.accounts.getSettings = original
    expect(failed.statusCode).toBe(500)
    const requestId = String(failed.headers['x-request-id'])

    // Client errors are not error reports.
    expect((await server.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401)
    await app.observability.errors.flush(5000)

    const events = envelopes.flatMap(itemsOf).filter((item) => item.type === 'event')
    expect(events).toHaveLength(1)
    const event = events[0]?.payload as {
      tags: Record<string, string>
      user: { id: string; email?: string }
      exception: { values: Array<{ type: string; value: string }> }
      breadcrumbs?: Array<{ category: string; message: string }>
    }
    expect(event.tags).toMatchObject({ requestId, route: '/api/me/settings', component: 'http' })
    expect(event.user).toEqual({ id: userId })
    expect(event.exception.values[0]?.type).toBe('Error')
    expect(event.exception.values[0]?.value).toContain('settings for [REDACTED] failed')
    expect(event.breadcrumbs?.some((b) => b.category === 'ai' && b.message === 'suggestions')).toBe(true)

    const planted = [plantedEmail, plantedPassword, token, apiKey, cookieSecret, queryToken, resumeEmail, resumePhone]
    const everything = envelopes.join('\n')
    for (const value of planted) expect(everything.includes(value), `secret ${value} reached Sentry`).toBe(false)

    // Traces are sampled at 1: the failed request's span was sent (streamed spans, or a transaction), scrubbed too.
    const traces = envelopes.flatMap(itemsOf).filter((item) => item.type === 'span' || item.type === 'transaction')
    const traced = traces
      .map((item) => JSON.stringify(item.payload))
      .filter((text) => text.includes('/api/me/settings'))
    expect(traced.length, `no span of the failed request among ${traces.length} trace items`).toBeGreaterThan(0)
    for (const value of planted) expect(traced.join('\n').includes(value), `secret ${value} in a span`).toBe(false)
    // The request span carries the path with its query, so the span scrubber did run over it.
    expect(traced.join('\n')).toContain('/api/me/settings?token=[REDACTED]')
  }, 90_000)
})
