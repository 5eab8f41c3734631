import { type Static, Type } from '@sinclair/typebox'
import { CACHE_NAMESPACES } from '../../domain/cache/cache.types.js'

const NamespaceStats_ = Type.Object({
  hits: Type.Integer(),
  misses: Type.Integer(),
  graced: Type.Integer({ description: 'Expired values served because the source failed.' }),
  errors: Type.Integer({ description: 'Cache failures (the source answered instead).' }),
  hitRate: Type.Number(),
  missRate: Type.Number(),
})

export const CacheStats_ = Type.Object(
  {
    enabled: Type.Boolean(),
    tiers: Type.Array(Type.Union([Type.Literal('memory'), Type.Literal('redis')])),
    total: NamespaceStats_,
    namespaces: Type.Record(Type.String(), NamespaceStats_),
  },
  { $id: 'CacheStats' },
)

export const CacheNamespace_ = Type.Union(
  CACHE_NAMESPACES.map((n) => Type.Literal(n)),
  { description: 'A cache namespace.' },
)

export const CacheInvalidateBody = Type.Object(
  {
    namespace: Type.Optional(CacheNamespace_),
    userId: Type.Optional(Type.String({ format: 'uuid' })),
    resumeId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  {
    additionalProperties: false,
    description: 'What to drop: a namespace, one user or one resume (combinable); an empty body drops everything.',
  },
)
export type CacheInvalidateBody = Static<typeof CacheInvalidateBody>
