/** Months since year 0 for a JSON Resume date (YYYY, YYYY-MM or YYYY-MM-DD); undefined when not parseable. */
export function monthIndex(date: string): number | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim())
  if (!m) return undefined
  const year = Number(m[1])
  const month = m[2] ? Number(m[2]) : 1
  if (month < 1 || month > 12 || year < 1900 || year > 2200) return undefined
  if (m[3] && (Number(m[3]) < 1 || Number(m[3]) > 31)) return undefined
  return year * 12 + (month - 1)
}

/** Total months covered by the intervals, counting overlaps once. Intervals are [start, end) in months. */
export function coveredMonths(intervals: readonly (readonly [number, number])[]): number {
  const sorted = [...intervals].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0] || x[1] - y[1])
  let total = 0
  let current: [number, number] | undefined
  for (const [a, b] of sorted) {
    if (!current || a > current[1]) {
      if (current) total += current[1] - current[0]
      current = [a, b]
    } else current[1] = Math.max(current[1], b)
  }
  if (current) total += current[1] - current[0]
  return total
}
