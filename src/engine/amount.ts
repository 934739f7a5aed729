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

/**
 * Amounts from Query may be numbers, numeric strings or BigNumber-like objects
 * (`{ numeric }`). The engine works with plain numbers in major units.
 */
export function toAmount(value: unknown): number {
  if (typeof value === "number") {
    return value
  }
  if (typeof value === "string") {
    return Number.parseFloat(value)
  }
  if (value && typeof value === "object" && "numeric" in value) {
    return Number((value as { numeric: unknown }).numeric)
  }
  return Number.NaN
}

export function sumAmounts(values: unknown[]): number {
  return values.reduce<number>((sum, value) => {
    const amount = toAmount(value)
    return Number.isFinite(amount) ? sum + amount : sum
  }, 0)
}
