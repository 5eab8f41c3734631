import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import type { PasswordHasher } from '../../domain/accounts/account.ports.js'

const KEY_LENGTH = 32
const BLOCK_SIZE = 8
const PARALLELISM = 1

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    )
  })
}

/**
 * scrypt (memory-hard, in Node's standard library) with a random 16-byte salt.
 * Hash format: `scrypt$<log2 N>$<r>$<p>$<salt b64>$<key b64>` so the cost can rise without breaking old hashes.
 */
export function createScryptHasher(log2Cost: number): PasswordHasher {
  const hasher: PasswordHasher = {
    async hash(password) {
      const salt = randomBytes(16)
      const key = await derive(password, salt, 2 ** log2Cost, BLOCK_SIZE, PARALLELISM)
      return ['scrypt', log2Cost, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join('$')
    },
    async verify(password, stored) {
      const parts = stored.split('$')
      if (parts.length !== 6 || parts[0] !== 'scrypt') return false
      const [, cost, r, p, salt, key] = parts as [string, string, string, string, string, string]
      const expected = Buffer.from(key, 'base64')
      const actual = await derive(password, Buffer.from(salt, 'base64'), 2 ** Number(cost), Number(r), Number(p))
      return actual.length === expected.length && timingSafeEqual(actual, expected)
    },
    dummyHash: Promise.resolve(''),
  }
  // Computed once, lazily awaited: a real hash so unknown emails cost a full scrypt run.
  const dummy = hasher.hash(randomBytes(16).toString('hex'))
  dummy.catch(() => {})
  return { ...hasher, dummyHash: dummy }
}
