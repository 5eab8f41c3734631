import { createHash, randomBytes } from 'node:crypto'
import type { ApiKeySecrets } from '../../domain/api-keys/api-key.ports.js'
import { API_KEY_PREFIX } from '../../domain/api-keys/api-key.types.js'

/**
 * Personal API key secrets: 256 random bits after a recognisable prefix. A fast hash is enough here (unlike a
 * password, the secret has full entropy, so it cannot be guessed from its hash).
 */
export const apiKeySecrets: ApiKeySecrets = {
  generate: () => `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`,
  hash: (secret) => createHash('sha256').update(secret, 'utf8').digest('hex'),
}
