/**
 * The close steps of what the app opened, registered as each thing opens. Startup that fails part way closes what
 * was already open; shutdown closes everything, last opened first.
 */

export type CloseStep = () => unknown

export interface Closer {
  /** Registers how to close something that has just opened; steps run in reverse order of registration. */
  defer(name: string, step: CloseStep): void
  /**
   * Runs every registered step once, last registered first. A failing step, or one that has not finished within
   * the step timeout (10 s by default), is reported to `onError` and the remaining steps still run, so shutdown
   * always ends; the promise then rejects with an AggregateError of the failures. Calling it again returns the
   * same promise.
   */
  close(): Promise<void>
}

/** How long one close step may take before shutdown moves on to the next (a dependency that never answers). */
export const CLOSE_STEP_TIMEOUT_MS = 10_000

/** Runs `step`, failing when it has not finished within `timeoutMs` (the step itself is left to finish or not). */
async function bounded(name: string, step: CloseStep, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`close step "${name}" did not finish within ${timeoutMs} ms`)), timeoutMs)
    timer.unref()
  })
  try {
    await Promise.race([Promise.resolve().then(step), timeout])
  } finally {
    clearTimeout(timer)
  }
}

export function createCloser(
  onError: (error: unknown, step: string) => void = () => {},
  { stepTimeoutMs = CLOSE_STEP_TIMEOUT_MS }: { stepTimeoutMs?: number } = {},
): Closer {
  const steps: { name: string; step: CloseStep }[] = []
  let closing: Promise<void> | undefined

  async function runAll(): Promise<void> {
    const failures: unknown[] = []
    for (let next = steps.pop(); next; next = steps.pop()) {
      try {
        await bounded(next.name, next.step, stepTimeoutMs)
      } catch (error) {
        failures.push(error)
        try {
          onError(error, next.name)
        } catch {
          // A broken reporter must not stop the remaining steps.
        }
      }
    }
    if (failures.length > 0) {
      throw new AggregateError(failures, `${failures.length} close step(s) failed`)
    }
  }

  return {
    defer(name, step) {
      if (closing) throw new Error(`"${name}" opened after close() began`)
      steps.push({ name, step })
    },
    close() {
      closing ??= runAll()
      return closing
    },
  }
}

/**
 * Runs `open` with the closer; when it throws, closes whatever `open` had registered (reporting, not throwing,
 * close failures) and rethrows the original error.
 */
export async function openOrClose<T>(closer: Closer, open: (closer: Closer) => Promise<T>): Promise<T> {
  try {
    return await open(closer)
  } catch (error) {
    await closer.close().catch(() => {})
    throw error
  }
}
