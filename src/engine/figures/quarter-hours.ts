/**
 * The quarter hours the order figures are rolled up in (payment_risk_order_rollup): a period is
 * read from the rollup for its whole quarter hours and row by row for the minutes before the
 * first and after the last one, so any period (any instant to any instant) is counted exactly.
 */
import { utcOffsetMs } from "./calendar"

export const QUARTER_HOUR_MS = 15 * 60 * 1000

export type Span = { from: Date; to: Date }

/** A period split into its whole quarter hours (`inner`, null when it holds none) and the rest (`edges`, read row by row). */
export type QuarterHourSplit = { inner: Span | null; edges: Span[] }

export function splitIntoQuarterHours(period: Span): QuarterHourSplit {
  const from = period.from.getTime()
  const to = period.to.getTime()
  const first = Math.ceil(from / QUARTER_HOUR_MS) * QUARTER_HOUR_MS
  const last = Math.floor(to / QUARTER_HOUR_MS) * QUARTER_HOUR_MS
  if (first >= last) return { inner: null, edges: to > from ? [{ from: period.from, to: period.to }] : [] }
  const edges: Span[] = []
  if (from < first) edges.push({ from: period.from, to: new Date(first) })
  if (last < to) edges.push({ from: new Date(last), to: period.to })
  return { inner: { from: new Date(first), to: new Date(last) }, edges }
}

/**
 * Whether every quarter hour of the period lies within one calendar day of the time zone, so a
 * quarter hour's orders can be counted on the day of its start: the zone's offset from UTC is a
 * whole number of quarter hours throughout the period (every zone today is; some were not before
 * the 1970s, e.g. Liberia at −0:44:30), and each clock change in the period happens at a whole
 * quarter hour of UTC (St. John's changed its clocks at 00:01 local time until 2011, which put a
 * day boundary one minute into a quarter hour). The offset is read once a day; where it differs
 * from the day before, the change's instant is found to the second.
 */
export function quarterHoursFitDays(period: Span, timeZone: string): boolean {
  const day = 24 * 60 * 60 * 1000
  const offset = (t: number) => utcOffsetMs(new Date(t), timeZone)
  const from = period.from.getTime()
  const to = period.to.getTime()
  let t = from
  let current = offset(t)
  if (current % QUARTER_HOUR_MS !== 0) return false
  while (t < to) {
    const next = Math.min(t + day, to)
    const then = offset(next)
    if (then !== current) {
      if (then % QUARTER_HOUR_MS !== 0) return false
      // the first second with the new offset: the clock change
      let before = t
      let after = next
      while (after - before > 1000) {
        const middle = before + Math.floor((after - before) / 2000) * 1000
        if (offset(middle) === current) before = middle
        else after = middle
      }
      if (after % QUARTER_HOUR_MS !== 0) return false
      current = then
    }
    t = next
  }
  return true
}
