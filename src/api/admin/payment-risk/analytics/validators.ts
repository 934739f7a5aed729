import { z } from "@medusajs/framework/zod"
import { canonicalTimeZone, DEFAULT_TIME_ZONE, isTimeZone, parseIsoInstant } from "../../../../engine"

const DAY_MS = 86_400_000
/** Without `from`, the period is the 30 days before `to`. */
export const DEFAULT_PERIOD_DAYS = 30
/** The longest period one request may cover (two years). */
export const MAX_PERIOD_DAYS = 731

const message = (field: string, text: string) => `Value for field '${field}': ${text}`

const dateMessage = (field: string) => message(field, "must be a date that exists, such as 2030-01-31 or 2030-01-31T00:00:00Z")

/**
 * A period's date as given (checked to name a day that exists: 2030-02-31 is refused, not moved
 * to March); it becomes an instant once the time zone is known (`withPeriodDefaults`).
 */
const periodDate = (field: string) =>
  z
    .string({ error: dateMessage(field) })
    .trim()
    .refine((text) => parseIsoInstant(text) !== null, { message: dateMessage(field) })

/**
 * The fields of a figures period: from (inclusive), to (exclusive, default now), the currency,
 * and the merchant's time zone (IANA name, default UTC): a date without a time is midnight there,
 * and the daily figures are her calendar days.
 */
export const periodFields = {
  from: periodDate("from").optional(),
  to: periodDate("to").optional(),
  currency_code: z
    .string({ error: message("currency_code", "give the currency of the figures, a three-letter code such as EUR") })
    .trim()
    .regex(/^[A-Za-z]{3}$/, message("currency_code", "must be a three-letter currency code such as EUR"))
    .transform((code) => code.toLowerCase()),
  tz: z
    .string({ error: message("tz", "must be a time zone such as Europe/Berlin or UTC") })
    .trim()
    .max(64, message("tz", "must be a time zone such as Europe/Berlin or UTC"))
    .refine(isTimeZone, { message: message("tz", "must be a time zone such as Europe/Berlin or UTC") })
    .transform((name) => canonicalTimeZone(name) ?? name)
    .optional(),
}

type PeriodInput = { from?: string; to?: string; currency_code: string; tz?: string }
export type Period = { from: Date; to: Date; currency_code: string; time_zone: string }

/** The period's instants in its time zone, with the defaults (to = now, from = to − 30 days); null for a date that is not one. */
function instantsOf(value: PeriodInput): { from: Date | null; to: Date | null; time_zone: string } {
  const time_zone = value.tz ?? DEFAULT_TIME_ZONE
  const to = value.to === undefined ? new Date() : parseIsoInstant(value.to, time_zone)
  const from = value.from === undefined ? (to ? new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS) : null) : parseIsoInstant(value.from, time_zone)
  return { from, to, time_zone }
}

/** Fills in the defaults (to = now, from = to − 30 days, time zone UTC) and reads the dates in the time zone. */
export function withPeriodDefaults<T extends PeriodInput>(value: T): Omit<T, "from" | "to" | "tz"> & Period {
  const { from, to, time_zone } = instantsOf(value)
  const { from: _from, to: _to, tz: _tz, ...rest } = value
  // checkPeriod ran first: both are instants here
  return { ...rest, from: from ?? new Date(Number.NaN), to: to ?? new Date(Number.NaN), time_zone }
}

/** `from` must lie before `to`, and the period within two years (checked only once both are dates and the time zone is known: a bad one has its own issue). */
export function checkPeriod(value: PeriodInput, ctx: z.RefinementCtx): void {
  if (value.tz !== undefined && !isTimeZone(value.tz)) return
  const { from, to } = instantsOf(value)
  if (!from || !to) return
  if (from.getTime() >= to.getTime()) {
    ctx.addIssue({ code: "custom", path: ["from"], message: message("from", "the start of the period must lie before its end (to)") })
  } else if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    ctx.addIssue({ code: "custom", path: ["from"], message: message("from", `a period may cover at most ${MAX_PERIOD_DAYS} days`) })
  }
}

/** `GET /admin/payment-risk/analytics?from=&to=&currency_code=&tz=` */
export const AdminFiguresQuery = z.object(periodFields).strict().superRefine(checkPeriod).transform(withPeriodDefaults)
export type AdminFiguresQueryType = z.infer<typeof AdminFiguresQuery>
