import { z } from "@medusajs/framework/zod"
import { parseIsoInstant } from "../../engine/figures/calendar"

/** 2030-01-31, 2030-01-31T12:00, 2030-01-31T12:00:00.000Z, 2030-01-31T12:00:00+01:00 — four-digit years only. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * An ISO date or date-time string as a Date. Stricter than `z.coerce.date()`, which takes
 * numbers and booleans as epoch milliseconds and years beyond what PostgreSQL stores (a 500).
 */
export const isoDate = (field: string) => {
  const message = `Value for field '${field}': must be an ISO date such as 2030-01-31 or 2030-01-31T00:00:00Z`
  return z
    .string({ error: message })
    .trim()
    .regex(ISO_DATE, message)
    // a day that does not exist (2030-02-31) or hour 24 is refused, not rolled into the next month or day
    .refine((value) => parseIsoInstant(value) !== null, { message })
    .transform((value) => new Date(value))
    .refine((date) => !Number.isNaN(date.getTime()), { message })
}
