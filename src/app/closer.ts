/**
 * The close steps of what the app opened, registered as each thing opens. Startup that fails part way closes what
 * was already open; shutdown closes everything, last opened first.
 */

export type CloseStep = () => unknown

export interface Closer {
  /** Registers how to close something that has just opened; steps run in reverse order of registration. */
  defer(name: string, step: CloseStep): void
  /**
   * Runs every registered step once, last registered first. A failing step is reported to `onError` and the
   * remaining steps still run; the promise then rejects with an AggregateError of the failures. Calling it again
   * returns the same promise.
   */
  close(): Promise<void>
}

export function createCloser(onError: (error: unknown, step: string) => void = () => {}): Closer {
  const steps: { name: string; step: CloseStep }[] = []
  let closing: Promise<void> | undefined

  async function runAll(): Promise<void> {
    const failures: unknown[] = []
    for (let next = steps.pop(); next; next = steps.pop()) {
      try {
        await next.step()
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
