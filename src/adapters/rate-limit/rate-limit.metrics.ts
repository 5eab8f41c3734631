import { Counter, type Registry } from 'prom-client'
import type { RateLimitMonitor } from '../../domain/rate-limits/rate-limit.ports.js'
import type { PolicyName } from '../../domain/rate-limits/rate-limit.types.js'

export interface RateLimitMetrics extends RateLimitMonitor {
  /** One decision was made by the in-memory insurance limiter because Redis failed. */
  fellBack(): void
}

/** The counter of that name in the registry (src/observability/metrics.ts declares some up front), else a new one. */
function counter(registry: Registry, name: string, help: string, labelNames: string[] = []): Counter<string> {
  const existing = registry.getSingleMetric(name)
  if (existing instanceof Counter) return existing
  return new Counter({ name, help, labelNames, registers: [registry] })
}

/** `rate_limit_rejections_total{policy}` and `rate_limit_store_fallbacks_total` in the app's metrics registry. */
export function createRateLimitMetrics(registry: Registry): RateLimitMetrics {
  const rejections = counter(registry, 'rate_limit_rejections_total', 'Requests refused by a rate-limit policy.', [
    'policy',
  ])
  const fallbacks = counter(
    registry,
    'rate_limit_store_fallbacks_total',
    'Rate-limit decisions made by the in-memory insurance limiter because Redis failed or was not ready.',
  )
  return {
    rejected(policy: PolicyName) {
      rejections.inc({ policy })
    },
    fellBack() {
      fallbacks.inc()
    },
  }
}
