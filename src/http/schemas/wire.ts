import { type SchemaOptions, type Static, type TLiteral, type TSchema, type TUnion, Type } from '@sinclair/typebox'
import type { Operation } from 'fast-json-patch'

/**
 * True when A and B are the same type (not merely assignable either way): optional vs required, readonly vs
 * mutable and `any` vs `unknown` all count as different.
 */
export type Equals<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false

type Flatten<T> = { [K in keyof T]: T[K] }
type MaybeUndefinedKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T]

/** A union of string literals that keeps each literal's type (`values.map(Type.Literal)` alone widens to string). */
export function Literals<const T extends readonly [string, ...string[]]>(
  values: T,
  options?: SchemaOptions,
): TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }> {
  return Type.Union(
    values.map((value) => Type.Literal(value)),
    options,
  ) as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>
}

/**
 * The schema or null. The server coerces types, and Ajv coerces inside an anyOf branch (null tried as a boolean
 * becomes false, false tried as null becomes null); a type list is never coerced when one of its types matches.
 */
export function Nullable<T extends TSchema>(schema: T) {
  const type = (schema as { type?: unknown }).type
  if (typeof type === 'string' && type !== 'object' && type !== 'array') {
    return Type.Unsafe<Static<T> | null>({ ...schema, type: [type, 'null'] })
  }
  return Type.Union([Type.Null(), schema])
}

/** An RFC 6902 operation as the API sends it. */
export const PatchOperation = Type.Object(
  {
    op: Literals(['add', 'remove', 'replace', 'move', 'copy', 'test']),
    path: Type.String(),
    from: Type.Optional(Type.String({ description: 'move and copy: where the value comes from' })),
    value: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
)
export type PatchOperationResponse = Static<typeof PatchOperation>

/**
 * What a domain value becomes on the wire: readonly dropped, a Date as its ISO string, a property that may be
 * undefined as an optional one (JSON has no undefined), and a fast-json-patch operation as PatchOperation (see
 * toPatchResponse). Response mappers that send a domain result as it is check `Equals<Wire<Result>, Static<Schema>>`,
 * so a field added on either side fails the type check instead of being dropped by the serializer.
 */
export type Wire<T> = [T] extends [Operation]
  ? PatchOperationResponse
  : T extends Date
    ? string
    : T extends readonly (infer E)[]
      ? Wire<E>[]
      : T extends object
        ? Flatten<
            { -readonly [K in Exclude<keyof T, MaybeUndefinedKeys<T>>]: Wire<T[K]> } & {
              -readonly [K in MaybeUndefinedKeys<T>]?: Wire<Exclude<T[K], undefined>>
            }
          >
        : T

/**
 * A fast-json-patch patch as RFC 6902 operations. Its `_get` operation is the library's own, never in a patch
 * RoleReady builds or stores.
 */
export function toPatchResponse(patch: readonly Operation[]): PatchOperationResponse[] {
  return patch.map((operation) => {
    switch (operation.op) {
      case 'add':
      case 'replace':
      case 'test':
        return { op: operation.op, path: operation.path, value: operation.value }
      case 'remove':
        return { op: operation.op, path: operation.path }
      case 'move':
      case 'copy':
        return { op: operation.op, from: operation.from, path: operation.path }
      default:
        throw new TypeError(`not an RFC 6902 operation: ${operation.op}`)
    }
  })
}
