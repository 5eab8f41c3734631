import { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import { HAS_REDIS_SERVER, startThrowawayRedis } from '../helpers/redis-server.js'
import { type Client, clientOf, createResume, minimalResume } from '../helpers/resumes.js'
import { registerUser, startTestServer } from '../helpers/server.js'

interface Tally {
  requests: number
  /** Every answer that is not a success (a 4xx here would hide a lost write). */
  serverErrors: string[]
  staleReads: string[]
}

/**
 * One round of mixed traffic for one resume: a title change and a draft save (writes), then reads of the resume,
 * the list and the draft that must already show both (no stale read).
 */
async function round(client: Client, id: string, n: number, tally: Tally): Promise<void> {
  const title = `Title ${n}`
  const name = `Name ${n}`
  const writes = await Promise.all([
    client.patch(`/api/resumes/${id}`, { title }),
    client.put(`/api/resumes/${id}/draft`, { content: minimalResume(name) }, { 'if-match': '*' }),
  ])
  const [resume, list, draft] = await Promise.all([
    client.get(`/api/resumes/${id}`),
    client.get('/api/resumes?limit=50'),
    client.get(`/api/resumes/${id}/draft`),
  ])
  for (const response of [...writes, resume, list, draft]) {
    tally.requests++
    if (response.statusCode >= 300) tally.serverErrors.push(`${response.statusCode} ${response.body.slice(0, 200)}`)
  }
  if (resume.json().title !== title) tally.staleReads.push(`resume ${id}: ${resume.json().title} ≠ ${title}`)
  const listed = (list.json().items as { id: string; title: string }[]).find((item) => item.id === id)
  if (listed?.title !== title) tally.staleReads.push(`list ${id}: ${listed?.title} ≠ ${title}`)
  if ((draft.json().content as { basics?: { name?: string } }).basics?.name !== name) {
    tally.staleReads.push(`draft ${id}: not ${name}`)
  }
}

async function traffic(clients: { client: Client; ids: string[] }[], from: number, rounds: number): Promise<Tally> {
  const tally: Tally = { requests: 0, serverErrors: [], staleReads: [] }
  for (let n = from; n < from + rounds; n++) {
    await Promise.all(clients.flatMap(({ client, ids }) => ids.map((id) => round(client, id, n, tally))))
  }
  return tally
}

describe.skipIf(!HAS_REDIS_SERVER)('cache: the Redis tier stops under load', { timeout: 180_000 }, () => {
  it('serves every read from the database with 0 5xx and no stale read, counts the errors, and uses Redis again when it is back', async () => {
    const cacheRedis = await startThrowawayRedis()
    const { server, app } = await startTestServer({
      // The cache has a Redis of its own here, so stopping it touches nothing but the cache (sessions, rate limits
      // and queues stay where REDIS_URL, if any, puts them).
      CACHE_REDIS_URL: cacheRedis.url,
      CACHE_CIRCUIT_BREAKER_SECONDS: '1',
      // A stopped Redis refuses at once; a generous timeout keeps a busy test machine from adding timeouts.
      CACHE_REDIS_TIMEOUT_MS: '5000',
      RATE_LIMIT_PER_USER: '1000000',
      RATE_LIMIT_GLOBAL: '1000000',
    })
    const stats = () => app.services.cache?.getCacheStats().total ?? { hits: 0, misses: 0, errors: 0 }
    const clients = []
    for (let u = 0; u < 3; u++) {
      const client = clientOf(server, (await registerUser(server)).token)
      const ids = [await createResume(client), await createResume(client)]
      clients.push({ client, ids })
    }

    const healthy = await traffic(clients, 0, 3)
    expect(healthy).toMatchObject({ serverErrors: [], staleReads: [] })
    const probe = new Redis(cacheRedis.url)
    expect(await probe.dbsize()).toBeGreaterThan(0)
    probe.disconnect()
    // A loaded machine can make the odd Redis call time out even while Redis is up; what matters is what follows.
    const beforeOutage = stats()

    await cacheRedis.stop()
    const outage = await traffic(clients, 3, 6)
    const duringOutage = stats()
    expect(outage.requests).toBe(180)
    expect(outage.serverErrors).toEqual([])
    expect(outage.staleReads).toEqual([])
    // Reads kept being answered (misses load from the database), and the Redis failures were counted.
    expect(duringOutage.misses).toBeGreaterThan(beforeOutage.misses)
    expect(duringOutage.errors).toBeGreaterThan(beforeOutage.errors)

    // Redis comes back, empty, on the same address: the cache reconnects by itself and writes to it again.
    const revived = await startThrowawayRedis(cacheRedis.port)
    const check = new Redis(revived.url)
    let refilled = 0
    for (let n = 9; n < 60 && refilled === 0; n++) {
      const after = await traffic(clients, n, 1)
      expect(after).toMatchObject({ serverErrors: [], staleReads: [] })
      refilled = await check.dbsize()
      if (refilled === 0) await new Promise((resolve) => setTimeout(resolve, 250))
    }
    check.disconnect()
    expect(refilled).toBeGreaterThan(0)
    const recovered = stats()
    const settled = await traffic(clients, 100, 3)
    expect(settled).toMatchObject({ serverErrors: [], staleReads: [] })
    expect(stats().errors).toBe(recovered.errors)
    expect(stats().hits).toBeGreaterThan(recovered.hits)
  })
})
