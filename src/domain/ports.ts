/** Ports shared by every feature: time and identifiers come from here, never from globals. */
export interface Clock {
  /** The current instant. */
  now(): Date
}

export interface IdGenerator {
  /** A new random UUID (v4), unique across instances. */
  uuid(): string
}
