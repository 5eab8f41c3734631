/** What domain-service tests share: a clock the test moves, and an event bus that records what it publishes. */
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
