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
