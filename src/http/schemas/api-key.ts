import { type Static, Type } from '@sinclair/typebox'
import {
  API_KEY_NAME_MAX_LENGTH,
  API_KEY_SCOPES,
  type ApiKey,
  type CreatedApiKey,
} from '../../domain/api-keys/api-key.types.js'
import { type Equals, Literals, type Wire } from './wire.js'

export const ApiKeyScope_ = Literals(API_KEY_SCOPES, {
  description:
    'resumes:read (resumes, drafts, versions), resumes:write (create, edit, commit, tailor), jobs (saved postings ' +
    'and anything read against one), documents (import and export files)',
})

export const ApiKeyIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })

export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: API_KEY_NAME_MAX_LENGTH, pattern: '\\S' }),
    scopes: Type.Array(ApiKeyScope_, { minItems: 1, maxItems: API_KEY_SCOPES.length, uniqueItems: true }),
    expiresAt: Type.Optional(
      Type.String({ format: 'date-time', maxLength: 40, description: 'When the key stops working; default: never' }),
    ),
  },
  { additionalProperties: false },
)

const ApiKeyFields = {
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  scopes: Type.Array(ApiKeyScope_),
  hint: Type.String({ description: 'The first characters of the secret, to tell keys apart' }),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  lastUsedAt: Type.Optional(Type.String({ format: 'date-time', description: 'Updated at most once a minute' })),
}

export const ApiKey_ = Type.Object(ApiKeyFields, { $id: 'ApiKey', additionalProperties: false })

export const CreatedApiKey_ = Type.Object(
  {
    ...ApiKeyFields,
    secret: Type.String({
      description: 'The key itself (rr_live_…), shown this once: send it as Authorization: Bearer <secret>',
    }),
  },
  { additionalProperties: false },
)

export const ApiKeyList = Type.Object(
  { items: Type.Array(Type.Ref('ApiKey')), nextCursor: Type.Null() },
  { additionalProperties: false },
)

// Every field of a key but its user is sent; the secret only on creation.
true satisfies Equals<Wire<Omit<ApiKey, 'userId'>>, Static<typeof ApiKey_>>

export function toApiKeyResponse(key: ApiKey): Static<typeof ApiKey_> {
  return {
    id: key.id,
    name: key.name,
    scopes: [...key.scopes],
    hint: key.hint,
    createdAt: key.createdAt.toISOString(),
    ...(key.expiresAt && { expiresAt: key.expiresAt.toISOString() }),
    ...(key.lastUsedAt && { lastUsedAt: key.lastUsedAt.toISOString() }),
  }
}

export function toCreatedApiKeyResponse({ key, secret }: CreatedApiKey): Static<typeof CreatedApiKey_> {
  return { ...toApiKeyResponse(key), secret }
}
