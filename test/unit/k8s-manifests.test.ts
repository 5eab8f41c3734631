import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { AnalysisTemplate, Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1'
import { Deployment } from 'kubernetes-models/apps/v1'
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2'
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1'
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1'
import { ConfigMap, Service } from 'kubernetes-models/v1'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { loadConfig } from '../../src/config/config.js'
import { peakDatabaseConnections, SCALING } from '../../src/config/scaling.js'

const K8S = path.resolve(import.meta.dirname, '../../deploy/k8s')

// biome-ignore lint/suspicious/noExplicitAny: manifests are untyped until validated
type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; [key: string]: any }

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/Ingress': Ingress,
  'argoproj.io/v1alpha1/Rollout': Rollout,
  'argoproj.io/v1alpha1/AnalysisTemplate': AnalysisTemplate,
}

async function manifests(): Promise<{ file: string; doc: Manifest }[]> {
  const files = (await readdir(K8S, { recursive: true })).filter((f) => f.endsWith('.yaml')).sort()
  const all: { file: string; doc: Manifest }[] = []
  for (const file of files) {
    for (const document of parseAllDocuments(await readFile(path.join(K8S, file), 'utf8'))) {
      if (document.errors.length) throw new Error(`${file}: ${document.errors[0]?.message}`)
      all.push({ file, doc: document.toJS() as Manifest })
    }
  }
  return all
}

async function one(kind: string, file?: string): Promise<Manifest> {
  const found = (await manifests()).filter((m) => m.doc.kind === kind && (!file || m.file === file))
  expect(found, `${kind} ${file ?? ''}`).toHaveLength(1)
  return (found[0] as { doc: Manifest }).doc
}

const seconds = (duration: string) => Number(duration.replace(/s$/, ''))

