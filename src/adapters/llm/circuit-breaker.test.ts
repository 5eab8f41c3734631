import { describe, expect, it } from 'vitest'
import { CircuitBreaker, type CircuitState } from './circuit-breaker.js'

function breaker(threshold = 3, cooldownMs = 1000) {
  const clock = { now: 0 }
  const changes: CircuitState[] = []
  const b = new CircuitBreaker({ threshold, cooldownMs, now: () => clock.now, onChange: (s) => changes.push(s) })
  return { b, clock, changes }
}

describe('circuit breaker', () => {
  it('opens after the threshold of consecutive failures, and a success in between starts the count again', () => {
    const { b, changes } = breaker(3)
    b.recordFailure()
    b.recordFailure()
    b.recordSuccess()
    b.recordFailure()
    b.recordFailure()
    expect(b.state).toBe('closed')
    expect(b.tryAcquire()).toBe(true)
    b.recordFailure()
    expect(b.state).toBe('open')
    expect(b.tryAcquire()).toBe(false)
    expect(changes).toEqual(['open'])
  })

  it('lets one trial through after the cool-down; its success closes the circuit', () => {
    const { b, clock, changes } = breaker(1, 1000)
    b.recordFailure()
    clock.now = 999
    expect(b.tryAcquire()).toBe(false)
    clock.now = 1000
    expect(b.state).toBe('half-open')
    expect(b.tryAcquire()).toBe(true)
    // Only one trial at a time.
    expect(b.tryAcquire()).toBe(false)
    b.recordSuccess()
    expect(b.state).toBe('closed')
    expect(b.tryAcquire()).toBe(true)
    expect(changes).toEqual(['open', 'half-open', 'closed'])
  })

  it('opens again for a full cool-down when the trial fails', () => {
    const { b, clock } = breaker(5, 1000)
    for (let i = 0; i < 5; i++) b.recordFailure()
    clock.now = 1500
    expect(b.tryAcquire()).toBe(true)
    b.recordFailure()
    expect(b.state).toBe('open')
    clock.now = 2499
    expect(b.tryAcquire()).toBe(false)
    clock.now = 2500
    expect(b.tryAcquire()).toBe(true)
  })
})
