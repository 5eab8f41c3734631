import type { Redis } from 'ioredis'
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import type { LoginAttempt, LoginGuard } from '../../domain/accounts/account.ports.js'
import { DomainError } from '../../domain/errors.js'

export interface LoginGuardOptions {
  /** Password checks per account (a successful one is given back) before the account is blocked. */
  accountFailures: number
  /** The window those checks are counted over, and the length of the block that follows. */
  accountBlockSeconds: number
  /** Password checks from one address per day (successful ones given back) before the address is blocked a day. */
  ipFailuresPerDay: number
  /** Registrations from one address per hour. */
  registrationsPerHour: number
  /** Base delay added to a failed sign-in from the third counted attempt on (doubles, capped at 2 s). */
  slowdownMs: number
  redis?: Redis
  keyPrefix: string
}

const DAY = 24 * 3600
const MAX_SLOWDOWN_MS = 2_000

function blocked(policy: string, msBeforeNext: number): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000))
  return new DomainError('RATE_LIMITED', 'Too many attempts; try again later.', {
    extra: { retryAfterSeconds, policies: [policy] },
  })
}

/**
 * rate-limiter-flexible's login protection, counting before the password is checked: password checks per account,
 * per address per day, and registrations per address per hour. `consume` is one atomic step on Redis (a Lua
 * script) and in memory, so a burst of concurrent attempts gets at most the allowance through; the rest are refused
 * without a password check. Redis-backed (with an in-memory insurance limiter) when Redis is configured.
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

  async function consume(limiter: RateLimiterAbstract, key: string, policy: string): Promise<RateLimiterRes> {
    try {
      return await limiter.consume(key)
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw blocked(policy, rejection.msBeforeNext)
      throw rejection
    }
  }

  function settleable(email: string, ip: string, counted: number): LoginAttempt {
    return {
      async failed() {
        if (counted < 3 || options.slowdownMs <= 0) return
        const delay = Math.min(options.slowdownMs * 2 ** (counted - 3), MAX_SLOWDOWN_MS)
        await new Promise((resolve) => setTimeout(resolve, delay))
      },
      async succeeded() {
        await Promise.all([byAccount.reward(email), byIp.reward(ip)])
      },
    }
  }

  return {
    async startLoginAttempt(email, ip) {
      const [account, address] = await Promise.allSettled([
        consume(byAccount, email, 'login-account'),
        consume(byIp, ip, 'login-ip'),
      ])
      if (account.status === 'fulfilled' && address.status === 'fulfilled') {
        return settleable(email, ip, account.value.consumedPoints)
      }
      // A refused attempt checks no password, so a counter that took a point gives it back: a count never falls
      // below the password checks it let through, and an address or account refused elsewhere is not charged.
      if (account.status === 'fulfilled') await byAccount.reward(email)
      if (address.status === 'fulfilled') await byIp.reward(ip)
      // The account's refusal is reported first: it is the one the user can act on.
      throw [account, address].find((result) => result.status === 'rejected')?.reason
    },

    async consumeRegistration(ip) {
      await consume(registrations, ip, 'register-ip')
    },

    async forgetAccount(email) {
      await byAccount.delete(email)
    },
  }
}
