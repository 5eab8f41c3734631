/**
 * Health of the process and its dependencies, for the probes: a fast summary (/api/health), the detailed report in
 * the `application/health+json` format of the IETF health-check draft, readiness and liveness.
 */
import { getHeapStatistics } from 'node:v8'

export type HealthStatus = 'pass' | 'warn' | 'fail'

/** A dependency the service pings; `required` ones make the service unready when down. */
export interface Dependency {
  readonly name: 'database' | 'redis'
  readonly componentId: string
  readonly required: boolean
  ping(): Promise<unknown>
}

export interface HealthCheck {
  componentId?: string
  componentType: 'datastore' | 'system'
  observedValue: number
  observedUnit: string
  status: HealthStatus
  time: string
  output?: string
}

export interface HealthReport {
  status: HealthStatus
  version: string
  releaseId: string
  serviceId: string
  description: string
  checks: Record<string, HealthCheck[]>
}

export interface HealthSummary {
  status: 'ok' | 'error'
  timestamp: string
  uptime: number
  version: string
  checks: {
    database: 'connected' | 'disconnected'
    redis: 'connected' | 'disconnected' | 'not configured'
    memory: { used: number; total: number; percentage: number }
  }
}

export interface HealthOptions {
  readonly version: string
  readonly dependencies: readonly Dependency[]
  /** A ping slower than this counts as failed. */
  readonly timeoutMs?: number
  /** How long the summary may reuse the last probe of the dependencies (keeps /api/health cheap under load). */
  readonly summaryMaxAgeMs?: number
  /** Heap use (share of the heap limit) from which memory warns. */
  readonly memoryWarnRatio?: number
  readonly now?: () => Date
  /** The heavy-work pool's state, when there is a pool. */
  readonly workers?: () => WorkerPoolState
}

export interface WorkerPoolState {
  readonly threads: number
  readonly busy: number
  readonly queued: number
  readonly maxQueue: number
  readonly killed: number
}

interface Probe {
  readonly ok: boolean
  readonly ms: number
  readonly error?: string
}

const MiB = 1024 * 1024

