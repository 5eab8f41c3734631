/** Domain events: emitted by services after a change is stored; caches and metrics listen. */
export const DOMAIN_EVENTS = [
  'RESUME_UPDATED',
  'DRAFT_SAVED',
  'DRAFT_COMMITTED',
  'TAILORED_CREATED',
  'RESUME_DELETED',
  'USER_UPDATED',
  'USER_DELETED',
  'JOB_DELETED',
] as const

export type DomainEventName = (typeof DOMAIN_EVENTS)[number]

export interface DomainEvent {
  readonly name: DomainEventName
  readonly userId: string
  readonly resumeId?: string
}

export type DomainEventListener = (event: DomainEvent) => void | Promise<void>

export interface EventBus {
  /** Delivers the event to every listener; a failing listener is reported, never thrown to the emitter. */
  emit(event: DomainEvent): void
  /** Registers a listener; returns a function that removes it. */
  on(listener: DomainEventListener): () => void
}

export function createEventBus(onListenerError: (error: unknown, event: DomainEvent) => void): EventBus {
  const listeners = new Set<DomainEventListener>()
  return {
    emit(event) {
      for (const listener of listeners) {
        try {
          const result = listener(event)
          if (result instanceof Promise) result.catch((error: unknown) => onListenerError(error, event))
        } catch (error) {
          onListenerError(error, event)
        }
      }
    },
    on(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
