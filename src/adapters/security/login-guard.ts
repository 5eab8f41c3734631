import type { Redis } from 'ioredis'
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import type { LoginGuard } from '../../domain/accounts/account.ports.js'
import { DomainError } from '../../domain/errors.js'

export interface LoginGuardOptions {
  /** Consecutive failed sign-ins to one account before it is blocked. */
  accountFailures: number
  accountBlockSeconds: number
  /** Failed sign-ins from one address per day before the address is blocked for a day. */
  ipFailuresPerDay: number
  /** Registrations from one address per hour. */
  registrationsPerHour: number
  /** Base delay added to a failed sign-in from the third consecutive failure on (doubles, capped at 2 s). */
  slowdownMs: number
  redis?: Redis
  keyPrefix: string
}

const DAY = 24 * 3600

function blocked(policy: string, msBeforeNext: number): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000))
  return new DomainError('RATE_LIMITED', 'Too many attempts; try again later.', {
    extra: { retryAfterSeconds, policies: [policy] },
  })
}

/**
 * rate-limiter-flexible's login-protection pattern: consecutive failures per account, failures per address per day,
 * registrations per address per hour. Redis-backed (with an in-memory insurance limiter) when Redis is configured.
 */
export function createLoginGuard(options: LoginGuardOptions): LoginGuard {
  const make = (name: string, points: number, duration: number, blockDuration: number): RateLimiterAbstract => {
    const keyPrefix = `${options.keyPrefix}limit:${name}`
    const memory = new RateLimiterMemory({ keyPrefix, points, duration, blockDuration })
    if (!options.redis) return memory
    return new RateLimiterRedis({
      storeClient: options.redis,
      keyPrefix,
      points,
      duration,
      blockDuration,
      insuranceLimiter: memory,
    })
  }
  const byAccount = make(
    'login-account',
    options.accountFailures,
    options.accountBlockSeconds,
    options.accountBlockSeconds,
  )
  const byIp = make('login-ip', options.ipFailuresPerDay, DAY, DAY)
  const registrations = make('register-ip', options.registrationsPerHour, 3600, 3600)

  const isBlocked = (res: RateLimiterRes | null, limiter: RateLimiterAbstract) =>
    res !== null && res.consumedPoints >= limiter.points

  async function consume(limiter: RateLimiterAbstract, key: string, policy: string): Promise<RateLimiterRes> {
    try {
      return await limiter.consume(key)
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw blocked(policy, rejection.msBeforeNext)
      throw rejection
    }
  }

  return {
    async assertLoginAllowed(email, ip) {
      const [account, address] = await Promise.all([byAccount.get(email), byIp.get(ip)])
      if (account && isBlocked(account, byAccount)) throw blocked('login-account', account.msBeforeNext)
      if (address && isBlocked(address, byIp)) throw blocked('login-ip', address.msBeforeNext)
    },

    async recordLoginFailure(email, ip) {
      const [account] = await Promise.all([byAccount.penalty(email), byIp.penalty(ip)])
      if (account.consumedPoints >= 3 && options.slowdownMs > 0) {
        const delay = Math.min(options.slowdownMs * 2 ** (account.consumedPoints - 3), 2_000)
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
      if (account.consumedPoints >= byAccount.points) await byAccount.block(email, options.accountBlockSeconds)
      const address = await byIp.get(ip)
      if (address && address.consumedPoints >= byIp.points) await byIp.block(ip, DAY)
    },

    async recordLoginSuccess(email) {
      await byAccount.delete(email)
    },

    async consumeRegistration(ip) {
      await consume(registrations, ip, 'register-ip')
    },
  }
}
