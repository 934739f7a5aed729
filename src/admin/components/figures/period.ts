/** The overview's periods: the last 7, 30 or 90 days up to today, or two chosen days (both included). */
/** `preset`: the last so many days (7, 30, 90 in the overview; the rule test offers longer ones) */
export type PeriodChoice = { preset: number } | { preset: "custom"; from: string; to: string }

export const PRESETS = [7, 30, 90] as const

const DAY = 24 * 60 * 60 * 1000

/** Local midnight of a "YYYY-MM-DD" day (the merchant's calendar day). */
function startOfDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number)
  return new Date(y, m - 1, d)
}

/** "YYYY-MM-DD" of a date in local time. */
export function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * The period as the API takes it (from inclusive, to exclusive, ISO): a preset ends at the end
 * of today, so the query stays the same all day; custom days are whole days, the last included.
 * null when a custom period is incomplete or ends before it starts.
 */
export function periodRange(choice: PeriodChoice, now = new Date()): { from: string; to: string } | null {
  if (choice.preset === "custom") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(choice.from) || !/^\d{4}-\d{2}-\d{2}$/.test(choice.to)) return null
    const from = startOfDay(choice.from)
    const to = startOfDay(choice.to)
    to.setDate(to.getDate() + 1)
    return to > from ? { from: from.toISOString(), to: to.toISOString() } : null
  }
  const to = startOfDay(dayOf(now))
  to.setDate(to.getDate() + 1)
  const from = new Date(to.getTime() - choice.preset * DAY)
  // whole local days also across a daylight-saving change
  from.setHours(0, 0, 0, 0)
  if (to.getTime() - from.getTime() > choice.preset * DAY + 2 * 60 * 60 * 1000) from.setDate(from.getDate() + 1)
  return { from: from.toISOString(), to: to.toISOString() }
}
