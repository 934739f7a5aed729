/**
 * Results of pure functions of two strings, kept per value (never per object, so nothing a caller
 * changes afterwards can be served stale): a bounded cache, emptied when full. Keyed in two levels
 * so a lookup builds no combined key string (a concatenation, then hashing it, on every call).
 */
export function memoByTwoStrings<T>(size: number, compute: (first: string, second: string) => T): (first: string, second: string) => T {
  const byFirst = new Map<string, Map<string, T>>()
  let count = 0
  return (first, second) => {
    let bySecond = byFirst.get(first)
    const kept = bySecond?.get(second)
    if (kept !== undefined || bySecond?.has(second)) return kept as T
    const value = compute(first, second)
    if (count >= size) {
      byFirst.clear()
      count = 0
      bySecond = undefined
    }
    if (!bySecond) byFirst.set(first, (bySecond = new Map()))
    bySecond.set(second, value)
    count++
    return value
  }
}
