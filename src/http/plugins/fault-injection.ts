import { randomInt } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { sendProblem } from './problems.js'

/** Probes and scrapes stay truthful: a faulty canary must still look alive to its orchestrator. */
const EXEMPT = /^\/(api\/health(\/|$|\?)|metrics(\?|$))/

/**
 * Test and drill feature (FAULT_INJECTION_5XX_RATE): answers that share of requests with a 503 problem so a canary
 * deployment's automatic rollback can be exercised for real. Off (0) by default; a warning is logged when on.
 */
export function registerFaultInjection(server: FastifyInstance, rate: number): void {
  if (rate <= 0) return
  server.log.warn({ faultInjection5xxRate: rate }, 'FAULT INJECTION IS ON: this share of requests fails with 503')
  const threshold = Math.round(rate * 1_000_000)
  server.addHook('onRequest', (request, reply, done) => {
    if (EXEMPT.test(request.url) || randomInt(1_000_000) >= threshold) return done()
    reply.header('x-fault-injected', '1')
    sendProblem(request, reply, 'SERVICE_UNAVAILABLE', 'Injected fault (FAULT_INJECTION_5XX_RATE).')
  })
}
