/**
 * Login timing must not reveal whether an email exists. Registers one user on an embedded database, then times
 * alternating failed logins for that email (wrong password) and for unknown emails, and prints the ratio.
 *   npx tsx bench/login-timing.ts [rounds]
 */
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config/config.js'
import { buildServer } from '../src/http/server.js'

const rounds = Number(process.argv[2] ?? 40)
// Rate limits off: the rounds would exceed the per-address limit, and the limiter is not what is timed here.
const app = await buildApp(
  loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: 'memory://', PASSWORD_HASH_COST: '15', RATE_LIMIT_ENABLED: 'false' }),
)
const server = await buildServer(app)
const email = 'known@example.com'
await server.inject({ method: 'POST', url: '/api/auth/register', payload: { email, password: 'the real password' } })

async function time(payload: object): Promise<number> {
  const started = performance.now()
  const response = await server.inject({ method: 'POST', url: '/api/auth/login', payload })
  if (response.statusCode !== 401) throw new Error(`expected 401, got ${response.statusCode}`)
  return performance.now() - started
}

const known: number[] = []
const unknown: number[] = []
await time({ email, password: 'warm up' })
for (let i = 0; i < rounds; i++) {
  known.push(await time({ email, password: `wrong ${i}` }))
  unknown.push(await time({ email: `nobody${i}@example.com`, password: `wrong ${i}` }))
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
const k = median(known)
const u = median(unknown)
process.stdout.write(
  `failed login, known email:   median ${k.toFixed(1)} ms\n` +
    `failed login, unknown email: median ${u.toFixed(1)} ms\n` +
    `ratio unknown/known: ${(u / k).toFixed(3)} (1.000 = indistinguishable)\n`,
)
await server.close()
await app.close()
