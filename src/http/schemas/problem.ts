import { type Static, Type } from '@sinclair/typebox'

/** RFC 9457 problem details as every RoleReady error is sent. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'Stable error code; see docs/errors.md' }),
    requestId: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ pointer: Type.String(), message: Type.String() }), {
        description: 'One entry per bad field (JSON Pointer into the request)',
      }),
    ),
  },
  { $id: 'Problem', additionalProperties: true },
)
export type ProblemBody = Static<typeof Problem>

export const ProblemRef = Type.Ref('Problem')

/** The error responses every route may give, for the OpenAPI document. */
export const problemResponses = { '4xx': ProblemRef, '5xx': ProblemRef } as const
