/**
 * Cache invalidation with 200,000 keys in Redis: p99 of invalidateCache(event, resumeId, userId) for one resume.
 * Tags are invalidated by writing tag timestamps (and a bus message), never by scanning keys, so the keyspace size
 * does not matter. Needs REDIS_URL (e.g. redis://127.0.0.1:56379); the keys expire on their own after 10 minutes.
 *   REDIS_URL=redis://127.0.0.1:56379 npx tsx bench/cache-invalidation.ts
 */
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import pino from 'pino'
import { createBentoCache } from '../src/adapters/cache/bentocache.adapter.js'
import { loadConfig } from '../src/config/config.js'
import { createCacheService } from '../src/domain/cache/cache.service.js'

const redisUrl = process.env.REDIS_URL
if (!redisUrl) throw new Error('REDIS_URL is required')
const prefix = `bench:${randomUUID()}:`
const config = loadConfig({ REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix, DATA_DIR: 'memory://' })
const redis = new Redis(redisUrl)

const KEYS = 200_000
const filler = JSON.stringify({ value: 'x'.repeat(200) })
for (let start = 0; start < KEYS; start += 10_000) {
  const pipeline = redis.pipeline()
  for (let i = start; i < start + 10_000; i++) pipeline.set(`${prefix}cache:RESUME_DATA:${i}`, filler, 'EX', 600)
  await pipeline.exec()
}

const port = createBentoCache({
  settings: config.cache,
  redisUrl,
  keyPrefix: prefix,
  logger: pino({ level: 'silent' }),
})
const cache = createCacheService({ cache: port })
const userId = randomUUID()
const resumes = Array.from({ length: 200 }, () => randomUUID())
for (const resumeId of resumes) {
  await cache.read('RESUME_DATA', { userId, resumeId }, resumeId, async () => ({ resumeId, at: new Date() }))
  await cache.read('WORKING_DRAFT', { userId, resumeId }, resumeId, async () => ({ resumeId }))
}
const dbsize = await redis.dbsize()

const samples: number[] = []
// Round 0 warms up the JIT and connections and is not measured.
for (let round = 0; round < 6; round++) {
  for (const resumeId of resumes) {
    const started = process.hrtime.bigint()
    await cache.invalidateCache('DRAFT_COMMITTED', resumeId, userId)
    if (round > 0) samples.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
}
samples.sort((a, b) => a - b)
const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] as number
console.log(
  `invalidation of one resume (DRAFT_COMMITTED, ${samples.length} runs, ${dbsize} keys in Redis): ` +
    `p50 ${at(0.5).toFixed(3)} ms, p99 ${at(0.99).toFixed(3)} ms, max ${at(1).toFixed(3)} ms (target p99 < 2 ms)`,
)
// The next read after an invalidation loads again.
let loads = 0
await cache.read('RESUME_DATA', { userId, resumeId: resumes[0] as string }, resumes[0] as string, async () => {
  loads++
  return {}
})
console.log(`read after invalidation reloaded: ${loads === 1}`)
await port.close()
redis.disconnect()
process.exitCode = at(0.99) < 2 ? 0 : 1
