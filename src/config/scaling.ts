/**
 * RoleReady's scaling numbers: the one source the Kubernetes manifests (deploy/k8s) and the single-host scripts
 * (deploy/scripts) follow. test/unit/k8s-manifests.test.ts checks that every manifest agrees with these and that
 * the database connection budget holds even while a blue-green rollout runs two full stacks.
 */
export const SCALING = {
  containerPort: 3000,
  replicas: { min: 2, max: 10 },
  /** HorizontalPodAutoscaler targets: average CPU and memory use (percent of requests) and requests a second a pod. */
  autoscaling: { cpuPercent: 70, memoryPercent: 80, requestsPerSecondPerPod: 50 },
  /** What one pod asks for and may use. */
  resources: {
    // One heavy-work thread (WORKER_THREADS=1 in the ConfigMap) beside the main thread needs about 700 MB at peak.
    requests: { cpu: '250m', memory: '512Mi' },
    limits: { cpu: '1', memory: '1Gi' },
  },
  /** DATABASE_POOL_MAX of every pod, and the server's max_connections left for RoleReady. */
  database: { poolMax: 5, connectionBudget: 100 },
  /** Voluntary disruptions (node drains) keep at least this many pods serving. */
  podDisruptionBudget: { minAvailable: 1 },
  probes: {
    startup: { path: '/api/health/live', periodSeconds: 2, failureThreshold: 60 },
    readiness: { path: '/api/health/ready', periodSeconds: 5, failureThreshold: 2 },
    liveness: { path: '/api/health/live', periodSeconds: 10, failureThreshold: 3 },
  },
  /** preStop sleep: the pod leaves the Service's endpoints before the process gets SIGTERM. */
  preStopSeconds: 10,
  /** preStop + readiness-failing delay + in-flight requests + the service's own 25 s shutdown deadline. */
  terminationGracePeriodSeconds: 45,
  canary: {
    /** Percent of traffic at each step; each step is watched for `stepSeconds`. */
    steps: [5, 25, 50, 100],
    stepSeconds: 300,
    /** The canary is rolled back when its 5xx share passes this. */
    maxErrorRate: 0.05,
  },
  blueGreen: {
    /** The previous version stays up (out of traffic) this long for an instant rollback. */
    scaleDownDelaySeconds: 24 * 3600,
    monitorSeconds: 300,
  },
} as const

/** Connections RoleReady may open at most: every pod's pool, at the replica ceiling, times stacks running at once. */
export function peakDatabaseConnections(stacks = 1): number {
  return SCALING.database.poolMax * SCALING.replicas.max * stacks
}
