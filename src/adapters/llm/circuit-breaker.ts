export type CircuitState = 'closed' | 'open' | 'half-open'

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  readonly threshold: number
  /** How long the circuit stays open before one trial call is let through. */
  readonly cooldownMs: number
  /** Milliseconds clock (tests pass their own). */
  readonly now?: () => number
  /** Called whenever the state changes (metrics, logs). */
  readonly onChange?: (state: CircuitState) => void
}

/**
 * Closed: calls go through and consecutive failures are counted. Open (after `threshold` failures in a row): calls
 * are refused until `cooldownMs` has passed. Half-open: one trial call goes through; its success closes the circuit,
 * its failure opens it for another cool-down. Other calls are refused while the trial runs.
 */
export class CircuitBreaker {
  readonly #threshold: number
  readonly #cooldownMs: number
  readonly #now: () => number
  readonly #onChange: ((state: CircuitState) => void) | undefined
  #failures = 0
  #openedAt: number | undefined
  #trialRunning = false

  constructor(options: CircuitBreakerOptions) {
    this.#threshold = options.threshold
    this.#cooldownMs = options.cooldownMs
    this.#now = options.now ?? Date.now
    this.#onChange = options.onChange
  }

  get state(): CircuitState {
    if (this.#openedAt === undefined) return 'closed'
    return this.#now() - this.#openedAt >= this.#cooldownMs ? 'half-open' : 'open'
  }

  /** Whether a call may start now; in half-open state only the first caller gets true (the trial). */
  tryAcquire(): boolean {
    const state = this.state
    if (state === 'closed') return true
    if (state === 'open' || this.#trialRunning) return false
    this.#trialRunning = true
    this.#onChange?.('half-open')
    return true
  }

  /** Records a call that succeeded: the circuit closes and the failure count starts again. */
  recordSuccess(): void {
    const wasOpen = this.#openedAt !== undefined
    this.#failures = 0
    this.#openedAt = undefined
    this.#trialRunning = false
    if (wasOpen) this.#onChange?.('closed')
  }

  /** Records a failed call: a failed trial, or the `threshold`-th failure in a row, opens the circuit. */
  recordFailure(): void {
    this.#failures += 1
    const trialFailed = this.#trialRunning
    this.#trialRunning = false
    if (trialFailed || this.#failures >= this.#threshold) {
      this.#openedAt = this.#now()
      this.#onChange?.('open')
    }
  }
}
