/** Calendar days as integers (days since 1970-01-01, UTC): the dunning arithmetic never meets time zones or DST. */
export type Day = number

const MS_PER_DAY = 86_400_000
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/

/** "2007-10-09" (or an ISO timestamp, or a Date) → its calendar day; NaN when unreadable. */
export function toDay(value: string | Date): Day {
  if (value instanceof Date) return Math.floor(value.getTime() / MS_PER_DAY)
  const match = ISO_DAY.exec(value)
  if (!match) return Number.NaN
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY
}

/** A calendar day as "YYYY-MM-DD". */
export function dayString(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

/** Rounds to cents, halves away from zero (commercial rounding), without binary drift (4.715 → 4.72). */
export function roundCents(amount: number): number {
  return Math.sign(amount) * Math.round(Math.abs(amount) * 100 + 1e-9) / 100
}
