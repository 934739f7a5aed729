import { dayIn, DEFAULT_TIME_ZONE, nextDay } from "./calendar"
import { cents, fromCents } from "./money"

/** One day of the overview's charts (calendar days in the merchant's time zone, UTC by default). */
export type DailyFigures = {
  date: string
  /** carts first evaluated that day */
  evaluated: number
  restricted: number
  completed_after_restriction: number
  /** orders placed that day, their amount, and how many of them defaulted */
  orders: number
  amount: number
  defaulted: number
}

export type DailyEntry = { date: string } & Partial<Omit<DailyFigures, "date">>

/**
 * Every calendar day (in `timeZone`, default UTC) that the period touches (from inclusive, to
 * exclusive), oldest first, with the entries of that day summed (amounts in cents) and zeros
 * where nothing happened, so a chart shows quiet days as quiet. Entries outside the period are
 * left out.
 */
export function dailySeries(period: { from: Date; to: Date }, entries: readonly DailyEntry[], timeZone: string = DEFAULT_TIME_ZONE): DailyFigures[] {
  const days = new Map<string, DailyFigures & { cents: number }>()
  if (period.from.getTime() < period.to.getTime()) {
    const last = dayIn(new Date(period.to.getTime() - 1), timeZone)
    for (let date = dayIn(period.from, timeZone); date <= last; date = nextDay(date)) {
      days.set(date, { date, evaluated: 0, restricted: 0, completed_after_restriction: 0, orders: 0, amount: 0, defaulted: 0, cents: 0 })
    }
  }
  for (const entry of entries) {
    const day = days.get(entry.date)
    if (!day) continue
    day.evaluated += entry.evaluated ?? 0
    day.restricted += entry.restricted ?? 0
    day.completed_after_restriction += entry.completed_after_restriction ?? 0
    day.orders += entry.orders ?? 0
    day.cents += cents(entry.amount ?? 0)
    day.defaulted += entry.defaulted ?? 0
  }
  return [...days.values()].map(({ cents: sum, ...day }) => ({ ...day, amount: fromCents(sum) }))
}
