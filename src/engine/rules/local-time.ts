const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 }

/** Weekday (1 = Monday … 7 = Sunday) and hour (0–23) of `now` in the store's time zone. */
export function localTime(now: Date, timeZone: string): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "numeric", hourCycle: "h23" }).formatToParts(now)
  const weekday = WEEKDAYS[parts.find((part) => part.type === "weekday")?.value ?? ""] ?? 0
  const hour = Number(parts.find((part) => part.type === "hour")?.value ?? NaN) % 24
  return { weekday, hour }
}
