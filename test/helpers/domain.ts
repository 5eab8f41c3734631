/** What domain-service tests share: a clock the test moves, and an event bus that records what it publishes. */
import { createLoginGuard } from '../../src/adapters/security/login-guard.js'
import { DomainError } from '../../src/domain/errors.js'
import { createEventBus, type DomainEvent, type EventBus } from '../../src/domain/events.js'

/** A clock standing at `start` until the test moves it on. */
export function movableClock(start = '2026-11-01T09:00:00.000Z'): {
  clock: { now: () => Date }
  advance: (ms: number) => void
} {
  let now = new Date(start)
  return {
    clock: { now: () => now },
    advance: (ms) => {
      now = new Date(now.getTime() + ms)
    },
  }
}

/** An event bus whose published events the test can read, in order. */
export function recordingBus(): { bus: EventBus; events: DomainEvent[] } {
  const events: DomainEvent[] = []
  const bus = createEventBus(() => {})
  bus.on((event) => {
    events.push(event)
  })
  return { bus, events }
}

/** The code of the DomainError the promise rejects with; undefined when it resolves, the message for other errors. */
export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
    return undefined
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error)
  }
}

/** A login guard with the service's limits and no slowdown, keyed apart from the app's. */
export function testLoginGuard() {
  return createLoginGuard({
    accountFailures: 5,
    accountBlockSeconds: 600,
    ipFailuresPerDay: 100,
    registrationsPerHour: 100,
    slowdownMs: 0,
    keyPrefix: 'test:',
  })
}