export function createHealth(options: HealthOptions) {
  const timeoutMs = options.timeoutMs ?? 2000
  const maxAgeMs = options.summaryMaxAgeMs ?? 1000
  const warnRatio = options.memoryWarnRatio ?? 0.9
  const now = options.now ?? (() => new Date())
  const heapLimit = getHeapStatistics().heap_size_limit
  let shuttingDown = false
  let lastProbe: { at: number; results: Map<string, Probe> } | undefined
  let probing: Promise<Map<string, Probe>> | undefined

  async function probe(dependency: Dependency): Promise<Probe> {
    const start = performance.now()
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        dependency.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
        }),
      ])
      return { ok: true, ms: performance.now() - start }
    } catch (error) {
      return { ok: false, ms: performance.now() - start, error: error instanceof Error ? error.message : String(error) }
    } finally {
      clearTimeout(timer)
    }
  }

  /** Pings every dependency at once; concurrent callers share one round. */
  function probeAll(): Promise<Map<string, Probe>> {
    probing ??= Promise.all(options.dependencies.map(async (d) => [d.name, await probe(d)] as const))
      .then((entries) => {
        const results = new Map(entries)
        lastProbe = { at: Date.now(), results }
        return results
      })
      .finally(() => {
        probing = undefined
      })
    return probing
  }

  // process.memoryUsage() reads /proc on every call; V8's own heap figure is what the checks need, and cheap.
  function memory() {
    const used = getHeapStatistics().used_heap_size
    return { used, limit: heapLimit, ratio: used / heapLimit }
  }

  const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits

  return {
    /** Readiness fails from now on (shutdown began). */
    beginShutdown(): void {
      shuttingDown = true
    },
    get shuttingDown(): boolean {
      return shuttingDown
    },

    /** The seed's summary; dependency state may be up to `summaryMaxAgeMs` old. */
    async summary(): Promise<HealthSummary> {
      const results = lastProbe && Date.now() - lastProbe.at < maxAgeMs ? lastProbe.results : await probeAll()
      const db = results.get('database')
      const redis = results.get('redis')
      const mem = memory()
      const healthy = [...results.entries()].every(
        ([name, p]) => p.ok || !options.dependencies.find((d) => d.name === name)?.required,
      )
      return {
        status: healthy ? 'ok' : 'error',
        timestamp: now().toISOString(),
        uptime: round(process.uptime()),
        version: options.version,
        checks: {
          database: db?.ok === false ? 'disconnected' : 'connected',
          redis: redis === undefined ? 'not configured' : redis.ok ? 'connected' : 'disconnected',
          memory: { used: round(mem.used / MiB), total: round(mem.limit / MiB), percentage: round(mem.ratio * 100) },
        },
      }
    },

    /** The health-check draft's report from fresh pings; `fail` when a required dependency is down. */
    async detailed(): Promise<HealthReport> {
      const results = await probeAll()
      const time = now().toISOString()
      const checks: Record<string, HealthCheck[]> = {}
      let status: HealthStatus = 'pass'
      for (const dependency of options.dependencies) {
        const result = results.get(dependency.name) as Probe
        const checkStatus: HealthStatus = result.ok ? 'pass' : dependency.required ? 'fail' : 'warn'
        if (checkStatus === 'fail') status = 'fail'
        else if (checkStatus === 'warn' && status === 'pass') status = 'warn'
        checks[`${dependency.name}:responseTime`] = [
          {
            componentId: dependency.componentId,
            componentType: 'datastore',
            observedValue: round(result.ms),
            observedUnit: 'ms',
            status: checkStatus,
            time,
            ...(result.error && { output: result.error }),
          },
        ]
      }
      const mem = memory()
      const memoryStatus: HealthStatus = mem.ratio >= warnRatio ? 'warn' : 'pass'
      if (memoryStatus === 'warn' && status === 'pass') status = 'warn'
      checks['memory:utilization'] = [
        {
          componentType: 'system',
          observedValue: round(mem.ratio * 100),
          observedUnit: 'percent',
          status: memoryStatus,
          time,
          output: `heap ${round(mem.used / MiB)} MiB of ${round(mem.limit / MiB)} MiB`,
        },
      ]
      const workers = options.workers?.()
      if (workers) {
        // A queue more than half full means requests wait for heavy work: worth a look, not a restart.
        const workersStatus: HealthStatus = workers.queued > workers.maxQueue / 2 ? 'warn' : 'pass'
        if (workersStatus === 'warn' && status === 'pass') status = 'warn'
        checks['workers:utilization'] = [
          {
            componentId: 'heavy-work-pool',
            componentType: 'system',
            observedValue: workers.threads === 0 ? 0 : round((workers.busy / workers.threads) * 100),
            observedUnit: 'percent',
            status: workersStatus,
            time,
            output: `${workers.busy} of ${workers.threads} workers busy, ${workers.queued} of ${workers.maxQueue} queued, ${workers.killed} tasks stopped over budget`,
          },
        ]
      }
      checks.uptime = [
        { componentType: 'system', observedValue: round(process.uptime()), observedUnit: 's', status: 'pass', time },
      ]
      return {
        status,
        version: options.version.split('.')[0] ?? options.version,
        releaseId: options.version,
        serviceId: 'roleready-api',
        description: 'RoleReady API',
        checks,
      }
    },

    /** Ready to take traffic: not shutting down and every required dependency answers. */
    async readiness(): Promise<{ ready: boolean; reasons: string[] }> {
      if (shuttingDown) return { ready: false, reasons: ['shutting down'] }
      const results = await probeAll()
      const reasons = options.dependencies
        .filter((d) => d.required && !results.get(d.name)?.ok)
        .map((d) => `${d.name} unreachable`)
      return { ready: reasons.length === 0, reasons }
    },
  }
}

export type Health = ReturnType<typeof createHealth>

/** HTTP status of a health+json report: 200 for pass and warn, 503 for fail. */
export function healthHttpStatus(status: HealthStatus): 200 | 503 {
  return status === 'fail' ? 503 : 200
}
