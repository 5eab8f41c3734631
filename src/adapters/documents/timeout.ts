import { DomainError } from '../../domain/errors.js'

/** Rejects with IMPORT_TIMEOUT when the work takes longer than `ms`. */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DomainError('IMPORT_TIMEOUT', `Reading the file took longer than ${ms} ms.`)),
      ms,
    )
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}
