import { z } from "@medusajs/framework/zod"
import { isoDate } from "../../../../risk/validation/iso-date"

const DAY_MS = 86_400_000
/** Without `from`, the period is the 30 days before `to`. */
export const DEFAULT_PERIOD_DAYS = 30
/** The longest period one request may cover (two years). */
export const MAX_PERIOD_DAYS = 731

const message = (field: string, text: string) => `Value for field '${field}': ${text}`

/** The fields of a figures period: from (inclusive), to (exclusive, default now), the currency. */
export const periodFields = {
  from: isoDate("from").optional(),
  to: isoDate("to").optional(),
  currency_code: z
    .string({ error: message("currency_code", "give the currency of the figures, a three-letter code such as EUR") })
    .trim()
    .regex(/^[A-Za-z]{3}$/, message("currency_code", "must be a three-letter currency code such as EUR"))
    .transform((code) => code.toLowerCase()),
}

type PeriodInput = { from?: Date; to?: Date; currency_code: string }
export type Period = { from: Date; to: Date; currency_code: string }

/** Fills in the defaults (to = now, from = to − 30 days). */
export function withPeriodDefaults<T extends PeriodInput>(value: T): Omit<T, "from" | "to"> & Period {
  const to = value.to ?? new Date()
  const from = value.from ?? new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS)
  return { ...value, from, to }
}

const isDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime())

/** `from` must lie before `to`, and the period within two years (checked only once both are dates: a bad date has its own issue). */
export function checkPeriod(value: PeriodInput, ctx: z.RefinementCtx): void {
  if ((value.from !== undefined && !isDate(value.from)) || (value.to !== undefined && !isDate(value.to))) return
  const { from, to } = withPeriodDefaults(value)
  if (from.getTime() >= to.getTime()) {
    ctx.addIssue({ code: "custom", path: ["from"], message: message("from", "the start of the period must lie before its end (to)") })
  } else if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    ctx.addIssue({ code: "custom", path: ["from"], message: message("from", `a period may cover at most ${MAX_PERIOD_DAYS} days`) })
  }
}

/** `GET /admin/payment-risk/analytics?from=&to=&currency_code=` */
export const AdminFiguresQuery = z.object(periodFields).strict().superRefine(checkPeriod).transform(withPeriodDefaults)
export type AdminFiguresQueryType = z.infer<typeof AdminFiguresQuery>
