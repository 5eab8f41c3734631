import { Type } from '@sinclair/typebox'

const HealthStatus = Type.Union([Type.Literal('pass'), Type.Literal('warn'), Type.Literal('fail')])

/** The seed's fast summary at GET /api/health. */
export const HealthSummary = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
  timestamp: Type.String({ format: 'date-time' }),
  uptime: Type.Number({ description: 'Seconds since the process started' }),
  version: Type.String(),
  checks: Type.Object({
    database: Type.Union([Type.Literal('connected'), Type.Literal('disconnected')]),
    redis: Type.Union([Type.Literal('connected'), Type.Literal('disconnected'), Type.Literal('not configured')]),
    memory: Type.Object({
      used: Type.Number({ description: 'Heap in use, MiB' }),
      total: Type.Number({ description: 'Heap limit, MiB' }),
      percentage: Type.Number(),
    }),
  }),
})

const HealthCheck = Type.Object({
  componentId: Type.Optional(Type.String()),
  componentType: Type.String(),
  observedValue: Type.Number(),
  observedUnit: Type.String(),
  status: HealthStatus,
  time: Type.String({ format: 'date-time' }),
  output: Type.Optional(Type.String()),
})

/** `application/health+json` (IETF draft-inadarei-api-health-check). */
export const HealthReport = Type.Object({
  status: HealthStatus,
  version: Type.String(),
  releaseId: Type.String(),
  serviceId: Type.String(),
  description: Type.String(),
  checks: Type.Record(Type.String(), Type.Array(HealthCheck)),
})

export const Readiness = Type.Object({ status: Type.Literal('ready') })
