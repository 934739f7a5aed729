import { baseRateOn, RateTable } from "./base-rates"
import { Day, dayString } from "./days"

/** A stretch of default with one rate and one outstanding principal. `to` is inclusive. */
export type InterestPeriod = {
  from: string
  to: string
  days: number
  /** percent per year: base rate + the debtor's points */
  rate: number
  /** the principal interest ran on */
  principal: number
  /** unrounded interest of the period (rounded only where shown or paid) */
  interest: number
}

/**
 * Default interest (§288 BGB) on `principal` for the days `from`…`to` (both included), at the
 * base rate of each day plus `points`, actual/365: a period is cut wherever the base rate
 * changes. Days without a known base rate accrue at `points` alone and are reported by the
 * caller (never more than the law allows). No interest on interest or fees (§289 BGB).
 */
export function accrueInterest(principal: number, from: Day, to: Day, table: RateTable, points: number): InterestPeriod[] {
  const periods: InterestPeriod[] = []
  if (principal <= 0 || to < from) return periods
  let start = from
  while (start <= to) {
    const rate = (baseRateOn(table, start) ?? 0) + points
    const nextChange = table.find((row) => row.from > start)?.from
    const end = nextChange !== undefined && nextChange <= to ? nextChange - 1 : to
    const days = end - start + 1
    periods.push({
      from: dayString(start),
      to: dayString(end),
      days,
      rate: Math.round(rate * 1e6) / 1e6,
      principal,
      interest: (principal * Math.max(rate, 0) * days) / 36_500,
    })
    start = end + 1
  }
  return periods
}
