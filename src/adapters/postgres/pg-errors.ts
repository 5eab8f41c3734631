/** Postgres SQLSTATE codes RoleReady reacts to; pg and PGlite both expose them as `error.code`. */
export const PG_UNIQUE_VIOLATION = '23505'

export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code
  }
  return undefined
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (sqlState(error) !== PG_UNIQUE_VIOLATION) return false
  if (constraint === undefined) return true
  const named = (error as { constraint?: unknown }).constraint
  const message = error instanceof Error ? error.message : ''
  return named === constraint || message.includes(constraint)
}