describe('deploy/k8s manifests', () => {
  it('every manifest validates offline against the Kubernetes and Argo Rollouts schemas', async () => {
    const all = await manifests()
    expect(all.length).toBeGreaterThanOrEqual(10)
    for (const { file, doc } of all) {
      const Model = MODELS[`${doc.apiVersion}/${doc.kind}`]
      expect(Model, `${file}: no model for ${doc.apiVersion} ${doc.kind}`).toBeDefined()
      expect(() => new (Model as NonNullable<typeof Model>)(doc as never).validate(), file).not.toThrow()
    }
  })

  it('the validation catches a broken manifest (a string where a port number belongs)', async () => {
    const deployment = structuredClone(await one('Deployment'))
    deployment.spec.template.spec.containers[0].ports[0].containerPort = 'three thousand'
    expect(() => new Deployment(deployment as never).validate()).toThrow(/containerPort/)
    const rollout = structuredClone(await one('Rollout', 'argo-rollouts/rollout-canary.yaml'))
    rollout.spec.strategy.canary.steps[0].setWeight = 'five'
    expect(() => new Rollout(rollout as never).validate()).toThrow(/setWeight/)
  })

  it('the Deployment follows src/config/scaling.ts: port, resources, probes, preStop, grace period', async () => {
    const spec = (await one('Deployment')).spec.template.spec
    const container = spec.containers[0]
    expect(container.ports[0].containerPort).toBe(SCALING.containerPort)
    expect(container.resources).toEqual(SCALING.resources)
    for (const [probe, expected] of Object.entries(SCALING.probes)) {
      const actual = container[`${probe}Probe`]
      expect(actual.httpGet.path, probe).toBe(expected.path)
      expect(actual.periodSeconds, probe).toBe(expected.periodSeconds)
      expect(actual.failureThreshold, probe).toBe(expected.failureThreshold)
    }
    expect(container.lifecycle.preStop.sleep.seconds).toBe(SCALING.preStopSeconds)
    expect(spec.terminationGracePeriodSeconds).toBe(SCALING.terminationGracePeriodSeconds)
    expect(spec.securityContext.runAsNonRoot).toBe(true)
    // The grace period covers preStop, the service's readiness delay and its 25 s shutdown deadline.
    const config = (await one('ConfigMap')).data
    const shutdownDelay = Number(config.SHUTDOWN_DELAY_MS) / 1000
    expect(SCALING.preStopSeconds + shutdownDelay + 25).toBeLessThanOrEqual(SCALING.terminationGracePeriodSeconds)
    expect((await one('Deployment')).spec.replicas).toBe(SCALING.replicas.min)
    // Node sizes the heavy-work pool from the node's cores, not the pod's CPU limit: the ConfigMap sizes it instead.
    expect(Number(config.WORKER_THREADS)).toBe(Number(SCALING.resources.limits.cpu))
  })

  it('the autoscaler and disruption budget follow src/config/scaling.ts', async () => {
    const hpa = (await one('HorizontalPodAutoscaler')).spec
    expect(hpa.minReplicas).toBe(SCALING.replicas.min)
    expect(hpa.maxReplicas).toBe(SCALING.replicas.max)
    const resource = (name: string) =>
      hpa.metrics.find((m: Manifest) => m.type === 'Resource' && m.resource.name === name).resource.target
    expect(resource('cpu')).toEqual({ type: 'Utilization', averageUtilization: SCALING.autoscaling.cpuPercent })
    expect(resource('memory')).toEqual({ type: 'Utilization', averageUtilization: SCALING.autoscaling.memoryPercent })
    const rate = hpa.metrics.find((m: Manifest) => m.type === 'Pods').pods
    expect(rate.metric.name).toBe('http_requests_per_second')
    expect(Number(rate.target.averageValue)).toBe(SCALING.autoscaling.requestsPerSecondPerPod)
    const pdb = (await one('PodDisruptionBudget')).spec
    expect(pdb.minAvailable).toBe(SCALING.podDisruptionBudget.minAvailable)
    expect(pdb.minAvailable).toBeLessThan(SCALING.replicas.min)
  })

  it('pool size × max replicas stays within the 100-connection database budget, even with two stacks up', async () => {
    const poolMax = Number((await one('ConfigMap')).data.DATABASE_POOL_MAX)
    expect(poolMax).toBe(SCALING.database.poolMax)
    expect(SCALING.database.connectionBudget).toBe(100)
    expect(poolMax * SCALING.replicas.max).toBeLessThanOrEqual(SCALING.database.connectionBudget)
    // A blue-green rollout runs the previous stack beside the new one until it scales down.
    expect(peakDatabaseConnections(2)).toBeLessThanOrEqual(SCALING.database.connectionBudget)
    // The service reads the same setting the ConfigMap sets.
    expect(loadConfig({ DATABASE_POOL_MAX: String(poolMax) }).database.poolMax).toBe(poolMax)
  })

  it('the Argo canary takes the same steps with the 5xx analysis, and blue-green keeps the old stack 24 h', async () => {
    const canary = (await one('Rollout', 'argo-rollouts/rollout-canary.yaml')).spec.strategy.canary
    const weights = canary.steps.filter((s: Manifest) => 'setWeight' in s).map((s: Manifest) => s.setWeight)
    expect(weights).toEqual(SCALING.canary.steps)
    const pauses = canary.steps.filter((s: Manifest) => 'pause' in s).map((s: Manifest) => seconds(s.pause.duration))
    expect(pauses).toEqual(SCALING.canary.steps.map(() => SCALING.canary.stepSeconds))
    expect(canary.analysis.templates[0].templateName).toBe('roleready-error-rate')
    expect(canary.analysis.startingStep).toBe(1)

    const analysis = await one('AnalysisTemplate')
    expect(analysis.metadata.name).toBe('roleready-error-rate')
    const metric = analysis.spec.metrics[0]
    expect(metric.provider.prometheus.query).toContain('status_code=~"5.."')
    expect(metric.successCondition).toContain(`result[0] <= ${SCALING.canary.maxErrorRate}`)

    const blueGreen = (await one('Rollout', 'argo-rollouts/rollout-bluegreen.yaml')).spec.strategy.blueGreen
    expect(blueGreen.scaleDownDelaySeconds).toBe(SCALING.blueGreen.scaleDownDelaySeconds)
    expect(blueGreen.prePromotionAnalysis.templates[0].templateName).toBe('roleready-error-rate')
    const services = (await manifests()).filter((m) => m.doc.kind === 'Service').map((m) => m.doc.metadata.name)
    expect(services).toEqual(expect.arrayContaining([blueGreen.activeService, blueGreen.previewService]))
    expect(services).toEqual(expect.arrayContaining([canary.stableService, canary.canaryService]))
  })

  it('the single-host scripts default to the same canary steps, threshold and periods', async () => {
    const scripts = path.resolve(K8S, '../scripts')
    const lib = await readFile(path.join(scripts, 'lib.sh'), 'utf8')
    const canaryScript = await readFile(path.join(scripts, 'deploy-canary.sh'), 'utf8')
    const blueGreen = await readFile(path.join(scripts, 'deploy-blue-green.sh'), 'utf8')
    expect(canaryScript).toContain(`CANARY_STEPS="\${CANARY_STEPS:-${SCALING.canary.steps.join(' ')}}"`)
    expect(canaryScript).toContain(`STEP_SECONDS="\${STEP_SECONDS:-${SCALING.canary.stepSeconds}}"`)
    expect(lib).toContain(`MAX_ERROR_RATE="\${MAX_ERROR_RATE:-${SCALING.canary.maxErrorRate}}"`)
    expect(lib).toContain(`\${STANDBY_SECONDS:-${SCALING.blueGreen.scaleDownDelaySeconds}}`)
    expect(blueGreen).toContain(`MONITOR_SECONDS="\${MONITOR_SECONDS:-${SCALING.blueGreen.monitorSeconds}}"`)
  })
})
