import { createHash, randomBytes } from 'node:crypto'
import type { SessionTokens } from '../../domain/accounts/account.ports.js'

/** 256-bit random tokens; only their SHA-256 is stored, so a leaked table yields no usable token. */
export const sessionTokens: SessionTokens = {
  generate: () => randomBytes(32).toString('base64url'),
  hash: (token) => createHash('sha256').update(token).digest('hex'),
}
