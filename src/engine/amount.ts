/**
 * An amount as a number, or NaN when it is unknown. Unlike `Number()`, null, undefined and
 * blank strings are unknown rather than 0, so callers can fail safe on them.
 */
export function knownAmount(value: unknown): number {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) {
    return Number.NaN
  }
  return Number(value)
}
