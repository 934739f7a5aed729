/**
 * Calendar days and time zones for the figures (pure; the platform's Intl time-zone data).
 * The overview's days are the merchant's days: a period given as dates starts and ends at
 * midnight in her time zone, and the daily chart groups by her calendar day (UTC by default).
 */

/** 2030-01-31, 2030-01-31T12:00, 2030-01-31T12:00:00.000Z, 2030-01-31T12:00:00+01:00 — four-digit years only. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/

export const DEFAULT_TIME_ZONE = "UTC"

/** An IANA time-zone name the platform knows (e.g. Europe/Berlin, UTC). */
export function isTimeZone(name: string): boolean {
  return canonicalTimeZone(name) !== null
}

/** A known time-zone name as the platform spells it (europe/berlin → Europe/Berlin), else null. */
export function canonicalTimeZone(name: string): string | null {
  if (!name) return null
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone
  } catch {
    return null
  }
}

const formats = new Map<string, Intl.DateTimeFormat>()
function formatOf(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
    formats.set(timeZone, format)
  }
  return format
}

/** The wall-clock fields of an instant in a time zone. */
function wallClock(at: Date, timeZone: string) {
  const parts: Record<string, number> = {}
  for (const part of formatOf(timeZone).formatToParts(at)) if (part.type !== "literal") parts[part.type] = Number(part.value)
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second }
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(at: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (timeZone === "UTC") return at.toISOString().slice(0, 10)
  const w = wallClock(at, timeZone)
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`
}

/** The day after a calendar day (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number)
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}

/** How far a time zone's clocks are ahead of UTC at an instant (ms; whole seconds). */
export function utcOffsetMs(at: Date, timeZone: string): number {
  if (timeZone === "UTC") return 0
  const w = wallClock(at, timeZone)
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at.getTime() / 1000) * 1000
}

/** The instant a wall-clock time has in a time zone (the earlier one where the clock is set back; a skipped time moves forward). */
export function zonedInstant(fields: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number; ms?: number }, timeZone: string): Date {
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0, fields.ms ?? 0)
  const offsetAt = (t: number) => utcOffsetMs(new Date(t), timeZone)
  let guess = wall - offsetAt(wall)
  const second = wall - offsetAt(guess)
  if (second !== guess) guess = Math.min(guess, second)
  return new Date(guess)
}

/**
 * An ISO date or date-time as an instant, or null when it is not one or names a day that does not
 * exist (2030-02-31, 2030-13-01, 24:00). A date or a date-time without an offset is read in the
 * given time zone (UTC by default); one with `Z` or an offset is that instant.
 */
export function parseIsoInstant(text: string, timeZone: string = DEFAULT_TIME_ZONE): Date | null {
  const match = ISO_DATE_TIME.exec(text.trim())
  if (!match) return null
  const [, y, mo, d, h, mi, s, frac, offset] = match
  const fields = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0), ms: Number((frac ?? "0").padEnd(3, "0").slice(0, 3)) }
  if (fields.month < 1 || fields.month > 12 || fields.day < 1 || fields.hour > 23 || fields.minute > 59 || fields.second > 59) return null
  const calendar = new Date(Date.UTC(fields.year, fields.month - 1, fields.day))
  if (calendar.getUTCDate() !== fields.day || calendar.getUTCMonth() !== fields.month - 1) return null
  if (offset) {
    const instant = new Date(`${y}-${mo}-${d}T${pad(fields.hour)}:${pad(fields.minute)}:${pad(fields.second)}.${pad(fields.ms, 3)}${offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset}`)
    return Number.isNaN(instant.getTime()) ? null : instant
  }
  return zonedInstant(fields, timeZone)
}
